import { TAG_CACHE_LIMIT, type TagEntry } from '../point-sink.js';

/** One raw tags text of the NDJSON fast path, known by its bytes. */
export interface ByteTagEntry extends TagEntry {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** The next entry whose bytes hash alike. */
  readonly next: ByteTagEntry | undefined;
  /** The entry that followed this one last time (k6 repeats its sequences of tags: a guess that skips hashing). */
  after: ByteTagEntry | undefined;
}

/**
 * Whether `buf[at, at + length)` holds `entry`'s bytes, compared as 8-byte words read as float64 (the last
 * word overlapping the one before), a few ns per line.
 *
 * Float equality is byte equality except for NaN patterns (never equal) and ±0 (equal, different bytes).
 * A NaN word needs a byte ≥ 0xF0 followed by 0x7F or an 0xFF byte, which UTF-8 never has; such input
 * only misses the cache. ±0 words are seven NUL bytes, which JSON text cannot hold raw: the entry's
 * tags are then undefined and the line goes to JSON.parse, which judges its own bytes. So no line ever
 * gets another line's tags.
 */
export function sameBytes(entry: ByteTagEntry, view: DataView, buf: Uint8Array, at: number, length: number): boolean {
  if (entry.bytes.length !== length) return false;
  if (length < 8) {
    const bytes = entry.bytes;
    for (let i = 0; i < length; i++) if (buf[at + i] !== bytes[i]) return false;
    return true;
  }
  const own = entry.view;
  const last = length - 8;
  for (let i = 0; i < last; i += 8) if (view.getFloat64(at + i, true) !== own.getFloat64(i, true)) return false;
  return view.getFloat64(at + last, true) === own.getFloat64(last, true);
}

/**
 * Raw tags bytes → tags and targets, for the NDJSON fast path: a hash of the bytes finds the entry and a
 * word comparison confirms it, so looking up tags never makes a string. It starts over past `limit`
 * entries (k6 `url` tags can be unique per request).
 */
export class ByteTagTable {
  private readonly map = new Map<number, ByteTagEntry>();
  private count = 0;

  constructor(private readonly limit = TAG_CACHE_LIMIT) {}

  get size(): number {
    return this.count;
  }

  /** The entry for `buf[at, at + length)`, made with `parse` (tags, or undefined for the slow path) on first sight. */
  lookup(view: DataView, buf: Uint8Array, at: number, length: number, parse: (bytes: Uint8Array) => Readonly<Record<string, string>> | undefined): ByteTagEntry {
    const hash = hashBytes(view, buf, at, length);
    const head = this.map.get(hash);
    for (let e = head; e !== undefined; e = e.next) if (sameBytes(e, view, buf, at, length)) return e;
    if (this.count >= this.limit) {
      // Unlink the guesses too: a kept entry's `after` would otherwise hold every entry made since.
      for (const first of this.map.values()) for (let e: ByteTagEntry | undefined = first; e !== undefined; e = e.next) e.after = undefined;
      this.map.clear();
      this.count = 0;
      return this.lookup(view, buf, at, length, parse);
    }
    const bytes = new Uint8Array(length);
    bytes.set(buf.subarray(at, at + length));
    const entry: ByteTagEntry = { bytes, view: new DataView(bytes.buffer), tags: parse(bytes), targets: [], next: head, after: undefined };
    this.map.set(hash, entry);
    this.count++;
    return entry;
  }
}

function hashBytes(view: DataView, buf: Uint8Array, at: number, length: number): number {
  let h = length | 0;
  const words = length >> 2;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getInt32(at + 4 * i, true), 0x9e3779b1) ^ (h >>> 15);
  for (let i = words << 2; i < length; i++) h = Math.imul(h ^ buf[at + i]!, 0x85ebca6b);
  return (h ^ (h >>> 16)) | 0;
}

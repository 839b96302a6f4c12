import { TAG_CACHE_LIMIT, type TagEntry } from '../point-sink.js';

/** One raw tags text of the NDJSON fast path, known by its bytes. */
export interface ByteTagEntry extends TagEntry {
  readonly bytes: Uint8Array;
  /**
   * The bytes as 8-byte words read as float64 (the last one overlapping the one before), for
   * `sameBytes`; empty when shorter than 8 bytes or when a word is NaN or ±0 (then compared byte by byte).
   */
  readonly words: Float64Array;
  /** The next entry whose bytes hash alike. */
  readonly next: ByteTagEntry | undefined;
  /** The entry that followed this one last time (k6 repeats its sequences of tags: a guess that skips hashing). */
  after: ByteTagEntry | undefined;
}

/**
 * Whether `buf[at, at + length)` holds `entry`'s bytes, compared as 8-byte words read as float64 (the last
 * word overlapping the one before) against the entry's words, a few ns per line.
 *
 * Float equality is byte equality except for NaN patterns (never equal) and ±0 (equal, different bytes).
 * An entry with such a word has no words and is compared byte by byte; on the line's side a NaN word only
 * fails the comparison, and a ±0 word cannot equal an entry word, none of which is ±0. So no line ever
 * gets another line's tags.
 */
export function sameBytes(entry: ByteTagEntry, view: DataView, buf: Uint8Array, at: number, length: number): boolean {
  const bytes = entry.bytes;
  if (bytes.length !== length) return false;
  const words = entry.words;
  const n = words.length - 1;
  if (n < 0) {
    for (let i = 0; i < length; i++) if (buf[at + i] !== bytes[i]) return false;
    return true;
  }
  for (let i = 0; i < n; i++) if (view.getFloat64(at + 8 * i, true) !== words[i]) return false;
  return view.getFloat64(at + length - 8, true) === words[n];
}

/** The comparison words of `bytes`, or none when it is shorter than 8 bytes or a word is NaN or ±0. */
export function wordsOf(bytes: Uint8Array): Float64Array {
  if (bytes.length < 8) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const full = bytes.length >> 3;
  const exact = bytes.length % 8 === 0;
  const words = new Float64Array(exact ? full : full + 1);
  for (let i = 0; i < full; i++) words[i] = view.getFloat64(8 * i, true);
  if (!exact) words[full] = view.getFloat64(bytes.length - 8, true);
  for (const w of words) if (w !== w || w === 0) return new Float64Array(0);
  return words;
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
    const entry: ByteTagEntry = { bytes, words: wordsOf(bytes), tags: parse(bytes), targets: [], next: head, after: undefined };
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

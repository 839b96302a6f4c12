import { type TagEntry } from '../point-sink.js';
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
export declare function sameBytes(entry: ByteTagEntry, view: DataView, buf: Uint8Array, at: number, length: number): boolean;
/**
 * Raw tags bytes → tags and targets, for the NDJSON fast path: a hash of the bytes finds the entry and a
 * word comparison confirms it, so looking up tags never makes a string. It starts over past `limit`
 * entries (k6 `url` tags can be unique per request).
 */
export declare class ByteTagTable {
    private readonly limit;
    private readonly map;
    private count;
    constructor(limit?: number);
    get size(): number;
    /** The entry for `buf[at, at + length)`, made with `parse` (tags, or undefined for the slow path) on first sight. */
    lookup(view: DataView, buf: Uint8Array, at: number, length: number, parse: (bytes: Uint8Array) => Readonly<Record<string, string>> | undefined): ByteTagEntry;
}

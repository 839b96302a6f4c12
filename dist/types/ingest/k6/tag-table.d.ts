import { type TagEntry } from '../point-sink.js';
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
export declare function sameBytes(entry: ByteTagEntry, view: DataView, buf: Uint8Array, at: number, length: number): boolean;
/** The comparison words of `bytes`, or none when it is shorter than 8 bytes or a word is NaN or ±0. */
export declare function wordsOf(bytes: Uint8Array): Float64Array;
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

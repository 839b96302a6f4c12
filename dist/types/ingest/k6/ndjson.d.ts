import type { ByteSource } from '../byte-source.js';
import { type PointSink } from '../point-sink.js';
/** What reading one NDJSON file found besides its points. */
export interface StreamResult {
    /** Lines read (the cut-off last line of a partial file not counted). */
    readonly lines: number;
    /** Read only up to a break (truncated gzip stream or cut-off last line). */
    readonly partial: boolean;
}
/**
 * Streams k6 `--out json` NDJSON into a RunBuilder in constant memory.
 *
 * Point lines are not JSON.parsed: each line's bytes are matched against the layout k6 writes,
 * `{"metric":"…","type":"Point","data":{"time":"…","value":…,"tags":{…}}}`, the metric name and the raw
 * tags text are interned (raw tags → tags → targets, cached), times go through a per-second cache and
 * numbers are read digit by digit. Anything else (other key order, `metadata`, escapes in the name,
 * exponents beyond the fast reader) goes through JSON.parse of that line, with identical results.
 */
export declare class K6NdjsonParser {
    private readonly file;
    private readonly sink;
    /** False sends every line through JSON.parse: the general path, for tests comparing the two. */
    private readonly fastPath;
    private lineNo;
    /** The start of a line cut off by a chunk's end, copied (the chunk's buffer is reused): one buffer, grown. */
    private carry;
    private carryView;
    private carryLength;
    private readonly times;
    private readonly tagCache;
    private readonly metricSlots;
    private lastSlot;
    private readonly tagTable;
    /** The tags of the last fast-path line. */
    private lastTags;
    /** Lines that took the JSON.parse path (for tests and the benchmark). */
    slowLines: number;
    constructor(file: string, sink: PointSink, 
    /** False sends every line through JSON.parse: the general path, for tests comparing the two. */
    fastPath?: boolean);
    /** Parses every complete line of `chunk`; the incomplete tail waits for the next chunk. */
    push(chunk: Buffer): void;
    /**
     * Ends the file. An unterminated last line that does not parse, or a truncated stream, makes the
     * result partial; `warn` gets one sentence about it.
     */
    finish(truncatedStream: boolean, warn: (message: string) => void): StreamResult;
    /** Keeps a copy of the start of a line (the chunk is reused once `push` returns). */
    private keep;
    /** One line `buf[start, end)` without its `\n`. */
    private line;
    /**
     * The fast path. With `known`, the line is `buf[start, end)`. Without, `end` is the end of the chunk
     * and the line ends after the predicted tags (the last line's, or those that followed them last time)
     * when `}}\n` follows them, else at the next newline after its tags; a line with a new metric or an
     * exponent in its value is left for the call with its end known (no search before the tags could
     * cross into the next line). Returns the line's end (`end`, or the index of its newline), or -1 when
     * the line is not taken and nothing was recorded.
     */
    private fastPoint;
    /** The interned metric whose name starts at `at`, if any (the hash chain only: nothing is interned). */
    private knownSlot;
    /** The slot of the metric whose name starts at `at`, interning it on first sight; undefined if the line is not k6's layout. */
    private findSlot;
    /** Any line the fast path did not take: JSON.parse, then a Metric declaration or a Point. */
    private slowLine;
    private badLine;
    private pointError;
}
/** Streams one NDJSON file from `source` into `sink`. */
export declare function readK6Ndjson(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult>;

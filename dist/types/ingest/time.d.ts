/**
 * Parses k6's RFC 3339 times (`2026-11-27T09:48:39.719132232Z`, `…+01:00`) from bytes into epoch
 * milliseconds with sub-millisecond fraction. A time equal to the last one costs four word comparisons;
 * otherwise the date-and-zone part is converted once per second and cached, and the fraction is read
 * digit by digit.
 * Every time of a run goes through `parse` (fast path, JSON.parse fallback and CSV alike), so all paths
 * give bit-identical numbers.
 */
export declare class TimeParser {
    /** The time `parse` read last, epoch ms (kept in a field: no number is boxed per line). */
    ms: number;
    /** The cached second `YYYY-MM-DDTHH:MM:SS` as three overlapping 8-byte words (bytes 0–7, 8–15, 11–18). */
    private prefix0;
    private prefix1;
    private prefix2;
    private readonly zone;
    private zoneLength;
    private base;
    /**
     * A time read before, zone included (k6 gives the metrics of one request the same time): its length
     * (20–32 bytes; 0 before the first), its words at 0, 8, 16 and length − 8, and its value.
     */
    private lastLength;
    private lastMs;
    private last0;
    private last1;
    private last2;
    private lastTail;
    /**
     * Reads the time starting at `buf[start]`, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, no further than
     * `limit`, into `ms`. Returns the index after it, or -1 when it is malformed.
     */
    parse(buf: Uint8Array, view: DataView, start: number, limit: number): number;
    private parseTime;
    /** The whole of `text` as a time (the JSON.parse fallback, CSV RFC 3339 timestamps); NaN if it is not one. */
    parseString(text: string): number;
    private sameZone;
}

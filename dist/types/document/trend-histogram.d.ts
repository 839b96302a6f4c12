import type { Distribution } from '../stats/distribution.js';
/** How many integer units one trend unit becomes inside the HDR histogram. */
export declare const TIME_SCALE = 1000000;
export declare const VALUE_SCALE = 1000;
export interface EncodedTrend {
    readonly count: number;
    readonly sum: number;
    readonly min: number;
    readonly max: number;
    /** Integer units per trend unit inside `hdr` (1e6 for times: nanoseconds). */
    readonly scale: number;
    /** HDR histogram, compressed base64 (HdrHistogram's V2 compressed encoding). */
    readonly hdr: string;
    /** Values below zero were recorded as zero in the histogram (custom trends only). */
    readonly negatives?: number;
}
/**
 * One trend metric's distribution: an HDR histogram with three significant digits for percentiles and
 * rank tests, plus exact count, sum, min and max so that k6's avg, min and max are reproduced exactly.
 * HDR records integers only, hence the scale (times become nanoseconds, so 0.0016 ms keeps 3 digits).
 *
 * Counting uses HdrHistogram's index arithmetic on integers (clz32 and shifts) over our own counts
 * array: hdr-histogram-js computes the same index with floating-point log2 and pow, which made it the
 * largest cost of ingest. The encoding is HdrHistogram's standard V2 one, so documents stay readable by
 * any HdrHistogram implementation; hdr-counts.ts writes and reads it byte for byte as hdr-histogram-js
 * does (its tests check that against the package), and reads other layouts too, re-bucketed into this one.
 */
export declare class TrendHistogram {
    readonly scale: number;
    /**
     * Counts of HDR indexes [offset, offset + counts.length): 32-bit until a bucket would pass 2^32 − 1,
     * then 64-bit floats (exact to 2^53). Empty while the histogram holds few values (`pending`).
     */
    private counts;
    private offset;
    /**
     * The indexes of the first values, until there are PENDING_LIMIT of them: a scope with a handful of
     * points (an endpoint called once, of thousands) costs a few bytes instead of tens of kilobytes.
     */
    private pending;
    count: number;
    sum: number;
    min: number;
    max: number;
    negatives: number;
    constructor(scale: number);
    record(value: number): void;
    /** Adds `n` at HDR index `index`, outside the fast path: pending values, or a range to grow. */
    private addAt;
    /** Grows the counted range to include `index`, in whole blocks of 1024 indexes (half an HDR bucket). */
    private cover;
    /** Takes the non-empty buckets of an empty histogram at once (ascending indexes, as readHdr gives them). */
    private setCounts;
    /** A 32-bit count wrapped to 0: switch to 64-bit floats and put the count back. */
    private widenCounts;
    /**
     * Empties the histogram but keeps its counts array, for a histogram summed into again and again (the
     * scopes of a run document, one after the other): no fresh array of tens of kilobytes per scope.
     */
    clear(): void;
    /** Adds another histogram of the same scale (exact: counts per bucket add up). */
    add(other: TrendHistogram): void;
    /**
     * The buckets in trend units, ascending. Each bucket stands at its median equivalent value, except that
     * the lowest and highest are pinned to the exact min and max, so p(0) and p(100) are exact.
     */
    distribution(): Distribution;
    encode(): EncodedTrend;
    /** The non-empty buckets, ascending, in the shared scratch columns (overwritten by the next call). */
    private nonEmpty;
    /** The histogram of an encoded trend; `scope` names it in the error for a text that is not one. */
    static decode(e: EncodedTrend, scope?: string): TrendHistogram;
}
/** HdrHistogram's counts index of an integer value ≥ 0 (3 significant digits, unit 1). */
export declare function countsIndex(v: number): number;
/** The lowest integer value a counts index stands for. */
export declare function lowestEquivalent(index: number): number;

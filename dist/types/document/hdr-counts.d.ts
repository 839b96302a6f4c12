/** The non-empty buckets read by {@link readHdrCounts}: `n` indexes, ascending, and their counts. */
export interface HdrCounts {
    readonly n: number;
    readonly indexes: Float64Array;
    readonly counts: Float64Array;
}
/**
 * The counts of an HDR histogram in HdrHistogram's V2 compressed base64 encoding (what TrendHistogram
 * writes), read straight from its bytes: the counts index of each non-empty bucket, ascending, and its
 * count. The same buckets and counts hdr-histogram-js decodes (`decodeFromCompressedBase64(text, 64)`), for
 * the layout perf-gate writes only — lowest discernible value 1, 3 significant digits, where an HDR counts
 * index is TrendHistogram's — without building a histogram of 64-bit counts per read.
 *
 * Undefined for anything else (another layout, other base64, a count beyond 2^53, bytes that end early):
 * then hdr-histogram-js decodes it, and refuses what it refuses. The result is overwritten by the next call.
 * @example
 * readHdrCounts(new TrendHistogram(1e6).encode().hdr) // { n: 0, … }
 */
export declare function readHdrCounts(base64: string): HdrCounts | undefined;

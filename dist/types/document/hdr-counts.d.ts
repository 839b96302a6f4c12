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
/**
 * The V2 compressed base64 encoding of the non-empty buckets `indexes[0, n)` (ascending counts indexes of
 * perf-gate's layout, each count a whole number from 1 to 2^53) with their `counts`: byte for byte what
 * hdr-histogram-js writes for a 64-bit histogram of 3 significant digits and lowest value 1, grown from
 * its default size by recording each bucket's lowest value (`encodeIntoCompressedBase64`), which is how
 * TrendHistogram encoded until 2026-12-08. Written here because that path built a histogram of 64-bit
 * counts per scope, encoded it byte by byte in JavaScript and base64'd it the same way: a fifth of a
 * run's finish.
 * @example
 * writeHdrCounts({ n: 1, indexes: Float64Array.of(5), counts: Float64Array.of(1) }) // 'HISTFAAAACJ4nJNpmSzMwMDA…'
 */
export declare function writeHdrCounts({ n, indexes, counts }: HdrCounts): string;

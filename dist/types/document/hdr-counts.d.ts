/** Non-empty HDR buckets (what {@link readHdr} reads, {@link writeHdrCounts} writes): `n` indexes, ascending, and their counts. */
export interface HdrCounts {
    readonly n: number;
    readonly indexes: Float64Array;
    readonly counts: Float64Array;
}
/** An HDR histogram's layout: its significant digits and lowest discernible value (perf-gate writes 3 and 1). */
export interface HdrLayout {
    readonly digits: number;
    readonly lowest: number;
}
/** What {@link readHdr} read: the non-empty buckets (counts indexes of `layout`, ascending) and the layout. */
export interface HdrRead extends HdrCounts {
    readonly layout: HdrLayout;
}
/**
 * The non-empty buckets of an HDR histogram in HdrHistogram's V2 compressed base64 encoding, read straight
 * from its bytes: the counts index of each, ascending, and its count, in the histogram's own layout. The
 * same buckets and counts hdr-histogram-js decodes (`decodeFromCompressedBase64(text, 64)`, which
 * TrendHistogram used until 2026-12-08), without building a histogram of 64-bit counts per read; counts
 * past the counts array the header's highest value sizes are dropped, as there.
 *
 * A string says why the text is not such an encoding (not canonical base64, another cookie, bytes that do
 * not inflate or end early, an impossible header). The result is overwritten by the next call.
 * @example
 * readHdr(new TrendHistogram(1e6).encode().hdr) // { n: 0, …, layout: { digits: 3, lowest: 1 } }
 */
export declare function readHdr(base64: string): HdrRead | string;
/** The layout TrendHistogram counts in, where an HDR counts index is its own. */
export declare const PERF_GATE_LAYOUT: HdrLayout;
/** The lowest value HDR counts index `index` of `layout` stands for (HdrHistogram's valueFromIndex). */
export declare function hdrValueAt(layout: HdrLayout, index: number): number;
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

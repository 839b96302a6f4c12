/**
 * k6's name of a percentile, `p(N)`, read in one place for the thresholds, the latency statistics and
 * the run documents: N a plain decimal number (exponents allowed, as Go's ParseFloat reads them).
 */
/**
 * The N of `p(N)` as written, or undefined when the text is not `p(` number `)`. The range is the caller's
 * to check (thresholds and latency statistics take 0 < N ≤ 100).
 *
 * @example percentileOf('p(99.9)') // 99.9
 * @example percentileOf('p95') // undefined
 */
export declare function percentileOf(text: string): number | undefined;
/** The canonical name of a percentile, as k6 prints it in summaries: `p(95)`, `p(99.9)`. */
export declare function percentileName(n: number): string;

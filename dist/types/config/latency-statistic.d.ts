/** `med`, `avg` or `p(N)` with 0 < N ≤ 100, canonical (`p(95)`, never `p(95.0)`). */
export type LatencyStatistic = 'med' | 'avg' | `p(${number})`;
/**
 * Reads a latency statistic, canonicalising percentiles (`p(95.0)` → `p(95)`).
 *
 * @returns the statistic, or `{ error }` with a sentence a user can act on.
 * @example parseLatencyStatistic('p(99.90)') // 'p(99.9)'
 * @example parseLatencyStatistic('p95') // { error: `expected 'med', 'avg' or 'p(N)' with 0 < N ≤ 100, got "p95" — did you mean 'p(95)'?` }
 */
export declare function parseLatencyStatistic(text: string): LatencyStatistic | {
    readonly error: string;
};
/** Whether a string is a canonical latency statistic. */
export declare function isLatencyStatistic(text: string): text is LatencyStatistic;

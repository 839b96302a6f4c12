/** One point of a trend: a run, labelled (short commit SHA or date), with its whole-run p95 in ms. */
export interface TrendPoint {
    readonly label: string;
    readonly p95: number;
}
/**
 * A Mermaid line chart of p95 per run (GitHub renders ```mermaid blocks in comments and job summaries),
 * oldest first, the current run last. Labels are reduced to characters Mermaid's quoted strings accept.
 * Returns '' with fewer than two points: a single dot is no trend.
 * @example renderTrend([{ label: 'a1b2c3d', p95: 155 }, { label: 'e4f5a6b', p95: 161 }])
 */
export declare function renderTrend(points: readonly TrendPoint[], title?: string): string;

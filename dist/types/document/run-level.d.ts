import type { TrendWindow } from './run-document.js';
/**
 * How much the requests of one run are worth as independent observations. Requests in the same time
 * window share the server's state (GC pauses, caches, a noisy neighbour), so they are positively
 * correlated; the design effect (≥ 1) measured between windows on the log-latency scale says by how
 * much the variance of a run-level statistic is understated when requests are treated as independent.
 * @example designEffectOfWindows(windows) → 2.4  // 10 000 requests count as ~4 200
 */
export declare function designEffectOfWindows(windows: readonly TrendWindow[]): number;
/** A run's level: the mean of ln latency (ms) of its requests, and that mean's standard error. */
export interface LogLevel {
    readonly count: number;
    readonly logMean: number;
    /** Within-run standard error of logMean: √(design effect · variance of ln latency / count). */
    readonly se: number;
}
/**
 * The level of one scope of a run from its windows, for learning run-to-run noise from a history: the
 * geometric mean is the most precise simple level (the median needs ~1.6× the requests for the same
 * error), and run drift moves it as it moves the median. Undefined below two requests or with a
 * latency ≤ 0 ms somewhere (ln undefined: the windows' sums are then not finite).
 */
export declare function logLevelOf(windows: readonly TrendWindow[]): LogLevel | undefined;

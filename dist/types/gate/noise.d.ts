import type { TrendWindow } from '../document/run-document.js';
/**
 * How much the requests of one run are worth as independent observations. Requests in the same time
 * window share the server's state (GC pauses, caches, a noisy neighbour), so they are positively
 * correlated; the design effect (≥ 1) measured between windows on the log-latency scale says by how
 * much the variance of a run-level statistic is understated when requests are treated as independent.
 * @example designEffectOfWindows(windows) → 2.4  // 10 000 requests count as ~4 200
 */
export declare function designEffectOfWindows(windows: readonly TrendWindow[]): number;

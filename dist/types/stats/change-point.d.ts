import { type InsufficientData } from './insufficient.js';
/** One time window's log-latency sums: the requests in it, Σ ln v and Σ (ln v)² (a TrendWindow fits). */
export interface WindowLogSums {
    readonly count: number;
    readonly sumLog: number;
    readonly sumLogSq: number;
}
export interface ChangePoint {
    /** Index in the input of the first window after the step (windows before it are the "before" side). */
    readonly at: number;
    /** Request-weighted mean ln latency of each side, and its requests. */
    readonly before: {
        readonly logMean: number;
        readonly count: number;
    };
    readonly after: {
        readonly logMean: number;
        readonly count: number;
    };
    /** The CUSUM statistic: sup |cumulated deviation| / √(N · long-run variance), a Brownian-bridge sup under no change. */
    readonly statistic: number;
    /** Two-sided p-value of "no step anywhere" (Kolmogorov distribution of the statistic). */
    readonly pValue: number;
}
/** Fewer windows with requests than this: a step and the noise around it cannot both be estimated. */
export declare const CHANGE_POINT_MIN_WINDOWS = 4;
/**
 * The single most likely step in a series of time windows, and whether it stands out from noise. Each
 * window contributes its request-weighted mean ln latency. The step is placed where the two-segment split
 * maximises the standardized mean difference (the likelihood-ratio split for one step in a mean). Whether
 * there is a step at all is the weighted CUSUM test: the largest cumulated deviation from the overall mean,
 * divided by √(N·v), is the sup of a Brownian bridge under no change, whose tail is Kolmogorov's
 * distribution. `v` is the long-run variance of √nₖ·(window mean − its segment's mean): the residuals
 * around the located step (so a real step does not inflate its own noise), widened by the AR(1) factor
 * (1 + ρ)/(1 − ρ) of their lag-1 autocorrelation (neighbouring windows share a slow stretch, drift, a GC
 * pause), and never below the pooled within-window variance of ln latency (requests are at least as noisy
 * as independent ones). Windows are taken in the order given; windows without requests are skipped.
 * Calibration: conservative on white noise (20 windows: P(p < 0.05) ≈ 1 %, and p leans towards 1 on few
 * windows); under slow drift (window lag-1 ≳ 0.5) it grows liberal — to this test a slow wander is a step.
 *
 * Contract: pValue in [0, 1]; `at` in 1..length − 1 and indexes a window with requests; before and after
 * each hold ≥ 1 window. The location is descriptive: the test does not depend on it except through the
 * residual variance. InsufficientData (cause `too-few`) with fewer than CHANGE_POINT_MIN_WINDOWS windows
 * with requests, and (cause `no-spread`) when every window has the same mean or there is no variance.
 *
 * @throws {RangeError} when a count is negative or not finite, or a sum is not finite
 * @example
 * // 10 windows of 20 requests at ln 3 ± 0.1, then 10 at ln 3.4 ± 0.1 (a +50 % step)
 * changePoint(windows) // { at: 10, before: { logMean: 3, count: 200 }, after: { logMean: 3.4, … }, statistic ≈ 4, pValue < 1e-12 }
 */
export declare function changePoint(windows: readonly WindowLogSums[]): ChangePoint | InsufficientData;
/**
 * P(sup |B(t)| > x) for a Brownian bridge B on [0, 1]: Kolmogorov's distribution. Below x = 1 the
 * Jacobi-theta form converges in a few terms, above it the alternating series does.
 * @example kolmogorovSurvival(1.3581) // ≈ 0.05
 */
export declare function kolmogorovSurvival(x: number): number;

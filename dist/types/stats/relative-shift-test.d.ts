import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
import { type LogRatioTest } from './log-ratio-test.js';
export interface RelativeShiftTest {
    /** The typical ratio current/baseline on the log scale (Hodges–Lehmann), tested against no change. */
    readonly test: LogRatioTest;
    /** One-sided p-value for "current is slower": the larger of Mann–Whitney's and the noise-aware z-test's. */
    readonly pGreater: number;
}
export interface RelativeShiftOptions {
    /** Design effect ≥ 1 of the requests' clustering in time (default 1). */
    readonly designEffect?: number;
    /** Run-to-run noise, a log-scale standard deviation added for each run (default 0). */
    readonly noise?: number;
}
/**
 * Did a typical request get slower, by what ratio? On log latencies, the Hodges–Lehmann shift estimates
 * ln(current/baseline) of a typical request; its Moses interval (variance inflated by the design effect)
 * gives the within-run standard error, and the run-to-run noise of both runs is added in quadrature. The
 * p-value is the larger (more cautious) of the Mann–Whitney test and the z-test on the shift with noise,
 * so neither thousands of requests nor a noisy runner alone can confirm a change.
 *
 * Contract: pGreater in [0, 1]; the test's interval contains exp(shift) − 1. InsufficientData (cause
 * `no-spread`) when every request of both runs has the same latency, or when there is no spread and no
 * noise; InsufficientData when a run is empty.
 *
 * @param baseline latencies (any positive unit; values ≤ 0 clamp to 1e-6)
 * @throws {RangeError} for a design effect < 1 or a negative noise, or invalid distributions
 * @example
 * // every current request 20 % slower than its baseline twin, no noise floor
 * relativeShiftTest(d, d.map((b) => ({ value: b.value * 1.2, count: b.count }))).test.logRatio // ≈ ln 1.2 = 0.182
 */
export declare function relativeShiftTest(baseline: Distribution, current: Distribution, options?: RelativeShiftOptions): RelativeShiftTest | InsufficientData;

import { type InsufficientData } from './insufficient.js';
/** The smallest change a one-sided z-test on the log scale would catch with the given power. */
export interface DetectableEffect {
    /** ln of the detectable ratio: (z₁₋α + z_power) · se. */
    readonly logRatio: number;
    /** The detectable rise as a relative change: exp(logRatio) − 1 (0.34 = +34 %). */
    readonly increase: number;
    /** The detectable fall as a relative change: 1 − exp(−logRatio) (0.25 = −25 %). */
    readonly decrease: number;
}
export interface DetectableEffectOptions {
    /** One-sided level of the test, in (0, 1). */
    readonly alpha: number;
    /** Probability of catching a change of exactly the returned size, in (0, 1); default 0.8. */
    readonly power?: number;
}
/**
 * The minimum detectable effect of a one-sided z-test whose statistic is a log ratio with standard error
 * `se`: a true change of ln-size (z₁₋α + z_power)·se is caught with probability `power` at level `alpha`.
 * Normal approximation, the same one the gate's log-ratio tests use; the `se` must already hold every
 * component the test used (within-run sampling error with its design effect, and the run-to-run noise).
 *
 * Contract: increase > 0, decrease in (0, 1), 1 + increase = 1 / (1 − decrease); monotone increasing in se,
 * in power and as alpha falls. InsufficientData when se is 0 (any change would be "detected": the data
 * has no spread, there is nothing to state) or not finite.
 *
 * @throws {RangeError} if se is negative or NaN, or alpha or power lie outside (0, 1)
 * @example
 * // a typical-latency test with se 0.12 on the log scale, α 0.05, 80 % power
 * minimumDetectableEffect(0.12, { alpha: 0.05 });
 * // => { logRatio: 0.2983 (= (1.6449 + 0.8416)·0.12), increase: 0.3477 (+34.8 %), decrease: 0.2580 }
 */
export declare function minimumDetectableEffect(se: number, options: DetectableEffectOptions): DetectableEffect | InsufficientData;

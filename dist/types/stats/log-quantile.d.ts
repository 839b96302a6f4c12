import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
/** An estimate on the log scale with its within-run standard error: ln p_q of a run, or ln(p_q / median). */
export interface LogEstimate {
    readonly log: number;
    readonly se: number;
}
/**
 * ln of percentile q (k6's interpolation) and its order-statistic standard error at `nEffective`
 * (`logQuantileStandardError`). What a history entry keeps of each run's tail, and what the percentile
 * tests compare.
 *
 * Contract: finite log and se ≥ 0, or InsufficientData: cause `too-few` when n cannot bound p_q; no cause
 * when the distribution is empty or the percentile is ≤ 0 ms (no logarithm).
 * @throws {RangeError} as logQuantileStandardError
 * @example logQuantileOf([{ value: 10, count: 100 }], 0.95, 100) // => { log: ln 10 = 2.303, se: 0 }
 */
export declare function logQuantileOf(d: Distribution, q: number, nEffective: number): LogEstimate | InsufficientData;
/**
 * ln(p_q / median) of one run from its two log quantiles. The two are positively correlated order
 * statistics: the covariance of ln Q(u) and ln Q(v), u < v, is u(1 − v)·q′(u)q′(v)/n, so with their
 * standard errors sᵤ and sᵥ the variance of the difference is sᵤ² + sᵥ² − 2ρ·sᵤ·sᵥ with
 * ρ = √(u(1 − v) / (v(1 − u))) = √((1 − q)/q) for u = ½, v = q.
 *
 * Contract: log = quantile.log − median.log; se ≥ 0, never NaN for finite input.
 * @throws {RangeError} if q is outside (0.5, 1)
 * @example logSpreadOf({ log: 3, se: 0.05 }, { log: 2.5, se: 0.03 }, 0.95) // => { log: 0.5, se: √(0.0025 + 0.0009 − 2·0.229·0.0015) = 0.0521 }
 */
export declare function logSpreadOf(quantile: LogEstimate, median: LogEstimate, q: number): LogEstimate;
/**
 * The mean of K runs' estimates of one quantity: its log is the mean of theirs, its within-run standard
 * error √(Σ sₖ²) / K (the runs' sampling errors are independent). Run-to-run noise is not in it: a
 * caller adds it once, divided by √K, because the mean of K runs wobbles by noise/√K.
 *
 * Contract: log between the smallest and largest log; se ≤ the largest se; equals the one estimate for K = 1.
 * @throws {RangeError} for an empty list or a non-finite log or se
 * @example poolLogEstimates([{ log: 1, se: 0.04 }, { log: 1.1, se: 0.03 }]) // => { log: 1.05, se: 0.025 }
 */
export declare function poolLogEstimates(estimates: readonly LogEstimate[]): LogEstimate;

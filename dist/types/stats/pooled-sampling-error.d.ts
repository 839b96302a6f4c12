/** One run's standard error of an estimate (ln p_q, or ln(p_q / median)) and the requests it rests on. */
export interface RunSamplingError {
    readonly se: number;
    readonly count: number;
}
/**
 * The variance per request of one estimate, pooled over runs of the same endpoint: the mean of se²·count.
 * A percentile's sampling error shrinks as 1/√n, so se²·n (the design effect of the run's windows included)
 * is the same figure in every run of the same code; each run's own estimate of it rests on the few
 * requests around the percentile and on a design effect read from a few dozen windows: for p95 of 230
 * log-normal requests its coefficient of variation is about 25 % before the design effect adds its own.
 * Their mean is steadier, and is what a test under "no change" should divide by. `sharedStandardError`
 * turns it back into one run's se.
 *
 * Contract: ≥ 0 and finite for finite input; equals se²·count for one run; the same for runs that agree.
 * @throws {RangeError} for an empty list, a se that is negative or not finite, or a count that is not > 0
 * @example pooledVariancePerRequest([{ se: 0.05, count: 200 }, { se: 0.1, count: 200 }]) // => (0.5 + 2) / 2 = 1.25
 */
export declare function pooledVariancePerRequest(runs: readonly RunSamplingError[]): number;
/**
 * The standard error of the mean of K runs' estimates (K = 1: one run's) of `counts` requests each, from a
 * pooled variance per request: √(v·Σ 1/nₖ) / K.
 *
 * Contract: ≥ 0; √(v/n) for one run; falls as 1/√K for K runs of equal size.
 * @throws {RangeError} for an empty list, a count that is not > 0, or a variance that is negative or not finite
 * @example sharedStandardError(1.25, [200]) // => 0.0791
 */
export declare function sharedStandardError(variancePerRequest: number, counts: readonly number[]): number;

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
export function pooledVariancePerRequest(runs: readonly RunSamplingError[]): number {
  if (runs.length === 0) throw new RangeError('pooledVariancePerRequest: needs at least one run');
  let sum = 0;
  for (const r of runs) {
    if (!(Number.isFinite(r.se) && r.se >= 0)) throw new RangeError(`pooledVariancePerRequest: se must be a finite number ≥ 0 but got ${r.se}`);
    if (!(Number.isFinite(r.count) && r.count > 0)) throw new RangeError(`pooledVariancePerRequest: count must be > 0 but got ${r.count}`);
    sum += r.se * r.se * r.count;
  }
  return sum / runs.length;
}

/**
 * The standard error of the mean of K runs' estimates (K = 1: one run's) of `counts` requests each, from a
 * pooled variance per request: √(v·Σ 1/nₖ) / K.
 *
 * Contract: ≥ 0; √(v/n) for one run; falls as 1/√K for K runs of equal size.
 * @throws {RangeError} for an empty list, a count that is not > 0, or a variance that is negative or not finite
 * @example sharedStandardError(1.25, [200]) // => 0.0791
 */
export function sharedStandardError(variancePerRequest: number, counts: readonly number[]): number {
  if (!(Number.isFinite(variancePerRequest) && variancePerRequest >= 0)) throw new RangeError(`sharedStandardError: variance must be a finite number ≥ 0 but got ${variancePerRequest}`);
  if (counts.length === 0) throw new RangeError('sharedStandardError: needs at least one run');
  let inverse = 0;
  for (const n of counts) {
    if (!(Number.isFinite(n) && n > 0)) throw new RangeError(`sharedStandardError: count must be > 0 but got ${n}`);
    inverse += 1 / n;
  }
  return Math.sqrt(variancePerRequest * inverse) / counts.length;
}

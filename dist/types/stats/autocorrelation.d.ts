import { type InsufficientData } from './insufficient.js';
/**
 * Lag-1 autocorrelation of a series: r₁ = Σ (xₜ − x̄)(xₜ₊₁ − x̄) / Σ (xₜ − x̄)², the usual (biased, but
 * always in [−1, 1]) estimator. Positive values mean neighbours look alike, e.g. consecutive time windows
 * of a load test that share a slow period; feed it to effectiveSampleSize.
 *
 * The series is first divided by its largest magnitude (r₁ does not change under scaling), so extreme
 * values cannot overflow the sums.
 *
 * Contract: result in [−1, 1]. InsufficientData with fewer than 3 values (with 2 the estimator is always
 * −½, whatever the data) or when all values are equal (no variance).
 *
 * @param xs the series, in time order, finite numbers
 * @throws {RangeError} if a value is not finite
 * @example
 * // deviations from the mean 3: −2, −1, 0, 1, 2 → (2 + 0 + 0 + 2) / 10
 * lag1Autocorrelation([1, 2, 3, 4, 5]); // => 0.4
 */
export declare function lag1Autocorrelation(xs: readonly number[]): number | InsufficientData;
/**
 * Effective sample size of n positively autocorrelated observations for estimating a mean, under an AR(1)
 * model: n·(1 − ρ)/(1 + ρ). Negative ρ is treated as 0 (we never claim more information than n
 * observations carry), ρ ≥ 1 gives 1, and the result is clamped to [1, n].
 *
 * Contract: non-increasing in ρ; equals n at ρ ≤ 0; always in [1, n].
 *
 * @param n number of observations, ≥ 1 (need not be an integer)
 * @param rho lag-1 autocorrelation (any number; clamped to [0, 1])
 * @throws {RangeError} if n is not a finite number ≥ 1 or rho is NaN
 * @example
 * effectiveSampleSize(100, 0.5); // => 33.333… (= 100·0.5/1.5)
 * effectiveSampleSize(100, -0.3); // => 100
 */
export declare function effectiveSampleSize(n: number, rho: number): number;

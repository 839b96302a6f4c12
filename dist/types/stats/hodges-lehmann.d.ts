import { type BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
/** Hodges–Lehmann shift of current against baseline, with its Moses–Lehmann confidence interval. */
export interface HodgesLehmannResult {
    /** Median of all pairwise differences current − baseline. */
    readonly estimate: number;
    /** Lower confidence bound; −Infinity when the samples are too small to bound the shift at this confidence. */
    readonly lower: number;
    /** Upper confidence bound; +Infinity when the samples are too small to bound the shift at this confidence. */
    readonly upper: number;
    /** The two-sided confidence level of [lower, upper]. */
    readonly confidence: number;
}
export interface HodgesLehmannOptions {
    /** Two-sided confidence level in (0, 1), default 0.95. */
    readonly confidence?: number;
    /** Design effect ≥ 1 (default 1): multiplies the variance of U, widening the interval by about its square root. */
    readonly varianceInflation?: number;
}
/**
 * Hodges–Lehmann estimate of the shift between two distributions: the median of the n1·n2 pairwise
 * differences current − baseline, the estimator that goes with the Mann–Whitney test. On log-latencies
 * exp(estimate) is the typical ratio current/baseline ("requests got 12 % slower").
 *
 * Computed on buckets without forming the pairs (see kthPairwiseDifference): each order statistic costs
 * O((K1 + K2)·log(K1 + K2)·log(K1·K2)). With an even number of pairs the estimate is the mean of the two
 * middle differences.
 *
 * Interval (Moses; Lehmann 1975): with M = n1·n2 and C = ⌊M/2 − z·√(deff·n1·n2·(N + 1)/12)⌋, z the
 * two-sided normal quantile, [lower, upper] are the C-th smallest and C-th largest differences. The
 * variance is the untied one (ties only make the true variance smaller, so this is slightly
 * conservative). If C < 1 the data cannot bound the shift at that confidence and the bound is ±Infinity.
 *
 * Contract: lower ≤ estimate ≤ upper; shifting every current value by δ shifts all three by δ (up to
 * rounding); with no varianceInflation the interval contains 0 roughly when the two-sided Mann–Whitney
 * test is not significant at 1 − confidence. InsufficientData when either side is empty or when all
 * observations of both sides share one value.
 *
 * @param baseline the reference distribution
 * @param current the distribution under test
 * @param options confidence (default 0.95), varianceInflation (≥ 1, default 1)
 * @throws {RangeError} if confidence is not in (0, 1), varianceInflation is not a finite number ≥ 1, or a
 *   distribution breaks the Distribution invariants
 * @example
 * // baseline 1..10, current 4..13 (shifted by 3), one observation each
 * const ramp = (from: number) => Array.from({ length: 10 }, (_, i) => ({ value: from + i, count: 1 }));
 * hodgesLehmann(ramp(1), ramp(4));
 * // => { estimate: 3, lower: 0, upper: 6, confidence: 0.95 }   (C = ⌊50 − 1.96·√175⌋ = 24)
 */
export declare function hodgesLehmann(baseline: Distribution, current: Distribution, options?: HodgesLehmannOptions): HodgesLehmannResult | InsufficientData;
/**
 * hodgesLehmann of valid buckets in columns (see BucketColumns), at a checked confidence and variance
 * inflation: the rank tests of one comparison share their columns this way.
 */
export declare function hodgesLehmannOf(baseline: BucketColumns, current: BucketColumns, confidence: number, inflation: number): HodgesLehmannResult | InsufficientData;

import { type InsufficientData } from './insufficient.js';
/** A robust straight-line fit y ≈ intercept + slope·x with a confidence interval for the slope. */
export interface TheilSenResult {
    /** Median of the pairwise slopes. */
    readonly slope: number;
    /** Median of the residuals y − slope·x. */
    readonly intercept: number;
    /** Lower confidence bound of the slope. */
    readonly lower: number;
    /** Upper confidence bound of the slope. */
    readonly upper: number;
    /** Points used for the fit (the input length, or THEIL_SEN_MAX_POINTS after subsampling). */
    readonly n: number;
}
export interface TheilSenOptions {
    /** Two-sided confidence level of the slope interval in (0, 1), default 0.95. */
    readonly confidence?: number;
}
/** Above this many points theilSen fits an evenly spaced subsample of this size (≈ 4.5 million slopes). */
export declare const THEIL_SEN_MAX_POINTS = 3000;
/**
 * Theil–Sen estimator: the slope is the median of the slopes (yⱼ − yᵢ)/(xⱼ − xᵢ) over all pairs with
 * xᵢ ≠ xⱼ, the intercept the median of y − slope·x. Up to 29 % of the points can be arbitrarily wrong
 * without carrying the slope away, which is what a memory-growth trend with GC sawteeth and warm-up
 * spikes needs. The confidence interval is Sen's (1968): order statistics of the sorted slopes at ranks
 * (N ± z·σ)/2 around the middle, N the number of slopes and σ² = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 the
 * null variance of Kendall's S, with t the sizes of groups of equal x (Sen's equation 2.6); ranks are
 * rounded to nearest and clamped to the slopes. Unlike scipy.stats.theilslopes we do not also subtract
 * ties in y: the interval inverts Kendall's test between x and the residuals y − βx, which have no
 * systematic ties, and subtracting y ties would make the interval change when a trend a·x is added to y.
 *
 * Cost: O(n²) time and memory for the pairwise slopes. Above THEIL_SEN_MAX_POINTS (3000) points the fit
 * uses the deterministic subsample at indices ⌊i·n/3000⌋, i = 0…2999 (evenly spread over the input order,
 * which for a time series is evenly spread in time); `n` in the result says how many points were used.
 *
 * Contract: lower ≤ slope ≤ upper; exact for points on a line; equivariant (scaling y by c > 0 scales
 * slope and bounds by c, adding a·x to y adds a to slope and both bounds). InsufficientData with fewer than 3 points, when all x are equal, or
 * when the slopes overflow double precision.
 *
 * @param x predictor values (e.g. seconds since the start), finite
 * @param y responses (e.g. resident memory), finite, same length as x
 * @param options confidence (default 0.95)
 * @throws {RangeError} if x and y differ in length, a value is not finite, or confidence is not in (0, 1)
 * @example
 * // slopes 1, 1, 3, 1, 4, 7 → median (1 + 3)/2 = 2; residuals y − 2x = −1, −2, −3, 2 → median −1.5
 * theilSen([1, 2, 3, 4], [1, 2, 3, 10]);
 * // => { slope: 2, intercept: -1.5, lower: 1, upper: 7, n: 4 }
 * // Sen's (1968) worked example, 93 % interval:
 * theilSen([1, 2, 3, 4, 10, 12, 18], [9, 15, 19, 20, 45, 55, 78], { confidence: 0.93 });
 * // => { slope: 4, intercept: 6, lower: 3.714… (= 26/7), upper: 4.375, n: 7 }
 */
export declare function theilSen(x: readonly number[], y: readonly number[], options?: TheilSenOptions): TheilSenResult | InsufficientData;

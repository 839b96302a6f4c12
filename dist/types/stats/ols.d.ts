import { type InsufficientData } from './insufficient.js';
/** A least-squares straight line y ≈ intercept + slope·x. */
export interface OrdinaryLeastSquaresResult {
    readonly slope: number;
    readonly intercept: number;
    /** Coefficient of determination in [0, 1]: the share of the variance of y the line explains. */
    readonly rSquared: number;
    /** Points used. */
    readonly n: number;
}
/**
 * Ordinary least-squares line through (x, y): slope = Sxy/Sxx, intercept = ȳ − slope·x̄, computed from
 * centred sums (two passes, so large offsets such as Unix timestamps lose no precision). Cheap and
 * familiar, but one outlier can move it arbitrarily: perf-gate uses it for the report's R² and prefers
 * theilSen for decisions.
 *
 * Contract: exact (up to rounding) for points on a line, with rSquared 1. When all y are equal the slope
 * is 0 and rSquared is 1 by convention (the constant line explains everything; Syy = 0 would make R²
 * 0/0). With two points the line passes through both and rSquared is 1. InsufficientData with fewer
 * than 2 points, when all x are equal (vertical: no slope), or when the sums overflow double precision.
 *
 * @param x predictor values, finite
 * @param y responses, finite, same length as x
 * @throws {RangeError} if x and y differ in length or a value is not finite
 * @example
 * // x̄ = 2, ȳ = 13/3, Sxx = 2, Sxy = 5, Syy = 114/9
 * ordinaryLeastSquares([1, 2, 3], [2, 4, 7]);
 * // => { slope: 2.5, intercept: -0.6666… (= 13/3 − 5), rSquared: 0.98684… (= 25/(2·114/9)), n: 3 }
 */
export declare function ordinaryLeastSquares(x: readonly number[], y: readonly number[]): OrdinaryLeastSquaresResult | InsufficientData;

/**
 * The standard normal distribution: cumulative distribution function and its inverse.
 *
 * Both are accurate to close to double precision (relative error below 1e-14 for the CDF in either
 * tail and for the quantile, checked against 50-digit references), including far out in the tails where p-values of large load tests
 * live: normalCdf(-10) is 7.6e-24, not 0.
 */
/**
 * Standard normal cumulative distribution function Φ(z) = P(Z ≤ z).
 *
 * Contract: monotone non-decreasing, Φ(−z) = 1 − Φ(z) up to rounding, values in [0, 1]; Φ(−∞) = 0 and
 * Φ(+∞) = 1. Small tail probabilities keep their relative precision (use Φ(−z) rather than 1 − Φ(z) to
 * get an upper-tail p-value).
 *
 * @param z any number except NaN
 * @throws {RangeError} if `z` is NaN
 * @example
 * normalCdf(1.959963984540054); // => 0.975 (within 1e-15)
 * normalCdf(-3); // => 0.0013498980316300946
 */
export declare function normalCdf(z: number): number;
/**
 * Standard normal quantile (inverse CDF) Φ⁻¹(p): the z with P(Z ≤ z) = p.
 *
 * Contract: monotone increasing on (0, 1), normalQuantile(1 − p) = −normalQuantile(p) (computed from
 * the smaller of p and 1 − p, so upper-tail quantiles are as precise as lower-tail ones);
 * normalQuantile(0) = −∞ and normalQuantile(1) = +∞. Round-trips with normalCdf to about 1e-14.
 *
 * @param p a probability in [0, 1]
 * @throws {RangeError} if `p` is NaN or outside [0, 1]
 * @example
 * normalQuantile(0.975); // => 1.959963984540051 (exact: 1.95996398454005423…)
 * normalQuantile(0.05); // => -1.6448536269514742
 */
export declare function normalQuantile(p: number): number;

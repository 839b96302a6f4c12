/**
 * The distribution function of Student's t with `df` degrees of freedom at t, through the regularized
 * incomplete beta: P(T ≤ t) = 1 − ½ I_{df/(df + t²)}(df/2, ½) for t ≥ 0, and by symmetry below 0. It is
 * what a mean of few paired ratios is tested with (six A/B round pairs have 5 degrees of freedom, where
 * the normal approximation would claim p = 0.0016 for a t of 4.0 instead of 0.0052).
 *
 * Contract: result in [0, 1], non-decreasing in t, studentTCdf(0, df) = ½, studentTCdf(−t) = 1 − studentTCdf(t);
 * ±Infinity give 1 and 0. Never NaN.
 *
 * @throws {RangeError} if df is not a finite number > 0, or t is NaN
 * @example
 * studentTCdf(2.015, 5); // => 0.95 (the one-sided 95 % point of t with 5 df is 2.015)
 * studentTCdf(1, 1);     // => 0.75 (Cauchy: ½ + atan(1)/π)
 */
export declare function studentTCdf(t: number, df: number): number;
/**
 * The quantile of Student's t: the t with studentTCdf(t, df) = p, by bisection on the smaller tail
 * (monotone, so it always converges; 200 halvings reach double precision from any bracket).
 *
 * Contract: studentTCdf(studentTQuantile(p, df), df) = p within 1e-9; odd around ½; never NaN; ±Number.MAX_VALUE
 * when the quantile is beyond double range (p = 1e-300 with df below 1).
 *
 * @throws {RangeError} if p is not in (0, 1) or df is not a finite number > 0
 * @example
 * studentTQuantile(0.975, 5); // => 2.5706 (the two-sided 95 % interval of a mean of 6 pairs is ± 2.57 se)
 */
export declare function studentTQuantile(p: number, df: number): number;

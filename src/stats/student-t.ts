import { regularizedBeta } from './regularized-beta.js';

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
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError(`studentTCdf: df must be a finite number > 0 but got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('studentTCdf: t is NaN');
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = upperTail(t, df);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * P(T > |t|) = ½·I_{df/(df+t²)}(df/2, ½); near t = 0 as ½·(1 − I_{t²/(df+t²)}(½, df/2)), since df/(df+t²)
 * rounds to 1 there and the first form would lose the digits that matter.
 */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  if (!Number.isFinite(t2)) return 0;
  return t2 < df ? 0.5 * (1 - regularizedBeta(t2 / (df + t2), 0.5, df / 2)) : 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5);
}

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
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1) but got ${p}`);
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError(`studentTQuantile: df must be a finite number > 0 but got ${df}`);
  if (p === 0.5) return 0;
  // Solve on the smaller tail, so that p = 1e-300 is not lost to 1 − p rounding to 1.
  const tail = p < 0.5 ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    // Beyond double range (p = 1e-300 at df < 1): the largest finite t.
    if (!Number.isFinite(hi * hi)) return p < 0.5 ? -Number.MAX_VALUE : Number.MAX_VALUE;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return p < 0.5 ? -t : t;
}

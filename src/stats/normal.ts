/**
 * The standard normal distribution: cumulative distribution function and its inverse.
 *
 * Both are accurate to close to double precision (relative error below 1e-14 for the CDF in either
 * tail and for the quantile, checked against 50-digit references), including far out in the tails where p-values of large load tests
 * live: normalCdf(-10) is 7.6e-24, not 0.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(z). */
function density(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/**
 * Lower tail Φ(z) for z ≤ 0, computed so that the relative error stays small however far out z is.
 * Near the centre a Taylor series of Φ(z) − ½ (Marsaglia 2004); further out the continued fraction of
 * Mills' ratio, Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated bottom-up.
 */
function lowerTail(z: number): number {
  const x = -z; // x ≥ 0, result = Q(x) = 1 − Φ(x)
  if (x < 3) {
    // Φ(x) − ½ = φ(x)·(x + x³/3 + x⁵/(3·5) + …); all terms positive, converges for every x.
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 3; k < 500; k += 2) {
      term *= x2 / k;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 - density(x) * sum;
  }
  if (x > 38.5) return 0; // below the smallest subnormal double
  // Continued fraction, depth chosen so the truncation error is below double precision for x ≥ 3.
  const depth = x < 5 ? 120 : x < 10 ? 60 : 30;
  let f = x;
  for (let k = depth; k >= 1; k--) f = x + k / f;
  return density(x) / f;
}

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
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalCdf: z must be a number but got NaN');
  if (z <= 0) return lowerTail(z);
  return 1 - lowerTail(-z);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9), refined below
// by one Halley step against normalCdf, which brings it to full double precision.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** Acklam's approximation for p in (0, 0.5]. */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

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
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1] but got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0.5) return 0;
  let x = acklamLower(p);
  // Halley refinement: e = Φ(x) − p, u = e / φ(x); x ← x − u / (1 + x·u/2).
  for (let i = 0; i < 2; i++) {
    const e = lowerTail(x) - p;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    if (!Number.isFinite(u)) break;
    x -= u / (1 + 0.5 * x * u);
  }
  return x;
}

import { insufficient, type InsufficientData } from './insufficient.js';

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
export function ordinaryLeastSquares(x: readonly number[], y: readonly number[]): OrdinaryLeastSquaresResult | InsufficientData {
  if (x.length !== y.length) throw new RangeError(`ordinaryLeastSquares: x has ${x.length} values but y has ${y.length}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`ordinaryLeastSquares: point ${i} is (${x[i]}, ${y[i]}) (values must be finite)`);
    }
  }
  const n = x.length;
  if (n < 2) return insufficient(`a line needs at least 2 points but got ${n}`);
  if (x.every((v) => v === x[0])) return insufficient(`all ${n} points have the same x = ${x[0]} (no slope can be fitted)`);
  const meanX = average(x);
  const meanY = average(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const constantY = y.every((v) => v === y[0]);
  const slope = constantY ? 0 : sxy / sxx;
  const intercept = constantY ? y[0]! : meanY - slope * meanX;
  const rSquared = constantY ? 1 : Math.min(1, Math.max(0, (sxy / sxx) * (sxy / syy)));
  if (![slope, intercept, rSquared].every(Number.isFinite) || !(sxx > 0)) {
    return insufficient('the values are too extreme for double precision (sums of squares overflow or underflow)');
  }
  return { slope, intercept, rSquared, n };
}

/** Mean as a running weighted update, which cannot overflow for finite inputs. */
function average(values: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m += (values[i]! - m) / (i + 1);
  return m;
}

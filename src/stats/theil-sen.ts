import { insufficient, type InsufficientData } from './insufficient.js';
import { normalQuantile } from './normal.js';
import { quantileSorted } from './quantile-sorted.js';

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
export const THEIL_SEN_MAX_POINTS = 3000;

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
export function theilSen(x: readonly number[], y: readonly number[], options: TheilSenOptions = {}): TheilSenResult | InsufficientData {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`theilSen: confidence must be in (0, 1) but got ${confidence}`);
  if (x.length !== y.length) throw new RangeError(`theilSen: x has ${x.length} values but y has ${y.length}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`theilSen: point ${i} is (${x[i]}, ${y[i]}) (values must be finite)`);
    }
  }
  let xs: readonly number[] = x;
  let ys: readonly number[] = y;
  if (x.length > THEIL_SEN_MAX_POINTS) {
    const pick = Array.from({ length: THEIL_SEN_MAX_POINTS }, (_, i) => Math.floor((i * x.length) / THEIL_SEN_MAX_POINTS));
    xs = pick.map((i) => x[i]!);
    ys = pick.map((i) => y[i]!);
  }
  const n = xs.length;
  if (n < 3) return insufficient(`a trend needs at least 3 points but got ${n}`);
  if (xs.every((v) => v === xs[0])) return insufficient(`all ${n} points have the same x = ${xs[0]} (no trend can be fitted)`);

  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (xs[j] !== xs[i]) slopes[count++] = slope(xs[i]!, ys[i]!, xs[j]!, ys[j]!);
    }
  }
  const sorted = slopes.subarray(0, count).sort();
  const medianSlope = quantileSorted(sorted, 0.5);
  if (!Number.isFinite(medianSlope)) return overflow();
  const residuals = Float64Array.from(ys, (v, i) => v - medianSlope * xs[i]!).sort();
  const intercept = quantileSorted(residuals, 0.5);

  const variance = Math.max(0, (n * (n - 1) * (2 * n + 5) - tieTerm(xs)) / 18);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const sigma = Math.sqrt(variance);
  const upperIndex = Math.min(Math.round((count + z * sigma) / 2), count - 1);
  const lowerIndex = Math.max(Math.round((count - z * sigma) / 2) - 1, 0);

  const lower = Math.min(sorted[lowerIndex]!, medianSlope);
  const upper = Math.max(sorted[upperIndex]!, medianSlope);
  if (![intercept, lower, upper].every(Number.isFinite)) return overflow();
  return { slope: medianSlope, intercept, lower, upper, n };
}

function overflow(): InsufficientData {
  return insufficient('the slopes overflow double precision (x values too close together for the y range)');
}

/** (y2 − y1)/(x2 − x1) for x1 ≠ x2, halving first when a difference would overflow (halving is exact). */
function slope(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  if (Number.isFinite(dx) && Number.isFinite(dy)) return dy / dx;
  return (y2 / 2 - y1 / 2) / (x2 / 2 - x1 / 2);
}

/** Σ t(t − 1)(2t + 5) over groups of equal values. */
function tieTerm(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let run = 1;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) {
      run++;
    } else {
      sum += run * (run - 1) * (2 * run + 5);
      run = 1;
    }
  }
  return sum;
}

// The bench's own statistics: the rate intervals it reports and what the competing rules compute. Written
// here, not taken from src/stats, so the rules perf-gate is compared with do not share its code.

/** A Wilson score interval of a proportion. */
export interface RateInterval {
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for `hits` successes in `trials` (z = 1.96 for 95 %). Unlike the Wald interval it
 * stays inside [0, 1] and does not collapse to a point at 0 or 1 hits.
 *
 * @throws {RangeError} when trials < 1 or hits is outside 0..trials
 * @example wilson(0, 300) // { rate: 0, lower: 0, upper: 0.0126… }
 */
export function wilson(hits: number, trials: number, z = 1.959963984540054): RateInterval {
  if (!(trials >= 1) || hits < 0 || hits > trials) throw new RangeError(`wilson: need 0 ≤ hits ≤ trials, trials ≥ 1; got ${hits}/${trials}`);
  const p = hits / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { rate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** One-sided Student-t quantiles for 1..10 degrees of freedom (standard tables), at 0.95 and 0.99. */
const T_TABLE: Readonly<Record<number, readonly [number, number]>> = {
  1: [6.314, 31.821],
  2: [2.92, 6.965],
  3: [2.353, 4.541],
  4: [2.132, 3.747],
  5: [2.015, 3.365],
  6: [1.943, 3.143],
  7: [1.895, 2.998],
  8: [1.86, 2.896],
  9: [1.833, 2.821],
  10: [1.812, 2.764],
};

/**
 * The Student-t quantile at `p` (0.95 or 0.99) with `df` degrees of freedom, from the table above (the bench
 * only needs a history of a few runs).
 *
 * @throws {RangeError} for another p or df outside 1..10
 * @example tQuantile(0.95, 4) // 2.132
 */
export function tQuantile(p: 0.95 | 0.99, df: number): number {
  const row = T_TABLE[df];
  if (!row) throw new RangeError(`tQuantile: df must be 1..10, got ${df}`);
  return p === 0.95 ? row[0] : row[1];
}

/**
 * The p-th percentile (0..1) with linear interpolation between closest ranks (k6's trend percentiles,
 * Hyndman–Fan type 7) of already sorted values.
 *
 * @throws {RangeError} on an empty array
 * @example percentileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentileSorted: no values');
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample standard deviation (n − 1). */
export function sampleSd(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/**
 * One-sided Mann–Whitney U test that `current` tends to be larger than `baseline`: mid-ranks for ties,
 * normal approximation with tie-corrected variance and a continuity correction. Returns the p-value.
 *
 * @example mannWhitneyGreater([1, 2, 3], [4, 5, 6]) // U = 9, z = (9 − 4.5 − 0.5)/√5.25 = 1.746, p = 0.0404
 */
export function mannWhitneyGreater(baseline: ArrayLike<number>, current: ArrayLike<number>): number {
  const n1 = baseline.length;
  const n2 = current.length;
  const n = n1 + n2;
  const values = new Float64Array(n);
  for (let i = 0; i < n1; i++) values[i] = baseline[i]!;
  for (let i = 0; i < n2; i++) values[n1 + i] = current[i]!;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  let rankSumCurrent = 0;
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (order[k]! >= n1) rankSumCurrent += midRank;
    const t = j - i + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  const u = rankSumCurrent - (n2 * (n2 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (variance <= 0) return 1;
  const z = (u - mu - 0.5) / Math.sqrt(variance);
  return 1 - normalCdf(z);
}

/** The k-th smallest (0-based) of `a`, reordering `a` in place (Hoare quickselect, median-of-three). */
export function quickselect(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The Hodges–Lehmann shift (current − baseline) and its distribution-free interval. */
export interface ShiftInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Hodges–Lehmann estimate of the location shift current − baseline (the median of all pairwise differences)
 * with the rank-based interval at `confidence` (two-sided): the k-th smallest and k-th largest pairwise
 * difference, k = ⌊mn/2 − z·√(mn(m+n+1)/12)⌋ (the normal approximation of the Mann–Whitney distribution;
 * what R's wilcox.test(conf.int = TRUE) computes for large samples, which Kayenta calls).
 *
 * @example shiftInterval([1, 2, 3], [11, 12, 13], 0.5) // differences 8..12: estimate 10, k = 2 → [9, 11]
 */
export function shiftInterval(baseline: ArrayLike<number>, current: ArrayLike<number>, confidence: number): ShiftInterval {
  const m = baseline.length;
  const n = current.length;
  const diffs = new Float64Array(m * n);
  let p = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) diffs[p++] = current[i]! - baseline[j]!;
  const mn = m * n;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const k = Math.max(1, Math.floor(mn / 2 - z * Math.sqrt((mn * (m + n + 1)) / 12)));
  const estimate = mn % 2 ? quickselect(diffs, (mn - 1) / 2) : (quickselect(diffs, mn / 2 - 1) + quickselect(diffs, mn / 2)) / 2;
  const lower = quickselect(diffs, k - 1);
  const upper = quickselect(diffs, mn - k);
  return { estimate, lower, upper };
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

import { insufficient, type InsufficientData } from './insufficient.js';

/** One time window's log-latency sums: the requests in it, Σ ln v and Σ (ln v)² (a TrendWindow fits). */
export interface WindowLogSums {
  readonly count: number;
  readonly sumLog: number;
  readonly sumLogSq: number;
}

export interface ChangePoint {
  /** Index in the input of the first window after the step (windows before it are the "before" side). */
  readonly at: number;
  /** Request-weighted mean ln latency of each side, and its requests. */
  readonly before: { readonly logMean: number; readonly count: number };
  readonly after: { readonly logMean: number; readonly count: number };
  /** The CUSUM statistic: sup |cumulated deviation| / √(N · long-run variance), a Brownian-bridge sup under no change. */
  readonly statistic: number;
  /** Two-sided p-value of "no step anywhere" (Kolmogorov distribution of the statistic). */
  readonly pValue: number;
}

/** Fewer windows with requests than this: a step and the noise around it cannot both be estimated. */
export const CHANGE_POINT_MIN_WINDOWS = 4;

/** Lag-1 autocorrelation above this is clamped: the AR(1) factor (1 + ρ)/(1 − ρ) would explode on a short series. */
const MAX_RHO = 0.8;

/**
 * The single most likely step in a series of time windows, and whether it stands out from noise. Each
 * window contributes its request-weighted mean ln latency. The step is placed where the two-segment split
 * maximises the standardized mean difference (the likelihood-ratio split for one step in a mean). Whether
 * there is a step at all is the weighted CUSUM test: the largest cumulated deviation from the overall mean,
 * divided by √(N·v), is the sup of a Brownian bridge under no change, whose tail is Kolmogorov's
 * distribution. `v` is the long-run variance of √nₖ·(window mean − its segment's mean): the residuals
 * around the located step (so a real step does not inflate its own noise), widened by the AR(1) factor
 * (1 + ρ)/(1 − ρ) of their lag-1 autocorrelation (neighbouring windows share a slow stretch, drift, a GC
 * pause), and never below the pooled within-window variance of ln latency (requests are at least as noisy
 * as independent ones). Windows are taken in the order given; windows without requests are skipped.
 * Calibration: conservative on white noise (20 windows: P(p < 0.05) ≈ 1 %, and p leans towards 1 on few
 * windows); under slow drift (window lag-1 ≳ 0.5) it grows liberal — to this test a slow wander is a step.
 *
 * Contract: pValue in [0, 1]; `at` in 1..length − 1 and indexes a window with requests; before and after
 * each hold ≥ 1 window. The location is descriptive: the test does not depend on it except through the
 * residual variance. InsufficientData (cause `too-few`) with fewer than CHANGE_POINT_MIN_WINDOWS windows
 * with requests, and (cause `no-spread`) when every window has the same mean or there is no variance.
 *
 * @throws {RangeError} when a count is negative or not finite, or a sum is not finite
 * @example
 * // 10 windows of 20 requests at ln 3 ± 0.1, then 10 at ln 3.4 ± 0.1 (a +50 % step)
 * changePoint(windows) // { at: 10, before: { logMean: 3, count: 200 }, after: { logMean: 3.4, … }, statistic ≈ 4, pValue < 1e-12 }
 */
export function changePoint(windows: readonly WindowLogSums[]): ChangePoint | InsufficientData {
  const used: { index: number; n: number; sum: number; sumSq: number }[] = [];
  windows.forEach((w, index) => {
    if (!(Number.isFinite(w.count) && w.count >= 0)) throw new RangeError(`changePoint: window ${index} has count ${w.count} (must be a finite number ≥ 0)`);
    if (!Number.isFinite(w.sumLog) || !Number.isFinite(w.sumLogSq)) throw new RangeError(`changePoint: window ${index} has a sum that is not finite`);
    if (w.count > 0) used.push({ index, n: w.count, sum: w.sumLog, sumSq: w.sumLogSq });
  });
  const k = used.length;
  if (k < CHANGE_POINT_MIN_WINDOWS) return insufficient(`${k} time ${k === 1 ? 'window' : 'windows'} with requests (a change point needs ≥ ${CHANGE_POINT_MIN_WINDOWS})`, 'too-few');
  const total = used.reduce((a, w) => a + w.n, 0);
  const grand = used.reduce((a, w) => a + w.sum, 0) / total;
  const means = used.map((w) => w.sum / w.n);
  if (means.every((m) => m === means[0])) return insufficient('every time window has the same mean latency: no step to locate', 'no-spread');

  // The split after used[j − 1]: cumulated deviation C, and the standardized difference ∝ C·√(N/(W(N−W))).
  let cusum = 0;
  let weight = 0;
  let sup = 0;
  let best = 1;
  let bestScore = -1;
  for (let j = 1; j < k; j++) {
    const w = used[j - 1]!;
    cusum += w.sum - w.n * grand;
    weight += w.n;
    sup = Math.max(sup, Math.abs(cusum));
    const score = Math.abs(cusum) * Math.sqrt(total / (weight * (total - weight)));
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  }
  const side = (ws: typeof used) => {
    const n = ws.reduce((a, w) => a + w.n, 0);
    return { logMean: ws.reduce((a, w) => a + w.sum, 0) / n, count: n };
  };
  const before = side(used.slice(0, best));
  const after = side(used.slice(best));

  const residuals = used.map((w, j) => Math.sqrt(w.n) * (means[j]! - (j < best ? before.logMean : after.logMean)));
  let sq = 0;
  let lagged = 0;
  for (let j = 0; j < k; j++) {
    sq += residuals[j]! ** 2;
    if (j + 1 < k) lagged += residuals[j]! * residuals[j + 1]!;
  }
  const rho = sq > 0 ? Math.min(MAX_RHO, Math.max(0, lagged / sq)) : 0;
  // Two means were fitted: k − 2 degrees of freedom left for the variance.
  const longRun = (sq / (k - 2)) * ((1 + rho) / (1 - rho));
  const withinDf = total - k;
  const within = withinDf > 0 ? Math.max(0, used.reduce((a, w) => a + (w.sumSq - (w.sum * w.sum) / w.n), 0)) / withinDf : 0;
  const variance = Math.max(longRun, within);
  if (!(variance > 0)) return insufficient('no variance in the windows to measure a step against', 'no-spread');
  const statistic = sup / Math.sqrt(total * variance);
  return { at: used[best]!.index, before, after, statistic, pValue: kolmogorovSurvival(statistic) };
}

/**
 * P(sup |B(t)| > x) for a Brownian bridge B on [0, 1]: Kolmogorov's distribution. Below x = 1 the
 * Jacobi-theta form converges in a few terms, above it the alternating series does.
 * @example kolmogorovSurvival(1.3581) // ≈ 0.05
 */
export function kolmogorovSurvival(x: number): number {
  // Below 0.1, P(sup ≤ x) < 1e-50 (and x² would underflow on the way).
  if (!(x >= 0.1)) return 1;
  if (x < 1) {
    let s = 0;
    for (let j = 1; j <= 20; j++) s += Math.exp(-((2 * j - 1) ** 2) * Math.PI * Math.PI / (8 * x * x));
    return clamp01(1 - (Math.sqrt(2 * Math.PI) / x) * s);
  }
  let s = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * x * x);
    s += j % 2 === 1 ? term : -term;
    if (term < 1e-300) break;
  }
  return clamp01(2 * s);
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

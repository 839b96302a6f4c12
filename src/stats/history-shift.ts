/**
 * Level shifts in a series of runs (one value per run, oldest first — the log of a stage's p95, or of an
 * endpoint's typical latency, over the history of the default branch): where a shift began, where it
 * settled, how large it is and how sure. This is what per-run thresholds miss: three steps of +3 %, each
 * under a +5 % limit, are a +10 % shift.
 *
 * This is E-divisive means (Matteson & James) at exponent α = 2 — where the energy statistic of a split is
 * n₁n₂/n · (mean₁ − mean₂)², the explained share below with no ramp — with a permutation test and binary
 * segmentation as E-divisive has, extended by ramps. The model of one shift is a level, a ramp, and a new level: y = L0 before run `began`, L1 from run
 * `settled` on, and a straight line between them (`began` = `settled`: a single step). Every (began,
 * settled) with a ramp of at most `maxRampRuns` and `minSegment` runs on either side is fitted by least
 * squares; the best explains the largest share of the series' variance. Its significance is a permutation
 * test of that share (the series shuffled `permutations` times, each searched the same way), so the search
 * over positions is paid for, and no normal or independence-of-position assumption is made beyond
 * exchangeable runs under no shift. Further shifts are looked for in the parts before and after it
 * (binary segmentation), each with its own test. A shift smaller than `minChange` (|L1 − L0| in the
 * series' units: on a log scale 0.05 ≈ 5 %) is not reported, however sure: the minimum-magnitude rule
 * of Hunter/Apache Otava.
 *
 * Contract: pure and deterministic (the permutations come from `seededRng(seed)`); never NaN; fewer than
 * 2·minSegment finite values, or no spread at all, is InsufficientData.
 */
import { insufficient, type InsufficientData } from './insufficient.js';
import { seededRng, type Rng } from './random.js';

export interface HistoryShiftOptions {
  /** Significance level of each shift's permutation test (default 0.01). */
  readonly alpha?: number;
  /** Smallest |L1 − L0| reported (default 0.05: 5 % on a log scale). */
  readonly minChange?: number;
  /** Runs on each side of a shift at least (default 4). */
  readonly minSegment?: number;
  /** Longest ramp between the old and the new level, in runs (default 8). */
  readonly maxRampRuns?: number;
  /** Permutations per test (default 499). */
  readonly permutations?: number;
  readonly seed?: number;
}

export interface HistoryShift {
  /** Index of the first run that moved away from the old level. */
  readonly began: number;
  /** Index of the first run at the new level (= began for a single step). */
  readonly settled: number;
  /** The old and new levels (least-squares fit). */
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly change: number;
  /** Share of the segment's variance the shift explains (0..1). */
  readonly explained: number;
  /** One-sided permutation p-value of "no shift in this segment". */
  readonly pValue: number;
}

interface Fit {
  readonly began: number;
  readonly settled: number;
  readonly before: number;
  readonly after: number;
  readonly explained: number;
}

/**
 * Every shift the series holds, by position.
 *
 * @example
 * historyShifts([0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1].map((x, i) => x + 0.001 * (i % 2)), { minSegment: 3 }) // one shift, began 4
 */
export function historyShifts(values: readonly number[], options: HistoryShiftOptions = {}): HistoryShift[] | InsufficientData {
  const o = {
    alpha: options.alpha ?? 0.01,
    minChange: options.minChange ?? 0.05,
    minSegment: Math.max(2, options.minSegment ?? 4),
    maxRampRuns: Math.max(0, options.maxRampRuns ?? 8),
    permutations: Math.max(19, options.permutations ?? 499),
  };
  if (!values.every(Number.isFinite)) return insufficient('the series has a value that is not a finite number');
  if (values.length < 2 * o.minSegment) return insufficient(`${values.length} runs in the history (needs ≥ ${2 * o.minSegment})`, 'too-few');
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.every((v) => Math.abs(v - mean) <= 1e-12 * Math.max(1, Math.abs(mean)))) return insufficient('every run has the same value: no spread to tell a shift from', 'no-spread');
  const rng = seededRng(options.seed ?? 1);
  const found: HistoryShift[] = [];
  const segments: [number, number][] = [[0, values.length]];
  while (segments.length > 0) {
    const [from, to] = segments.pop()!;
    if (to - from < 2 * o.minSegment) continue;
    const part = values.slice(from, to);
    const fit = bestFit(part, o.minSegment, o.maxRampRuns);
    if (!fit || fit.explained <= 0) continue;
    const pValue = permutationP(part, fit.explained, o, rng);
    if (pValue > o.alpha) continue;
    const shift = { began: from + fit.began, settled: from + fit.settled, before: fit.before, after: fit.after, change: fit.after - fit.before, explained: fit.explained, pValue };
    if (Math.abs(shift.change) >= o.minChange) found.push(shift);
    // Either side may hold another shift; a significant one under the magnitude floor still splits.
    segments.push([from, from + fit.began], [from + fit.settled, to]);
  }
  return found.sort((a, b) => a.began - b.began);
}

/** The permutation p-value of the best fit's explained share: (1 + #{shuffled ≥ observed}) / (1 + P). */
function permutationP(part: readonly number[], observed: number, o: { minSegment: number; maxRampRuns: number; permutations: number }, rng: Rng): number {
  const shuffled = [...part];
  let atLeast = 0;
  for (let k = 0; k < o.permutations; k++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const fit = bestFit(shuffled, o.minSegment, o.maxRampRuns);
    if (fit && fit.explained >= observed - 1e-12) atLeast++;
  }
  return (1 + atLeast) / (1 + o.permutations);
}

/**
 * The level–ramp–level fit that explains most of the variance: for each (began, settled), L0 and L1 solve
 * the 2×2 normal equations of y ≈ L0·a + L1·(1 − a), a = 1 before the ramp, falling linearly across it, 0
 * after. (A free level for the ramp instead fits a staircase no better and puts single steps a run or two off.)
 */
function bestFit(y: readonly number[], minSegment: number, maxRamp: number): Fit | undefined {
  const n = y.length;
  const prefix = new Float64Array(n + 1);
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i]! + y[i]!;
    sumSq += y[i]! * y[i]!;
  }
  const mean = prefix[n]! / n;
  let total = 0;
  for (const v of y) total += (v - mean) ** 2;
  if (total <= 0) return undefined;
  let best: Fit | undefined;
  for (let began = minSegment; began <= n - minSegment; began++) {
    for (let settled = began; settled <= Math.min(began + maxRamp, n - minSegment); settled++) {
      // Flat parts by prefix sums; the ramp's runs weigh w = (j − began + 1)/(ramp + 1) toward the new level.
      const ramp = settled - began;
      let saa = began;
      let sac = 0;
      let scc = n - settled;
      let say = prefix[began]!;
      let scy = prefix[n]! - prefix[settled]!;
      for (let j = began; j < settled; j++) {
        const w = (j - began + 1) / (ramp + 1);
        saa += (1 - w) * (1 - w);
        sac += (1 - w) * w;
        scc += w * w;
        say += (1 - w) * y[j]!;
        scy += w * y[j]!;
      }
      const det = saa * scc - sac * sac;
      if (det <= 1e-12) continue;
      const l0 = (say * scc - scy * sac) / det;
      const l1 = (scy * saa - say * sac) / det;
      // At the least-squares solution SSE = Σy² − (L0·Σay + L1·Σcy).
      const explained = 1 - Math.max(0, sumSq - (l0 * say + l1 * scy)) / total;
      if (!best || explained > best.explained + 1e-12) best = { began, settled, before: l0, after: l1, explained };
    }
  }
  return best;
}

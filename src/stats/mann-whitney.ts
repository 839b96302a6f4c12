import { assertDistribution } from './assert-distribution.js';
import { bucketColumns, type BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';
import { insufficient, type InsufficientData } from './insufficient.js';
import { normalCdf } from './normal.js';
import { pairCountsOf } from './pair-counts.js';

/** Outcome of a Mann–Whitney U test of current against baseline. */
export interface MannWhitneyResult {
  /** U of the current sample: pairs with current > baseline plus half the tied pairs. 0 ≤ u ≤ n1·n2. */
  readonly u: number;
  /** Baseline observations. */
  readonly n1: number;
  /** Current observations. */
  readonly n2: number;
  /**
   * Standardised U from the normal approximation (tie-corrected, continuity-corrected towards 0,
   * variance multiplied by the variance inflation): positive when current tends to be larger. Reported
   * for both methods; with method 'exact' the p-values do not come from it.
   */
  readonly z: number;
  /** Two-sided p-value: 2·min(pGreater, pLess) capped at 1. */
  readonly pValue: number;
  /** One-sided p-value for H1 "current is stochastically larger than baseline" (slower, for latency). */
  readonly pGreater: number;
  /** 'exact': permutation distribution of the rank sum; 'normal': normal approximation. */
  readonly method: 'exact' | 'normal';
  /**
   * True when the data had ties (equal values across or within samples) and they were accounted for:
   * tie-corrected variance for 'normal', mid-rank permutation distribution for 'exact'.
   */
  readonly tieCorrected: boolean;
}

export interface MannWhitneyOptions {
  /**
   * Design effect ≥ 1 (default 1) for observations that are not independent, e.g. requests correlated
   * within time windows (see clusterDesignEffect). Multiplies the variance of U, so z shrinks by its
   * square root. Any value above 1 forces the normal approximation.
   */
  readonly varianceInflation?: number;
  /**
   * 'auto' (default): exact when N ≤ MANN_WHITNEY_EXACT_MAX_TOTAL and no variance inflation, otherwise
   * normal. 'normal': always the normal approximation (for comparison with other tools).
   */
  readonly method?: 'auto' | 'normal';
}

/** The exact null distribution is used up to this many observations in total (and no variance inflation). */
export const MANN_WHITNEY_EXACT_MAX_TOTAL = 40;

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test of whether current observations tend to be larger or smaller
 * than baseline observations, computed on histogram buckets: the two bucket lists are merged once, every
 * distinct value gets the mid-rank of its tie group, and U, the tie correction and the exact distribution
 * are all built from the groups. O(K1 + K2) for the normal approximation; never expands the buckets.
 *
 * Method. With N = n1 + n2 ≤ 40 and no variance inflation the p-values are exact: the permutation
 * distribution of the current rank sum over doubled mid-ranks (a counting DP over tie groups; with no ties
 * it is the classical exact Mann–Whitney distribution). Otherwise the normal approximation with mean
 * n1·n2/2, tie-corrected variance n1·n2/12·((N + 1) − Σ(t³ − t)/(N(N − 1))) times the variance inflation,
 * and a continuity correction of ½.
 *
 * Contract: u + (pairs current < baseline) + ½·ties = n1·n2; pValue, pGreater in [0, 1]; swapping the
 * arguments turns u into n1·n2 − u and z into −z. InsufficientData when either sample is empty, or when
 * every observation of both samples has the same value (no variance: ranks carry no information). One
 * observation per side is allowed; the test then simply cannot reach significance.
 *
 * @param baseline the reference distribution
 * @param current the distribution under test
 * @param options varianceInflation (≥ 1, default 1), method ('auto' or 'normal', default 'auto')
 * @throws {RangeError} if varianceInflation is not a finite number ≥ 1, or a distribution breaks the
 *   Distribution invariants
 * @example
 * // baseline 1, 2, 3, 4; current 5, 6, 7: every current observation is larger
 * mannWhitney(
 *   [1, 2, 3, 4].map((value) => ({ value, count: 1 })),
 *   [5, 6, 7].map((value) => ({ value, count: 1 })),
 * );
 * // => { u: 12, n1: 4, n2: 3, z: 1.9445… (= 5.5/√8), pValue: 0.0571… (= 2/35), pGreater: 0.0286… (= 1/35),
 * //      method: 'exact', tieCorrected: false }
 */
export function mannWhitney(
  baseline: Distribution,
  current: Distribution,
  options: MannWhitneyOptions = {},
): MannWhitneyResult | InsufficientData {
  const inflation = options.varianceInflation ?? 1;
  if (!(Number.isFinite(inflation) && inflation >= 1)) {
    throw new RangeError(`mannWhitney: varianceInflation must be a finite number ≥ 1 but got ${inflation}`);
  }
  assertDistribution(baseline, 'baseline');
  assertDistribution(current, 'current');
  return mannWhitneyOf(bucketColumns(baseline), bucketColumns(current), inflation, options.method ?? 'auto');
}

/**
 * mannWhitney of valid buckets in columns (see BucketColumns), at a checked variance inflation: the rank
 * tests of one comparison share their columns this way.
 */
export function mannWhitneyOf(
  baseline: BucketColumns,
  current: BucketColumns,
  inflation: number,
  method: 'auto' | 'normal',
): MannWhitneyResult | InsufficientData {
  const groups = tieGroups(baseline, current);
  const n1 = baseline.total;
  const n2 = current.total;
  let tieSum = 0; // Σ (t³ − t) over tie groups of the pooled sample
  for (let g = 0; g < groups.length; g++) {
    const t = groups.baseline[g]! + groups.current[g]!;
    tieSum += (t - 1) * t * (t + 1);
  }
  if (n1 === 0) return insufficient('baseline has no observations');
  if (n2 === 0) return insufficient('current has no observations');
  if (groups.length === 1) {
    return insufficient(`all ${n1 + n2} observations have the same value ${baseline.values[0]} (no variance to rank)`, 'no-spread');
  }

  const n = n1 + n2;
  const { greater, ties } = pairCountsOf(baseline, current);
  const u = greater + ties / 2;
  const meanU = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieSum / (n * (n - 1))) * inflation;
  if (!(variance > 0)) return insufficient('the rank variance vanishes (almost every observation is tied)');
  const sd = Math.sqrt(variance);
  const diff = u - meanU;
  const z = diff > 0 ? Math.max(0, diff - 0.5) / sd : diff < 0 ? Math.min(0, diff + 0.5) / sd : 0;
  const tieCorrected = tieSum > 0;

  if (n <= MANN_WHITNEY_EXACT_MAX_TOTAL && inflation === 1 && method !== 'normal') {
    const { pGreater, pLess } = exactTails(groups, n2);
    return { u, n1, n2, z, pValue: Math.min(1, 2 * Math.min(pGreater, pLess)), pGreater, method: 'exact', tieCorrected };
  }
  const pGreater = normalCdf(-(diff - 0.5) / sd);
  const pLess = normalCdf((diff + 0.5) / sd);
  return { u, n1, n2, z, pValue: Math.min(1, 2 * Math.min(pGreater, pLess)), pGreater, method: 'normal', tieCorrected };
}

/** The distinct values of the pooled sample, ascending: how many observations of each side sit on each. */
interface TieGroups {
  readonly baseline: Float64Array;
  readonly current: Float64Array;
  readonly length: number;
}

/** Merges two bucket lists into ascending tie groups of the pooled sample. O(K1 + K2). */
function tieGroups(baseline: BucketColumns, current: BucketColumns): TieGroups {
  const bv = baseline.values;
  const cv = current.values;
  const groupBaseline = new Float64Array(bv.length + cv.length);
  const groupCurrent = new Float64Array(bv.length + cv.length);
  let g = 0;
  let i = 0;
  let j = 0;
  while (i < bv.length || j < cv.length) {
    if (j >= cv.length || (i < bv.length && bv[i]! < cv[j]!)) {
      groupBaseline[g++] = baseline.counts[i++]!;
    } else if (i >= bv.length || cv[j]! < bv[i]!) {
      groupCurrent[g++] = current.counts[j++]!;
    } else {
      groupBaseline[g] = baseline.counts[i++]!;
      groupCurrent[g++] = current.counts[j++]!;
    }
  }
  return { baseline: groupBaseline, current: groupCurrent, length: g };
}

/**
 * Exact one-sided tail probabilities of the current rank sum under the permutation null, for small N.
 * Works on doubled mid-ranks (integers): a tie group of size t after `below` smaller observations has
 * doubled mid-rank 2·below + t + 1. dp[k][s] counts the ways to give k of the observations seen so far to
 * the current sample with doubled rank sum s, weighting j picks from a group of size t by C(t, j).
 * Counts stay below C(40, 20) ≈ 1.4e11, exact in doubles.
 */
function exactTails(groups: TieGroups, n2: number): { pGreater: number; pLess: number } {
  let n = 0;
  for (let g = 0; g < groups.length; g++) n += groups.baseline[g]! + groups.current[g]!;
  const width = n * (n + 1) + 1; // doubled rank sums are at most 2·(1 + … + N) = N(N + 1)
  const dp = new Float64Array((n2 + 1) * width);
  dp[0] = 1;
  let below = 0;
  let seen = 0;
  let observed = 0;
  for (let g = 0; g < groups.length; g++) {
    const t = groups.baseline[g]! + groups.current[g]!;
    const rank2 = 2 * below + t + 1;
    observed += groups.current[g]! * rank2;
    const binomials = binomialRow(t);
    for (let k = Math.min(seen, n2); k >= 0; k--) {
      const row = k * width;
      for (let s = 0; s < width; s++) {
        const ways = dp[row + s]!;
        if (ways === 0) continue;
        for (let pick = 1; pick <= t && k + pick <= n2; pick++) {
          const target = (k + pick) * width + s + pick * rank2;
          dp[target] = dp[target]! + ways * binomials[pick]!;
        }
      }
    }
    below += t;
    seen += t;
  }
  let total = 0;
  let atLeast = 0;
  let atMost = 0;
  const row = n2 * width;
  for (let s = 0; s < width; s++) {
    const ways = dp[row + s]!;
    total += ways;
    if (s >= observed) atLeast += ways;
    if (s <= observed) atMost += ways;
  }
  return { pGreater: Math.min(1, atLeast / total), pLess: Math.min(1, atMost / total) };
}

/** C(t, 0..t) as doubles (exact for t ≤ 40). */
function binomialRow(t: number): number[] {
  const row = [1];
  for (let j = 1; j <= t; j++) row.push((row[j - 1]! * (t - j + 1)) / j);
  return row;
}

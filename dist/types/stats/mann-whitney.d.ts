import { type BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
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
export declare const MANN_WHITNEY_EXACT_MAX_TOTAL = 40;
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
export declare function mannWhitney(baseline: Distribution, current: Distribution, options?: MannWhitneyOptions): MannWhitneyResult | InsufficientData;
/**
 * mannWhitney of valid buckets in columns (see BucketColumns), at a checked variance inflation: the rank
 * tests of one comparison share their columns this way.
 */
export declare function mannWhitneyOf(baseline: BucketColumns, current: BucketColumns, inflation: number, method: 'auto' | 'normal'): MannWhitneyResult | InsufficientData;

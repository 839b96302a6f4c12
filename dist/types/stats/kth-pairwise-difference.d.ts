import { type BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';
/**
 * The k-th smallest (0-based) of the n1·n2 pairwise differences current − baseline, each pair counted once
 * per pair of observations, found without forming the pairs.
 *
 * The differences form an implicit matrix: row i is a current bucket, column j a baseline bucket taken in
 * descending order, so every row and every column is ascending. The search keeps, per row, the window of
 * columns whose difference lies strictly between the current bounds (lo, hi] around the answer. Each round
 * takes as pivot the weighted median of the row-window medians (an actual difference), counts the pairs
 * at or below it with a two-pointer pass (O(K1 + K2)), and moves lo or hi to the pivot, which discards at
 * least about a quarter of the remaining bucket pairs. When no bucket pair is left strictly inside, hi is
 * the answer. O((K1 + K2)·log(K1 + K2)·log(K1·K2)) in all, memory O(K1 + K2).
 *
 * Differences are computed as the double `c − b`, the same expression a naive enumeration would use, so
 * the result is bit-identical to sorting all differences and indexing.
 *
 * Contract: both distributions non-empty and valid (not checked here), 0 ≤ k < n1·n2 integer.
 *
 * @param baseline sorted distinct buckets, at least one observation
 * @param current sorted distinct buckets, at least one observation
 * @param k 0-based rank among the n1·n2 differences
 * @throws {RangeError} if k is not an integer in [0, n1·n2)
 * @example
 * // differences of current {3, 5} and baseline {1, 2, 2}: 1, 1, 2, 3, 3, 4
 * kthPairwiseDifference([{ value: 1, count: 1 }, { value: 2, count: 2 }], [{ value: 3, count: 1 }, { value: 5, count: 1 }], 2); // => 2
 */
export declare function kthPairwiseDifference(baseline: Distribution, current: Distribution, k: number): number;
/**
 * kthPairwiseDifference for many ranks of the same two distributions (an estimate and its interval): the
 * bucket arrays and the search's scratch are built once and reused by every rank asked. Same contract and
 * results as kthPairwiseDifference; the returned function throws as it does.
 */
export declare function pairwiseDifferences(baseline: Distribution, current: Distribution): (k: number) => number;
/** pairwiseDifferences of buckets in columns (see BucketColumns): same contract and results. */
export declare function pairwiseDifferencesOf(baseline: BucketColumns, current: BucketColumns): (k: number) => number;

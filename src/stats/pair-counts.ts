import { bucketColumns, type BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';

/** How the n1·n2 (baseline, current) pairs of observations compare. Each count is an integer. */
export interface PairCounts {
  /** Pairs with current > baseline. */
  readonly greater: number;
  /** Pairs with current < baseline. */
  readonly less: number;
  /** Pairs with current = baseline. */
  readonly ties: number;
}

/**
 * Counts, without forming the pairs, how every current observation compares with every baseline
 * observation: one merge pass over both bucket lists, O(K1 + K2). This is the common core of the
 * Mann–Whitney U statistic (U = greater + ties/2) and Cliff's delta ((greater − less)/(n1·n2)).
 *
 * Contract: greater + less + ties = n1·n2 exactly (while n1·n2 < 2^53). Both inputs are assumed to satisfy
 * the `Distribution` invariants (see assertDistribution); empty inputs give all zeros.
 *
 * @param baseline sorted distinct buckets
 * @param current sorted distinct buckets
 * @throws nothing: inputs are trusted (callers validate them with assertDistribution)
 * @example
 * pairCounts(
 *   [{ value: 1, count: 1 }, { value: 3, count: 1 }],
 *   [{ value: 2, count: 1 }, { value: 3, count: 2 }],
 * ); // => { greater: 3, less: 1, ties: 2 }  (2>1, 3>1, 3>1; 2<3; 3=3 twice)
 */
export function pairCounts(baseline: Distribution, current: Distribution): PairCounts {
  return pairCountsOf(bucketColumns(baseline), bucketColumns(current));
}

/** pairCounts of buckets in columns (see BucketColumns), with the same contract. */
export function pairCountsOf(baseline: BucketColumns, current: BucketColumns): PairCounts {
  const bv = baseline.values;
  const bc = baseline.counts;
  const cv = current.values;
  const cc = current.counts;
  let greater = 0;
  let ties = 0;
  let below = 0; // baseline observations strictly below the current bucket's value
  let j = 0;
  for (let i = 0; i < cv.length; i++) {
    const value = cv[i]!;
    while (j < bv.length && bv[j]! < value) below += bc[j++]!;
    const same = j < bv.length && bv[j] === value ? bc[j]! : 0;
    greater += cc[i]! * below;
    ties += cc[i]! * same;
  }
  return { greater, less: baseline.total * current.total - greater - ties, ties };
}

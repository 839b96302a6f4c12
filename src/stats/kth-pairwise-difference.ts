import { bucketColumns, type BucketColumns } from './bucket-columns.js';
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
export function kthPairwiseDifference(baseline: Distribution, current: Distribution, k: number): number {
  return pairwiseDifferences(baseline, current)(k);
}

/**
 * kthPairwiseDifference for many ranks of the same two distributions (an estimate and its interval): the
 * bucket arrays and the search's scratch are built once and reused by every rank asked. Same contract and
 * results as kthPairwiseDifference; the returned function throws as it does.
 */
export function pairwiseDifferences(baseline: Distribution, current: Distribution): (k: number) => number {
  return pairwiseDifferencesOf(bucketColumns(baseline), bucketColumns(current));
}

/** pairwiseDifferences of buckets in columns (see BucketColumns): same contract and results. */
export function pairwiseDifferencesOf(baseline: BucketColumns, current: BucketColumns): (k: number) => number {
  const rows = current.values.length;
  const cols = baseline.values.length;
  // Columns: baseline buckets in descending order of value, with prefix sums of their counts.
  const colValue = new Float64Array(cols);
  const colPrefix = new Float64Array(cols + 1);
  for (let j = 0; j < cols; j++) {
    colValue[j] = baseline.values[cols - 1 - j]!;
    colPrefix[j + 1] = colPrefix[j]! + baseline.counts[cols - 1 - j]!;
  }
  const n1 = colPrefix[cols]!;
  const rowValue = current.values;
  const rowCount = current.counts;
  const n2 = current.total;
  // Candidate window per row: columns [left[i], right[i]) hold the differences strictly inside (lo, hi).
  const left = new Int32Array(rows);
  const right = new Int32Array(rows);
  const atOrBelow = new Int32Array(rows);
  const below = new Int32Array(rows);
  // The row-window medians and their widths, reused every round: a run's buckets number in the thousands
  // and a comparison asks this for every endpoint, so one object per row and round was most of its memory.
  const medianValue = new Float64Array(rows);
  const medianWeight = new Float64Array(rows);
  return (k) => {
    if (!(Number.isInteger(k) && k >= 0 && k < n1 * n2)) {
      throw new RangeError(`kthPairwiseDifference: k must be an integer in [0, ${n1 * n2}) but got ${k}`);
    }
    left.fill(0);
    right.fill(cols);
    return search(k);
  };

  function search(k: number): number {
    let hi = Number.NaN; // set on the first pivot that has at least k + 1 pairs at or below it
    for (;;) {
      let m = 0;
      let candidates = 0;
      for (let i = 0; i < rows; i++) {
        const width = right[i]! - left[i]!;
        if (width <= 0) continue;
        medianValue[m] = rowValue[i]! - colValue[left[i]! + ((width - 1) >> 1)]!;
        medianWeight[m] = width;
        m++;
        candidates += width;
      }
      if (candidates === 0) return hi;
      const pivot = weightedLowerMedian(medianValue, medianWeight, m, candidates);

      // Per row, how many columns have difference ≤ pivot and < pivot. Both are non-increasing in the row
      // index (rows ascend), so one pointer per bound walks each column list once.
      let le = cols;
      let lt = cols;
      let countAtOrBelow = 0;
      for (let i = 0; i < rows; i++) {
        // The difference of row i and column j is rowValue[i] − colValue[j], written out (no closure) so that
        // unoptimized code does not box a double per comparison.
        const r = rowValue[i]!;
        while (le > 0 && r - colValue[le - 1]! > pivot) le--;
        while (lt > 0 && r - colValue[lt - 1]! >= pivot) lt--;
        atOrBelow[i] = le;
        below[i] = lt;
        countAtOrBelow += rowCount[i]! * colPrefix[le]!;
      }
      if (countAtOrBelow >= k + 1) {
        hi = pivot; // answer ≤ pivot: keep only differences < pivot
        for (let i = 0; i < rows; i++) right[i] = Math.min(right[i]!, below[i]!);
      } else {
        // answer > pivot: keep only differences > pivot
        for (let i = 0; i < rows; i++) left[i] = Math.max(left[i]!, atOrBelow[i]!);
      }
    }
  }
}

/**
 * The smallest value v among the first m entries with 2·(weight of the entries ≤ v) ≥ total (the weighted
 * lower median), by three-way quickselect on the arrays in place: O(m) expected, no allocation. The same
 * value as sorting and accumulating, whatever the order of ties. `total` is the sum of the m weights.
 */
function weightedLowerMedian(values: Float64Array, weights: Float64Array, m: number, total: number): number {
  let lo = 0;
  let hi = m; // the range [lo, hi) holds the answer
  let below = 0; // weight of the entries already known to lie below the range
  for (;;) {
    // Median of three as the partition value: the row medians arrive nearly sorted, where it is exact.
    const a = values[lo]!;
    const b = values[(lo + hi - 1) >> 1]!;
    const c = values[hi - 1]!;
    const p = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Dutch flag: [lo, lt) < p, [lt, i) = p, (gt, hi) > p.
    let lt = lo;
    let i = lo;
    let gt = hi - 1;
    let wLess = 0;
    let wEqual = 0;
    while (i <= gt) {
      const v = values[i]!;
      if (v < p) {
        wLess += weights[i]!;
        swap(values, weights, lt++, i++);
      } else if (v > p) {
        swap(values, weights, i, gt--);
      } else {
        wEqual += weights[i]!;
        i++;
      }
    }
    if (2 * (below + wLess) >= total) {
      hi = lt;
    } else if (2 * (below + wLess + wEqual) >= total) {
      return p;
    } else {
      below += wLess + wEqual;
      lo = gt + 1;
    }
  }
}

function swap(values: Float64Array, weights: Float64Array, i: number, j: number): void {
  const v = values[i]!;
  values[i] = values[j]!;
  values[j] = v;
  const w = weights[i]!;
  weights[i] = weights[j]!;
  weights[j] = w;
}

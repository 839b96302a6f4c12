import type { Distribution } from './distribution.js';
/**
 * A distribution as two typed columns: bucket i holds counts[i] observations of values[i]. The rank tests
 * (Hodges–Lehmann, Mann–Whitney) read a run's several thousand buckets per endpoint many times over; in
 * this form they do it without an object, or a boxed double, per bucket.
 *
 * Contract: the same invariants as Distribution (values ascending and distinct, counts positive integers);
 * `total` is the sum of the counts.
 */
export interface BucketColumns {
    readonly values: Float64Array;
    readonly counts: Float64Array;
    readonly total: number;
}
/**
 * The buckets of a distribution in columns. Trusts its input: callers check it with assertDistribution.
 * @example bucketColumns([{ value: 1, count: 2 }, { value: 3, count: 1 }]) // values [1, 3], counts [2, 1], total 3
 */
export declare function bucketColumns(d: Distribution): BucketColumns;

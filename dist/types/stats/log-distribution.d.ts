import type { BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';
/** Smallest value taken a logarithm of (1 ns when the values are milliseconds): zero buckets clamp to it. */
export declare const LOG_FLOOR = 0.000001;
/**
 * A distribution on the log scale, for tests of relative change: ln(max(value, floor)) per bucket. The
 * buckets stay ascending; values at or below the floor merge into one bucket, so the result is a valid
 * Distribution again.
 *
 * Contract: same total count; ascending, distinct values; never NaN (non-positive values clamp to the floor).
 * @example logDistribution([{ value: 0, count: 2 }, { value: 1, count: 1 }]) // [{ value: ln 1e-6, count: 2 }, { value: 0, count: 1 }]
 */
export declare function logDistribution(d: Distribution, floor?: number): Distribution;
/**
 * logDistribution in columns, for the rank tests (see BucketColumns): the same buckets and merges,
 * without an object per bucket. Same contract.
 */
export declare function logColumns(d: Distribution, floor?: number): BucketColumns;

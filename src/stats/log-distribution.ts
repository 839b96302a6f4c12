import type { BucketColumns } from './bucket-columns.js';
import type { Distribution } from './distribution.js';

/** Smallest value taken a logarithm of (1 ns when the values are milliseconds): zero buckets clamp to it. */
export const LOG_FLOOR = 1e-6;

/**
 * A distribution on the log scale, for tests of relative change: ln(max(value, floor)) per bucket. The
 * buckets stay ascending; values at or below the floor merge into one bucket, so the result is a valid
 * Distribution again.
 *
 * Contract: same total count; ascending, distinct values; never NaN (non-positive values clamp to the floor).
 * @example logDistribution([{ value: 0, count: 2 }, { value: 1, count: 1 }]) // [{ value: ln 1e-6, count: 2 }, { value: 0, count: 1 }]
 */
export function logDistribution(d: Distribution, floor = LOG_FLOOR): Distribution {
  const { values, counts } = logColumns(d, floor);
  return Array.from(values, (value, i) => ({ value, count: counts[i]! }));
}

/**
 * logDistribution in columns, for the rank tests (see BucketColumns): the same buckets and merges,
 * without an object per bucket. Same contract.
 */
export function logColumns(d: Distribution, floor = LOG_FLOOR): BucketColumns {
  const values = new Float64Array(d.length);
  const counts = new Float64Array(d.length);
  let n = 0;
  let total = 0;
  for (let i = 0; i < d.length; i++) {
    const b = d[i]!;
    const v = Math.log(Math.max(b.value, floor));
    total += b.count;
    if (n > 0 && values[n - 1] === v) counts[n - 1] = counts[n - 1]! + b.count;
    else {
      values[n] = v;
      counts[n++] = b.count;
    }
  }
  return { values: values.subarray(0, n), counts: counts.subarray(0, n), total };
}

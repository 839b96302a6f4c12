import type { Distribution } from './distribution.js';
/**
 * Checks the `Distribution` invariants every bucket algorithm relies on: values finite and strictly
 * ascending (so distinct), counts positive safe integers. O(K). Statistics call it once at entry; a
 * violation is a programming error in the caller (a histogram adapter), not a property of the data.
 *
 * @param d the distribution to check
 * @param name how the caller calls it, for the error message ("baseline", "current")
 * @throws {RangeError} naming the offending bucket, e.g.
 *   `current: bucket 3 has value 12 which is not above the previous value 12 (values must be ascending and distinct)`
 * @example
 * assertDistribution([{ value: 1, count: 2 }, { value: 5, count: 1 }], 'baseline'); // passes
 * assertDistribution([{ value: 5, count: 1 }, { value: 1, count: 2 }], 'baseline'); // throws RangeError
 */
export declare function assertDistribution(d: Distribution, name: string): void;

import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
/**
 * Percentile of a bucketed distribution with k6's definition, so that perf-gate reports the same p(95)
 * as k6's end-of-test summary: sort the n observations, take the 0-based rank r = p·(n − 1), and
 * interpolate linearly between the observations at ranks ⌊r⌋ and ⌈r⌉. The observations at those ranks
 * are found from cumulative bucket counts, never by expanding the buckets: O(K).
 *
 * Contract: p = 0 gives the minimum, p = 1 the maximum; one observation gives its value for every p
 * (as k6 does); the result is non-decreasing in p. An empty distribution is InsufficientData (k6 would
 * print 0, which a gate must not mistake for a measurement).
 *
 * @param d the distribution (sorted distinct buckets with positive integer counts)
 * @param p the percentile as a fraction in [0, 1]: 0.95 for p(95)
 * @throws {RangeError} if p is outside [0, 1] or NaN, or `d` breaks the Distribution invariants
 * @example
 * // observations 10, 20, 20, 40: rank 0.5·3 = 1.5 lies between 20 and 20
 * percentile([{ value: 10, count: 1 }, { value: 20, count: 2 }, { value: 40, count: 1 }], 0.5); // => 20
 * // rank 0.9·3 = 2.7: 20 + 0.7·(40 − 20)
 * percentile([{ value: 10, count: 1 }, { value: 20, count: 2 }, { value: 40, count: 1 }], 0.9); // => 34
 */
export declare function percentile(d: Distribution, p: number): number | InsufficientData;
/**
 * {@link percentile} of buckets read by position, for callers that hold them in columns (a sketch's typed
 * arrays): the same definition and result as `percentile` of the buckets `{ value: valueAt(i), count:
 * countAt(i) }`, without building them. A chart of a long run asks for hundreds of thousands of buckets,
 * and built as objects they outlived young-generation collections and grew the old one by tens of MB.
 *
 * Contract: as `percentile`, which checks its buckets; here the caller vouches for them (values ascending
 * and distinct, counts ≥ 0 and whole).
 *
 * @param size the number of buckets
 * @param valueAt the value of bucket i, ascending in i
 * @param countAt the count of bucket i
 * @param p the percentile as a fraction in [0, 1]
 * @throws {RangeError} if p is outside [0, 1] or NaN
 * @example
 * const values = [10, 20, 40];
 * const counts = [1, 2, 1];
 * percentileAt(3, (i) => values[i]!, (i) => counts[i]!, 0.9); // => 34, as percentile of those buckets
 */
export declare function percentileAt(size: number, valueAt: (i: number) => number, countAt: (i: number) => number, p: number): number | InsufficientData;
/**
 * Arithmetic mean of a bucketed distribution, Σ value·count / n, with a compensated (Neumaier) sum so that
 * hundreds of thousands of observations lose no precision, and without overflow for extreme values.
 *
 * Contract: lies between min(d) and max(d); empty → InsufficientData.
 *
 * @param d the distribution
 * @throws {RangeError} if `d` breaks the Distribution invariants
 * @example
 * mean([{ value: 10, count: 1 }, { value: 20, count: 2 }, { value: 40, count: 1 }]); // => 22.5
 */
export declare function mean(d: Distribution): number | InsufficientData;
/**
 * Smallest observed value.
 *
 * @param d the distribution
 * @throws {RangeError} if `d` breaks the Distribution invariants
 * @example
 * min([{ value: 10, count: 1 }, { value: 20, count: 2 }]); // => 10
 * min([]); // => { kind: 'insufficient-data', reason: 'no observations (empty distribution)' }
 */
export declare function min(d: Distribution): number | InsufficientData;
/**
 * Largest observed value.
 *
 * @param d the distribution
 * @throws {RangeError} if `d` breaks the Distribution invariants
 * @example
 * max([{ value: 10, count: 1 }, { value: 20, count: 2 }]); // => 20
 */
export declare function max(d: Distribution): number | InsufficientData;

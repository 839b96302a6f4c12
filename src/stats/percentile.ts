import { assertDistribution } from './assert-distribution.js';
import type { Distribution } from './distribution.js';
import { insufficient, type InsufficientData } from './insufficient.js';
import { interpolate } from './interpolate.js';

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
export function percentile(d: Distribution, p: number): number | InsufficientData {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be a fraction in [0, 1] but got ${p}`);
  assertDistribution(d, 'percentile');
  return percentileAt(d.length, (i) => d[i]!.value, (i) => d[i]!.count, p);
}

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
export function percentileAt(size: number, valueAt: (i: number) => number, countAt: (i: number) => number, p: number): number | InsufficientData {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be a fraction in [0, 1] but got ${p}`);
  let n = 0;
  for (let i = 0; i < size; i++) n += countAt(i);
  if (n === 0) return insufficient('no observations (empty distribution)');
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(Math.ceil(rank), n - 1);
  // Walk the cumulative counts to the buckets holding 0-based ranks lo and hi.
  let cumulative = 0;
  let i = 0;
  while (cumulative + countAt(i) <= lo) cumulative += countAt(i++);
  const low = valueAt(i);
  while (cumulative + countAt(i) <= hi) cumulative += countAt(i++);
  return interpolate(low, valueAt(i), rank - lo);
}

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
export function mean(d: Distribution): number | InsufficientData {
  assertDistribution(d, 'mean');
  let n = 0;
  let sum = 0;
  let compensation = 0;
  for (const b of d) {
    n += b.count;
    const term = b.value * b.count;
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  if (n === 0) return insufficient('no observations (empty distribution)');
  const m = (sum + compensation) / n;
  const first = d[0]!.value;
  const last = d[d.length - 1]!.value;
  if (Number.isFinite(m)) return Math.min(Math.max(m, first), last);
  // Σ value·count overflowed: fall back to a running weighted mean, a convex combination at every step.
  let running = 0;
  let seen = 0;
  for (const b of d) {
    seen += b.count;
    const w = b.count / seen;
    running = running * (1 - w) + b.value * w;
  }
  return Math.min(Math.max(running, first), last);
}

/**
 * Smallest observed value.
 *
 * @param d the distribution
 * @throws {RangeError} if `d` breaks the Distribution invariants
 * @example
 * min([{ value: 10, count: 1 }, { value: 20, count: 2 }]); // => 10
 * min([]); // => { kind: 'insufficient-data', reason: 'no observations (empty distribution)' }
 */
export function min(d: Distribution): number | InsufficientData {
  assertDistribution(d, 'min');
  const first = d[0];
  return first === undefined ? insufficient('no observations (empty distribution)') : first.value;
}

/**
 * Largest observed value.
 *
 * @param d the distribution
 * @throws {RangeError} if `d` breaks the Distribution invariants
 * @example
 * max([{ value: 10, count: 1 }, { value: 20, count: 2 }]); // => 20
 */
export function max(d: Distribution): number | InsufficientData {
  assertDistribution(d, 'max');
  const last = d[d.length - 1];
  return last === undefined ? insufficient('no observations (empty distribution)') : last.value;
}

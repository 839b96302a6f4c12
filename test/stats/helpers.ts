import fc from 'fast-check';
import type { Distribution } from '../../src/stats/distribution.js';
import { isInsufficient, type InsufficientData } from '../../src/stats/insufficient.js';
import { seededRng } from '../../src/stats/random.js';

// Property tests are seeded like everything else: the same inputs on every run and every machine.
// To explore new inputs locally, change the seed; a failure report prints the path to replay it.
fc.configureGlobal({ seed: 20_250_601 });

/** Buckets of a raw sample: distinct values ascending with their counts. */
export function toDistribution(sample: readonly number[]): Distribution {
  const counts = new Map<number, number>();
  for (const x of sample) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

/** The raw sample a distribution stands for, ascending. */
export function expand(d: Distribution): number[] {
  return d.flatMap((b) => Array.from({ length: b.count }, () => b.value));
}

/** Narrows `number | InsufficientData`-style results in tests, failing loudly with the reason. */
export function sufficient<T>(x: T | InsufficientData): T {
  if (isInsufficient(x)) throw new Error(`expected a result but got insufficient data: ${x.reason}`);
  return x;
}

/** Small samples on a coarse grid, so ties across and within samples are common. */
export const tiedSample = (minLength: number, maxLength: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: 12 }), { minLength, maxLength });

/** Small samples of arbitrary finite doubles in a latency-like range (ties rare). */
export const spreadSample = (minLength: number, maxLength: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength, maxLength });

/** Any finite double, including huge, tiny, subnormal and signed zero. */
export const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });

/** A distribution of any finite values with small counts (may be empty). */
export const anyDistribution: fc.Arbitrary<Distribution> = fc
  .array(fc.record({ value: anyFinite, count: fc.integer({ min: 1, max: 4 }) }), { maxLength: 8 })
  .map((buckets) => {
    const counts = new Map<number, number>();
    for (const b of buckets) counts.set(b.value === 0 ? 0 : b.value, (counts.get(b.value === 0 ? 0 : b.value) ?? 0) + b.count);
    return [...counts].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
  });

/** Relative-or-absolute closeness: |a − b| ≤ tol·max(1, |b|). */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** Every own number-valued field (recursively) of a result, for NaN checks. */
export function numbersIn(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (Array.isArray(x)) return x.flatMap(numbersIn);
  if (typeof x === 'object' && x !== null) return Object.values(x).flatMap(numbersIn);
  return [];
}

/**
 * Seeded log-normal runs (median 20 ms, log-SD 0.35), each drifting by e^N(0, 3 %): the noise floor the
 * tests are told about. `tail` (× at p95 and above, growing from 1 at the median, as bench:accuracy's tail
 * change) makes a tail-only regression of the same shape; the runs a generator gives share one stream.
 */
export function driftingRuns(seed: number): (n: number, tail?: number) => Distribution {
  const rng = seededRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
  return (n, tail = 1) => {
    const drift = 0.03 * gauss();
    return toDistribution(Array.from({ length: n }, () => {
      const z = gauss();
      const stretch = z > 0 ? 1 + (tail - 1) * Math.min(1, z / 1.6448536269514722) : 1;
      return Math.round(20 * Math.exp(0.35 * z + drift) * stretch * 100) / 100;
    }));
  };
}

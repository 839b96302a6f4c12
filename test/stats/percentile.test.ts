import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Distribution } from '../../src/stats/distribution.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { max, mean, min, percentile, percentileAt } from '../../src/stats/percentile.js';
import { quantileSorted } from '../../src/stats/quantile-sorted.js';
import { expand, sufficient, toDistribution } from './helpers.js';

/** k6's TrendSink.P on a raw sample (lib/metrics/sink.go), transcribed literally. */
function k6Percentile(sample: readonly number[], p: number): number {
  const values = [...sample].sort((a, b) => a - b);
  if (values.length === 1) return values[0]!;
  const i = p * (values.length - 1);
  const j = values[Math.floor(i)]!;
  const k = values[Math.ceil(i)]!;
  return j + (k - j) * (i - Math.floor(i));
}

const d = (...pairs: [number, number][]): Distribution => pairs.map(([value, count]) => ({ value, count }));

describe('percentile', () => {
  it.each([
    { what: 'median of 10, 20, 20, 40 (rank 1.5 between two 20s)', dist: d([10, 1], [20, 2], [40, 1]), p: 0.5, expected: 20 },
    { what: 'p(90) of 10, 20, 20, 40 (rank 2.7: 20 + 0.7·20)', dist: d([10, 1], [20, 2], [40, 1]), p: 0.9, expected: 34 },
    { what: 'p(0) is the minimum', dist: d([10, 1], [20, 2], [40, 1]), p: 0, expected: 10 },
    { what: 'p(100) is the maximum', dist: d([10, 1], [20, 2], [40, 1]), p: 1, expected: 40 },
    { what: 'one observation, any p', dist: d([7, 1]), p: 0.95, expected: 7 },
    { what: 'one bucket with many observations', dist: d([7, 1000]), p: 0.95, expected: 7 },
    { what: 'p(95) of 1..100 (rank 94.05: 95 + 0.05)', dist: Array.from({ length: 100 }, (_, i) => ({ value: i + 1, count: 1 })), p: 0.95, expected: 95.05 },
    { what: 'p(99) of 99 × 1 ms and 1 × 1000 ms (rank 98.01: 1 + 0.01·999)', dist: d([1, 99], [1000, 1]), p: 0.99, expected: 10.99 },
    { what: 'p(50) between buckets (rank 1.5 of 1, 1, 3, 3)', dist: d([1, 2], [3, 2]), p: 0.5, expected: 2 },
  ])('$what → $expected', ({ dist, p, expected }) => {
    expect(sufficient(percentile(dist, p))).toBeCloseTo(expected, 9); // p·(n − 1) carries rounding of ~1e-14 relative
  });

  it('matches k6 on the expanded sample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sample, p) => {
          const got = sufficient(percentile(toDistribution(sample), p));
          const want = k6Percentile(sample, p);
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        },
      ),
    );
  });

  it('is non-decreasing in p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (sample, p, q) => {
        const dist = toDistribution(sample);
        const [a, b] = p <= q ? [p, q] : [q, p];
        expect(sufficient(percentile(dist, a))).toBeLessThanOrEqual(sufficient(percentile(dist, b)));
      }),
    );
  });

  it('works on an HDR-sized histogram without expanding it', () => {
    // 20 000 buckets, 2·10^9 observations: expanding would not fit in memory.
    const dist = Array.from({ length: 20_000 }, (_, i) => ({ value: i + 1, count: 100_000 }));
    expect(sufficient(percentile(dist, 0.5))).toBeCloseTo(10_000.5, 6);
    expect(sufficient(percentile(dist, 0))).toBe(1);
    expect(sufficient(percentile(dist, 1))).toBe(20_000);
  });

  it('empty distribution is insufficient, not 0', () => {
    expect(isInsufficient(percentile([], 0.95))).toBe(true);
  });

  it.each([-0.01, 1.01, NaN])('rejects p = %s', (p) => {
    expect(() => percentile(d([1, 1]), p)).toThrow(RangeError);
  });

  it.each([
    { what: 'descending values', dist: d([2, 1], [1, 1]) },
    { what: 'duplicate values', dist: d([1, 1], [1, 1]) },
    { what: 'zero count', dist: d([1, 0]) },
    { what: 'fractional count', dist: d([1, 1.5]) },
    { what: 'NaN value', dist: d([NaN, 1]) },
  ])('rejects a malformed distribution: $what', ({ dist }) => {
    expect(() => percentile(dist, 0.5)).toThrow(RangeError);
  });
});

describe('percentileAt', () => {
  it('gives percentile of the same buckets read by position, bit for bit, with zero counts among them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (sample, zeros, p) => {
        const dist = toDistribution(sample);
        // Columns as a sketch holds them, with empty buckets put in (percentile's buckets have none).
        const values: number[] = [];
        const counts: number[] = [];
        dist.forEach((b, i) => {
          if ((zeros[i] ?? 1) === 0) {
            values.push(b.value - 0.5);
            counts.push(0);
          }
          values.push(b.value);
          counts.push(b.count);
        });
        expect(percentileAt(values.length, (i) => values[i]!, (i) => counts[i]!, p)).toEqual(percentile(dist, p));
      }),
    );
  });

  it('refuses p outside [0, 1], as percentile does', () => {
    expect(() => percentileAt(1, () => 1, () => 1, 1.5)).toThrow(RangeError);
    expect(() => percentileAt(1, () => 1, () => 1, Number.NaN)).toThrow(RangeError);
  });
});

describe('mean, min, max', () => {
  it.each([
    { what: '10, 20, 20, 40', dist: d([10, 1], [20, 2], [40, 1]), mean: 22.5, min: 10, max: 40 },
    { what: 'one value', dist: d([-3, 5]), mean: -3, min: -3, max: -3 },
    { what: '0.1 × 3 and 0.2 × 1 (compensated sum)', dist: d([0.1, 3], [0.2, 1]), mean: 0.125, min: 0.1, max: 0.2 },
    { what: 'values near the double limit do not overflow', dist: d([-1e308, 1], [1e308, 3]), mean: 5e307, min: -1e308, max: 1e308 },
  ])('$what', (row) => {
    expect(sufficient(mean(row.dist))).toBeCloseTo(row.mean, 12);
    expect(sufficient(min(row.dist))).toBe(row.min);
    expect(sufficient(max(row.dist))).toBe(row.max);
  });

  it('empty distribution is insufficient for all three', () => {
    expect(isInsufficient(mean([]))).toBe(true);
    expect(isInsufficient(min([]))).toBe(true);
    expect(isInsufficient(max([]))).toBe(true);
  });

  it('match the naive computation on the expanded sample', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (sample) => {
        const dist = toDistribution(sample);
        const raw = expand(dist);
        const naive = raw.reduce((a, b) => a + b, 0) / raw.length;
        expect(Math.abs(sufficient(mean(dist)) - naive)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(naive)));
        // === rather than toBe: the Map in toDistribution folds −0 into +0, which is the same observation.
        expect(sufficient(min(dist)) === Math.min(...sample)).toBe(true);
        expect(sufficient(max(dist)) === Math.max(...sample)).toBe(true);
      }),
    );
  });
});

describe('quantileSorted', () => {
  it.each([
    { sorted: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
    { sorted: [10, 20, 30, 40, 50], p: 0.9, expected: 46 },
    { sorted: [5], p: 0.3, expected: 5 },
  ])('$sorted at $p → $expected', ({ sorted, p, expected }) => {
    expect(quantileSorted(sorted, p)).toBeCloseTo(expected, 12);
  });

  it('rejects an empty array and p outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 2)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hodgesLehmann } from '../../src/stats/hodges-lehmann.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { kthPairwiseDifference, pairwiseDifferences } from '../../src/stats/kth-pairwise-difference.js';
import { mannWhitney } from '../../src/stats/mann-whitney.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { expand, spreadSample, sufficient, tiedSample, toDistribution } from './helpers.js';

const ones = (values: number[]) => values.map((value) => ({ value, count: 1 }));

/** All n1·n2 differences current − baseline, sorted. */
function naiveDifferences(baseline: readonly number[], current: readonly number[]): number[] {
  const out: number[] = [];
  for (const c of current) for (const b of baseline) out.push(c - b);
  return out.sort((a, b) => a - b);
}

/** The textbook Hodges–Lehmann estimate and Moses interval by enumerating and sorting all differences. */
function naiveHodgesLehmann(baseline: readonly number[], current: readonly number[], confidence = 0.95, deff = 1) {
  const diffs = naiveDifferences(baseline, current);
  const m = diffs.length;
  const estimate = m % 2 === 1 ? diffs[(m - 1) / 2]! : (diffs[m / 2 - 1]! + diffs[m / 2]!) / 2;
  const n1 = baseline.length;
  const n2 = current.length;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const c = Math.floor(m / 2 - z * Math.sqrt((deff * n1 * n2 * (n1 + n2 + 1)) / 12));
  return c >= 1 ? { estimate, lower: diffs[c - 1]!, upper: diffs[m - c]! } : { estimate, lower: -Infinity, upper: Infinity };
}

describe('kthPairwiseDifference', () => {
  it.each([
    { what: 'current {3, 5} − baseline {1, 2, 2}: 1, 1, 2, 3, 3, 4', k: 2, expected: 2 },
    { what: 'smallest', k: 0, expected: 1 },
    { what: 'largest', k: 5, expected: 4 },
  ])('$what: rank $k → $expected', ({ k, expected }) => {
    const baseline = [{ value: 1, count: 1 }, { value: 2, count: 2 }];
    expect(kthPairwiseDifference(baseline, ones([3, 5]), k)).toBe(expected);
  });

  it('equals indexing the sorted enumeration, bit for bit, at every rank', () => {
    fc.assert(
      fc.property(fc.oneof(tiedSample(1, 12), spreadSample(1, 12)), fc.oneof(tiedSample(1, 12), spreadSample(1, 12)), (b, c) => {
        const baseline = toDistribution(b);
        const current = toDistribution(c);
        const diffs = naiveDifferences(expand(baseline), expand(current));
        diffs.forEach((d, k) => expect(kthPairwiseDifference(baseline, current, k)).toBe(d));
        // One instance asked every rank, from the last down: its scratch is reset between ranks.
        const kth = pairwiseDifferences(baseline, current);
        for (let k = diffs.length - 1; k >= 0; k--) expect(kth(k)).toBe(diffs[k]);
      }),
    );
  });

  it('equals the sorted enumeration on hundreds of buckets with counts (many rounds of the pivot search, ties in the differences)', () => {
    /** Distinct sorted integer values (integers make equal differences common) with counts 1–5. */
    const buckets = fc
      .uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 50, maxLength: 300 })
      .chain((values) => fc.tuple(fc.constant(values.sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: values.length, maxLength: values.length })))
      .map(([values, counts]) => values.map((value, i) => ({ value, count: counts[i]! })));
    fc.assert(
      fc.property(buckets, buckets, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 5, maxLength: 5 }), (baseline, current, at) => {
        // Bucket-pair differences with their pair counts, sorted: the k-th difference by cumulative count.
        const pairs: { d: number; n: number }[] = [];
        for (const c of current) for (const b of baseline) pairs.push({ d: c.value - b.value, n: c.count * b.count });
        pairs.sort((x, y) => x.d - y.d);
        const total = pairs.reduce((t, x) => t + x.n, 0);
        const kth = (k: number): number => {
          let seen = 0;
          for (const x of pairs) if ((seen += x.n) > k) return x.d;
          throw new Error('rank beyond the pairs');
        };
        for (const k of [0, total - 1, ...at.map((u) => Math.floor(u * total))]) expect(kthPairwiseDifference(baseline, current, k)).toBe(kth(k));
      }),
      { numRuns: 40 },
    );
  });

  it.each([-1, 6, 1.5, NaN])('rejects rank %s', (k) => {
    expect(() => kthPairwiseDifference([{ value: 1, count: 3 }], ones([3, 5]), k)).toThrow(RangeError);
  });
});

describe('hodgesLehmann', () => {
  it.each([
    {
      what: 'shift by 3 of 1..10 (C = ⌊50 − 1.96·√175⌋ = 24: differences of rank 24 and 77)',
      baseline: ones([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), current: ones([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]), options: {},
      expected: { estimate: 3, lower: 0, upper: 6, confidence: 0.95 },
    },
    {
      // differences 1, 1, 2, 3, 3, 4: median (2 + 3)/2; M = 6 is too small for any 95 % bound
      what: 'even number of pairs averages the two middle differences; tiny samples give unbounded interval',
      baseline: [{ value: 1, count: 1 }, { value: 2, count: 2 }], current: ones([3, 5]), options: {},
      expected: { estimate: 2.5, lower: -Infinity, upper: Infinity, confidence: 0.95 },
    },
    {
      // differences of {10, 20} − {1, 2, 3}: 7, 8, 9, 17, 18, 19; M = 6, 50 % interval: σ² = 2·3·6/12 = 3, C = ⌊3 − 0.6745·√3⌋ = 1
      what: '50 % interval on six differences spans the extremes',
      baseline: ones([1, 2, 3]), current: ones([10, 20]), options: { confidence: 0.5 },
      expected: { estimate: 13, lower: 7, upper: 19, confidence: 0.5 },
    },
    {
      what: 'both samples constant but different: every difference is 100',
      baseline: [{ value: 100, count: 40 }], current: [{ value: 200, count: 30 }], options: {},
      expected: { estimate: 100, lower: 100, upper: 100, confidence: 0.95 },
    },
  ])('$what', ({ baseline, current, options, expected }) => {
    expect(sufficient(hodgesLehmann(baseline, current, options))).toEqual(expected);
  });

  it('matches the naive enumeration (estimate and Moses interval) with and without inflation', () => {
    fc.assert(
      fc.property(
        fc.oneof(tiedSample(1, 25), spreadSample(1, 25)),
        fc.oneof(tiedSample(1, 25), spreadSample(1, 25)),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        fc.constantFrom(1, 1.7, 3),
        (b, c, confidence, deff) => {
          fc.pre(new Set([...b, ...c]).size > 1);
          const got = sufficient(hodgesLehmann(toDistribution(b), toDistribution(c), { confidence, varianceInflation: deff }));
          const want = naiveHodgesLehmann(b, c, confidence, deff);
          expect(got.estimate).toBeCloseTo(want.estimate, 9);
          expect(got.lower).toBe(want.lower);
          expect(got.upper).toBe(want.upper);
          expect(got.lower).toBeLessThanOrEqual(got.estimate);
          expect(got.estimate).toBeLessThanOrEqual(got.upper);
        },
      ),
    );
  });

  it('is shift-equivariant: adding δ to every current value adds δ to estimate and bounds', () => {
    fc.assert(
      fc.property(tiedSample(5, 30), tiedSample(5, 30), fc.integer({ min: -50, max: 50 }), (b, c, delta) => {
        fc.pre(new Set([...b, ...c]).size > 1 && new Set([...b, ...c.map((x) => x + delta)]).size > 1);
        const base = sufficient(hodgesLehmann(toDistribution(b), toDistribution(c)));
        const shifted = sufficient(hodgesLehmann(toDistribution(b), toDistribution(c.map((x) => x + delta))));
        expect(shifted.estimate).toBeCloseTo(base.estimate + delta, 9);
        expect(shifted.lower).toBe(base.lower + delta);
        expect(shifted.upper).toBe(base.upper + delta);
      }),
    );
  });

  it('the interval excludes 0 when Mann–Whitney is clearly significant, and includes it when clearly not', () => {
    const baseline = ones(Array.from({ length: 60 }, (_, i) => i));
    const slower = sufficient(hodgesLehmann(baseline, ones(Array.from({ length: 60 }, (_, i) => i + 25.5))));
    expect(sufficient(mannWhitney(baseline, ones(Array.from({ length: 60 }, (_, i) => i + 25.5)))).pValue).toBeLessThan(0.001);
    expect(slower.lower).toBeGreaterThan(0);
    const same = sufficient(hodgesLehmann(baseline, ones(Array.from({ length: 60 }, (_, i) => i + 0.5))));
    expect(same.lower).toBeLessThan(0);
    expect(same.upper).toBeGreaterThan(0);
  });

  it('gives the log-ratio for log-transformed latencies: 20 % slower → exp(estimate) = 1.2', () => {
    const latencies = Array.from({ length: 200 }, (_, i) => 50 + ((i * 37) % 113));
    const baseline = toDistribution(latencies.map(Math.log));
    const current = toDistribution(latencies.map((x) => Math.log(1.2 * x)));
    const r = sufficient(hodgesLehmann(baseline, current));
    expect(Math.exp(r.estimate)).toBeCloseTo(1.2, 12);
    expect(Math.exp(r.lower)).toBeLessThan(1.2);
    expect(Math.exp(r.upper)).toBeGreaterThan(1.2);
  });

  it('handles HDR-sized histograms (5 000 buckets each, ~2.5·10^5 observations) without forming pairs', () => {
    const histogram = (factor: number) =>
      Array.from({ length: 5_000 }, (_, i) => ({ value: Math.log((1 + i * 0.37) * factor), count: 1 + ((i * 7919) % 97) }));
    const r = sufficient(hodgesLehmann(histogram(1), histogram(1.1)));
    expect(r.estimate).toBeCloseTo(Math.log(1.1), 2);
    expect(r.upper - r.lower).toBeLessThan(0.05);
  });

  it.each([
    { what: 'empty baseline', baseline: [], current: ones([1]) },
    { what: 'empty current', baseline: ones([1]), current: [] },
    { what: 'all observations equal', baseline: [{ value: 5, count: 3 }], current: [{ value: 5, count: 2 }] },
  ])('$what → insufficient', ({ baseline, current }) => {
    expect(isInsufficient(hodgesLehmann(baseline, current))).toBe(true);
  });

  it.each([
    { confidence: 0 },
    { confidence: 1 },
    { confidence: NaN },
    { varianceInflation: 0.9 },
    { varianceInflation: Infinity },
  ])('rejects options %o', (options) => {
    expect(() => hodgesLehmann(ones([1, 2]), ones([3, 4]), options)).toThrow(RangeError);
  });
});

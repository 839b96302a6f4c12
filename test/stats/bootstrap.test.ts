import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { movingBlockBootstrap, percentileInterval } from '../../src/stats/bootstrap.js';
import { insufficient, isInsufficient } from '../../src/stats/insufficient.js';
import { seededRng } from '../../src/stats/random.js';
import { sufficient } from './helpers.js';

const average = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('movingBlockBootstrap', () => {
  it('is reproducible for a seed', () => {
    const units = [3, 1, 4, 1, 5, 9, 2, 6];
    const a = movingBlockBootstrap(units, average, { replicates: 200, rng: seededRng(7) });
    const b = movingBlockBootstrap(units, average, { replicates: 200, rng: seededRng(7) });
    expect(a).toEqual(b);
    expect(sufficient(a)).toHaveLength(200);
  });

  it('matches the documented example', () => {
    const means = sufficient(movingBlockBootstrap([3, 1, 4, 1, 5, 9, 2, 6], average, { replicates: 1000, rng: seededRng(7) }));
    expect(average(means)).toBeCloseTo(3.805125, 10);
    expect(percentileInterval(means, 0.9)).toEqual({ lower: 2.5, upper: expect.closeTo(5.25625, 10) });
  });

  it('with blockLength = n every replicate is the original series', () => {
    const units = [5, 3, 8, 1];
    const seen: (readonly number[])[] = [];
    const values = sufficient(
      movingBlockBootstrap(units, (r) => (seen.push(r), average(r)), { replicates: 20, blockLength: 10, rng: seededRng(1) }),
    );
    expect(new Set(values)).toEqual(new Set([average(units)]));
    for (const r of seen) expect(r).toEqual(units);
  });

  it('resamples have length n and are made of runs of L consecutive units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer(), (n, blockLength, seed) => {
        const units = Array.from({ length: n }, (_, i) => i);
        const L = Math.min(blockLength, n);
        const seen: (readonly number[])[] = [];
        movingBlockBootstrap(units, (r) => (seen.push(r), 0), { replicates: 5, blockLength, rng: seededRng(seed) });
        for (const r of seen) {
          expect(r).toHaveLength(n);
          for (let start = 0; start < n; start += L) {
            const block = r.slice(start, start + L);
            block.forEach((u, i) => expect(u).toBe(block[0]! + i)); // consecutive within a block
            expect(block[0]! + L - 1).toBeLessThan(n); // the full block existed
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('default block length is ⌈n^(1/3)⌉ (3 for 27 units, 4 for 28)', () => {
    for (const [n, L] of [[27, 3], [28, 4]] as const) {
      const units = Array.from({ length: n }, (_, i) => i);
      let resample: readonly number[] = [];
      movingBlockBootstrap(units, (r) => ((resample = r), 0), { replicates: 1, rng: seededRng(3) });
      for (let start = 0; start + L <= n; start += L) {
        const block = resample.slice(start, start + L);
        block.forEach((u, i) => expect(u).toBe(block[0]! + i));
      }
    }
  });

  it('with blockLength 1 it is the ordinary bootstrap: the mean of bootstrap means ≈ the sample mean, sd ≈ s/√n', () => {
    const units = Array.from({ length: 50 }, (_, i) => (i * 37) % 101);
    const means = sufficient(movingBlockBootstrap(units, average, { replicates: 4000, blockLength: 1, rng: seededRng(11) }));
    const m = average(units);
    const sd = Math.sqrt(units.reduce((a, x) => a + (x - m) ** 2, 0) / units.length / units.length);
    const bootSd = Math.sqrt(average(means.map((x) => (x - average(means)) ** 2)));
    expect(Math.abs(average(means) - m)).toBeLessThan(4 * sd / Math.sqrt(4000) + 0.01);
    expect(bootSd / sd).toBeGreaterThan(0.93);
    expect(bootSd / sd).toBeLessThan(1.07);
  });

  it('blocks widen the interval for autocorrelated series compared with the ordinary bootstrap', () => {
    // a slow wave: neighbours are strongly correlated
    const units = Array.from({ length: 120 }, (_, i) => Math.sin(i / 6) * 10 + ((i * 7) % 5));
    const width = (blockLength: number) => {
      const v = sufficient(movingBlockBootstrap(units, average, { replicates: 2000, blockLength, rng: seededRng(5) }));
      const ci = sufficient(percentileInterval(v, 0.9));
      return ci.upper - ci.lower;
    };
    expect(width(12)).toBeGreaterThan(1.5 * width(1));
  });

  it('skips insufficient replicates and is insufficient when fewer than half succeed', () => {
    let call = 0;
    const everyThird = () => (call++ % 3 === 0 ? insufficient('no data in this resample') : 1);
    expect(sufficient(movingBlockBootstrap([1, 2, 3], everyThird, { replicates: 30, rng: seededRng(1) }))).toHaveLength(20);
    call = 0;
    const twoOfThree = () => (call++ % 3 === 0 ? 1 : insufficient('no data in this resample'));
    const r = movingBlockBootstrap([1, 2, 3], twoOfThree, { replicates: 30, rng: seededRng(1) });
    expect(isInsufficient(r) && r.reason).toMatch(/20 of 30/);
  });

  it.each([
    { what: 'no units', units: [] },
    { what: 'one unit', units: [1] },
  ])('$what → insufficient', ({ units }) => {
    expect(isInsufficient(movingBlockBootstrap(units, average, { replicates: 10, rng: seededRng(1) }))).toBe(true);
  });

  it.each([
    { what: 'zero replicates', options: { replicates: 0 } },
    { what: 'fractional replicates', options: { replicates: 2.5 } },
    { what: 'block length 0', options: { replicates: 10, blockLength: 0 } },
  ])('rejects $what', ({ options }) => {
    expect(() => movingBlockBootstrap([1, 2, 3], average, { ...options, rng: seededRng(1) })).toThrow(RangeError);
  });

  it('rejects a statistic that returns NaN', () => {
    expect(() => movingBlockBootstrap([1, 2, 3], () => NaN, { replicates: 5, rng: seededRng(1) })).toThrow(RangeError);
  });
});

describe('percentileInterval', () => {
  it.each([
    { what: '1..101 at 90 % (ranks 5 and 95)', values: Array.from({ length: 101 }, (_, i) => i + 1), confidence: 0.9, expected: { lower: 6, upper: 96 } },
    { what: 'unsorted input, 50 % of 1..5 (ranks 1 and 3)', values: [5, 1, 4, 2, 3], confidence: 0.5, expected: { lower: 2, upper: 4 } },
    { what: 'two values at 95 % (ranks 0.025 and 0.975)', values: [0, 10], confidence: 0.95, expected: { lower: 0.25, upper: 9.75 } },
  ])('$what', ({ values, confidence, expected }) => {
    const r = sufficient(percentileInterval(values, confidence));
    expect(r.lower).toBeCloseTo(expected.lower, 12);
    expect(r.upper).toBeCloseTo(expected.upper, 12);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentileInterval(values, 0.9);
    expect(values).toEqual([3, 1, 2]);
  });

  it('matches type-7 quantiles of the sorted values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 100 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (values, confidence) => {
        const sorted = [...values].sort((a, b) => a - b);
        const q = (p: number) => {
          const h = p * (sorted.length - 1);
          const lo = Math.floor(h);
          return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
        };
        const r = sufficient(percentileInterval(values, confidence));
        expect(r.lower).toBeCloseTo(q((1 - confidence) / 2), 6);
        expect(r.upper).toBeCloseTo(q((1 + confidence) / 2), 6);
        expect(r.lower).toBeLessThanOrEqual(r.upper);
      }),
    );
  });

  it('fewer than 2 values → insufficient', () => {
    expect(isInsufficient(percentileInterval([], 0.9))).toBe(true);
    expect(isInsufficient(percentileInterval([1], 0.9))).toBe(true);
  });

  it.each([0, 1, NaN])('rejects confidence %s', (confidence) => {
    expect(() => percentileInterval([1, 2], confidence)).toThrow(RangeError);
  });

  it('rejects non-finite values', () => {
    expect(() => percentileInterval([1, NaN], 0.9)).toThrow(RangeError);
  });
});

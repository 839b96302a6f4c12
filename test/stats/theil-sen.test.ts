import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { THEIL_SEN_MAX_POINTS, theilSen } from '../../src/stats/theil-sen.js';
import { sufficient } from './helpers.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const noisy40 = { x: range(40), y: range(40).map((i) => 100 + 2.5 * i + ((i * 7919) % 13) - 6 + (i % 9 === 0 ? 40 : 0)) };
const memory = {
  x: range(60).map((i) => i * 10),
  y: range(60).map((i) => 500 + 0.8 * i * 10 + ((i * 31) % 17) * 3 - (i % 7 === 0 ? 25 : 0)),
};

/** Median of the pairwise slopes by plain enumeration. */
function naiveSlope(x: readonly number[], y: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < x.length; i++) for (let j = i + 1; j < x.length; j++) if (x[i] !== x[j]) slopes.push((y[j]! - y[i]!) / (x[j]! - x[i]!));
  slopes.sort((a, b) => a - b);
  const m = slopes.length;
  return m % 2 ? slopes[(m - 1) / 2]! : (slopes[m / 2 - 1]! + slopes[m / 2]!) / 2;
}

// scipy.stats.theilslopes(y, x, confidence, method="joint") 1.17 gives the same numbers in every row except
// the one marked: scipy also subtracts ties in y from the variance, we (like Sen 1968) do not.
describe('theilSen against scipy.stats.theilslopes and Sen (1968)', () => {
  it.each([
    { what: 'four points, one outlier (slopes 1, 1, 3, 1, 4, 7 → 2)', x: [1, 2, 3, 4], y: [1, 2, 3, 10], confidence: 0.95, expected: [2, -1.5, 1, 7] },
    { what: 'four points at 80 %', x: [1, 2, 3, 4], y: [1, 2, 3, 10], confidence: 0.8, expected: [2, -1.5, 1, 7] },
    { what: 'slope 2.5 with noise and spikes', ...noisy40, confidence: 0.95, expected: [2.5, 101, 2.3333333333333335, 2.642857142857143] },
    { what: 'slope 2.5 at 80 %', ...noisy40, confidence: 0.8, expected: [2.5, 101, 2.42, 2.642857142857143] },
    { what: 'ties in x and y', x: [1, 1, 2, 2, 2, 3, 4, 5, 5, 6], y: [3, 4, 4, 6, 5, 8, 8, 9, 12, 12], confidence: 0.95, expected: [1.775, 1.4000000000000008, 1, 2.25] },
    { what: 'ties at 80 %', x: [1, 1, 2, 2, 2, 3, 4, 5, 5, 6], y: [3, 4, 4, 6, 5, 8, 8, 9, 12, 12], confidence: 0.8, expected: [1.775, 1.4000000000000008, 1.3333333333333333, 2] },
    { what: 'memory growth 0.8 MB/s with GC drops', ...memory, confidence: 0.95, expected: [0.8, 521, 0.7704545454545455, 0.8272727272727273] },
    { what: 'memory growth at 80 %', ...memory, confidence: 0.8, expected: [0.8, 521, 0.7793103448275862, 0.8272727272727273] },
    { what: 'flat series', x: [1, 2, 3, 4, 5], y: [7, 7, 7, 7, 7], confidence: 0.95, expected: [0, 7, 0, 0] },
    { what: 'decreasing', x: [0, 1, 2, 3, 4, 5, 6], y: [10, 8, 9, 5, 4, 4, 1], confidence: 0.95, expected: [-1.5, 10, -2, -0.5] },
    { what: 'decreasing at 80 %', x: [0, 1, 2, 3, 4, 5, 6], y: [10, 8, 9, 5, 4, 4, 1], confidence: 0.8, expected: [-1.5, 10, -1.6666666666666667, -1] },
    // scipy: upper −1 (its y-tie term shrinks σ so the rank rounds differently)
    { what: 'decreasing at 93 % (differs from scipy)', x: [0, 1, 2, 3, 4, 5, 6], y: [10, 8, 9, 5, 4, 4, 1], confidence: 0.93, expected: [-1.5, 10, -2, -0.5] },
    // Sen (1968), section 5: slope 4, 93 % interval [3.71, 4.38]
    { what: "Sen's worked example", x: [1, 2, 3, 4, 10, 12, 18], y: [9, 15, 19, 20, 45, 55, 78], confidence: 0.93, expected: [4, 6, 26 / 7, 4.375] },
    { what: 'ties in x at 93 %', x: [1, 1, 2, 2, 2, 3, 4, 5, 5, 6], y: [3, 4, 4, 6, 5, 8, 8, 9, 12, 12], confidence: 0.93, expected: [1.775, 1.4000000000000008, 1.25, 2] },
  ])('$what', ({ x, y, confidence, expected }) => {
    const r = sufficient(theilSen(x, y, { confidence }));
    const [slope, intercept, lower, upper] = expected as [number, number, number, number];
    expect(r.slope).toBeCloseTo(slope, 12);
    expect(r.intercept).toBeCloseTo(intercept, 10);
    expect(r.lower).toBeCloseTo(lower, 12);
    expect(r.upper).toBeCloseTo(upper, 12);
    expect(r.n).toBe(x.length);
  });
});

describe('theilSen properties', () => {
  it('slope equals the naive median of pairwise slopes; lower ≤ slope ≤ upper', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.double({ min: -1e4, max: 1e4, noNaN: true })), { minLength: 3, maxLength: 40 }), (points) => {
        const x = points.map((p) => p[0]);
        const y = points.map((p) => p[1]);
        fc.pre(new Set(x).size > 1);
        const r = sufficient(theilSen(x, y));
        expect(r.slope).toBeCloseTo(naiveSlope(x, y), 6);
        expect(r.lower).toBeLessThanOrEqual(r.slope);
        expect(r.slope).toBeLessThanOrEqual(r.upper);
      }),
    );
  });

  it('is exact on a line and equivariant under adding a·x to y', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 5, maxLength: 30 }), (a, b, noise) => {
        const x = noise.map((_, i) => i);
        const line = sufficient(theilSen(x, x.map((xi) => a * xi + b)));
        expect(line).toMatchObject({ slope: a, intercept: b, lower: a, upper: a });
        const base = sufficient(theilSen(x, noise));
        const tilted = sufficient(theilSen(x, noise.map((v, i) => v + a * i)));
        expect(tilted.slope).toBeCloseTo(base.slope + a, 9);
        expect(tilted.lower).toBeCloseTo(base.lower + a, 9);
        expect(tilted.upper).toBeCloseTo(base.upper + a, 9);
      }),
      { numRuns: 50 },
    );
  });

  it('resists outliers: 25 % of points wildly off do not move the slope far', () => {
    const x = range(100);
    const y = x.map((i) => 3 * i + (i % 4 === 0 ? 10_000 : 0));
    expect(sufficient(theilSen(x, y)).slope).toBeCloseTo(3, 0);
  });

  it(`subsamples deterministically above ${THEIL_SEN_MAX_POINTS} points`, () => {
    const x = range(7_500);
    const y = x.map((i) => 0.01 * i + Math.sin(i) * 5);
    const a = sufficient(theilSen(x, y));
    const b = sufficient(theilSen(x, y));
    expect(a).toEqual(b);
    expect(a.n).toBe(THEIL_SEN_MAX_POINTS);
    expect(a.slope).toBeCloseTo(0.01, 3);
    // the subsample is indices ⌊i·7500/3000⌋ = ⌊2.5·i⌋
    const pick = range(THEIL_SEN_MAX_POINTS).map((i) => Math.floor(2.5 * i));
    expect(sufficient(theilSen(pick.map((i) => x[i]!), pick.map((i) => y[i]!)))).toEqual(a);
  });

  it.each([
    { what: 'no points', x: [], y: [] },
    { what: 'two points', x: [1, 2], y: [3, 4] },
    { what: 'all x equal', x: [5, 5, 5, 5], y: [1, 2, 3, 4] },
    { what: 'slopes overflow', x: [0, 5e-324, 1e-323], y: [0, 1e308, -1e308] },
  ])('$what → insufficient', ({ x, y }) => {
    expect(isInsufficient(theilSen(x, y))).toBe(true);
  });

  it.each([
    { what: 'length mismatch', x: [1, 2, 3], y: [1, 2], options: {} },
    { what: 'non-finite value', x: [1, 2, NaN], y: [1, 2, 3], options: {} },
    { what: 'confidence 1', x: [1, 2, 3], y: [1, 2, 3], options: { confidence: 1 } },
  ])('rejects $what', ({ x, y, options }) => {
    expect(() => theilSen(x, y, options)).toThrow(RangeError);
  });
});

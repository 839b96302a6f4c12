import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectiveSampleSize, lag1Autocorrelation } from '../../src/stats/autocorrelation.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { seededRng } from '../../src/stats/random.js';
import { sufficient } from './helpers.js';

/** The textbook estimator, literally. */
function naiveLag1(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  let num = 0;
  let den = 0;
  for (let t = 0; t < xs.length; t++) {
    den += (xs[t]! - m) ** 2;
    if (t + 1 < xs.length) num += (xs[t]! - m) * (xs[t + 1]! - m);
  }
  return num / den;
}

describe('lag1Autocorrelation', () => {
  it.each([
    { what: 'a ramp: deviations −2..2 → (2 + 0 + 0 + 2)/10', xs: [1, 2, 3, 4, 5], expected: 0.4 },
    { what: 'alternating: deviations ±1 → −3/4', xs: [1, -1, 1, -1], expected: -0.75 },
    { what: 'a step: deviations −1, −1, 1, 1 → (1 − 1 + 1)/4', xs: [0, 0, 2, 2], expected: 0.25 },
    { what: 'scale-free: the ramp times 10^300', xs: [1e300, 2e300, 3e300, 4e300, 5e300], expected: 0.4 },
    { what: 'scale-free: deviations 1/3, 1/3, −2/3 of subnormals → (1/9 − 2/9)/(6/9)', xs: [0, 0, -5e-324], expected: -1 / 6 },
  ])('$what → $expected', ({ xs, expected }) => {
    expect(sufficient(lag1Autocorrelation(xs))).toBeCloseTo(expected, 12);
  });

  it('matches the textbook formula and stays in [−1, 1]', () => {
    // values on a 0.01 grid: the naive formula underflows on subnormals (where ours, which rescales, does not)
    const value = fc.integer({ min: -1e8, max: 1e8 }).map((i) => i / 100);
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 80 }), (xs) => {
        fc.pre(new Set(xs).size > 1);
        const r = sufficient(lag1Autocorrelation(xs));
        expect(r).toBeCloseTo(naiveLag1(xs), 9);
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('recovers φ from a long AR(1) series (φ = 0.6, n = 20 000)', () => {
    const rng = seededRng(99);
    let x = 0;
    const xs: number[] = [];
    for (let t = 0; t < 20_000; t++) {
      x = 0.6 * x + normalQuantile(Math.max(1e-12, rng()));
      xs.push(x);
    }
    expect(sufficient(lag1Autocorrelation(xs))).toBeCloseTo(0.6, 1); // sd ≈ 0.006
  });

  it.each([
    { what: 'empty', xs: [] },
    { what: 'two values (the estimator is always −½)', xs: [1, 2] },
    { what: 'constant series', xs: [4, 4, 4, 4] },
  ])('$what → insufficient', ({ xs }) => {
    expect(isInsufficient(lag1Autocorrelation(xs))).toBe(true);
  });

  it('rejects non-finite values', () => {
    expect(() => lag1Autocorrelation([1, Infinity, 2])).toThrow(RangeError);
  });
});

describe('effectiveSampleSize', () => {
  it.each([
    { n: 100, rho: 0, expected: 100 },
    { n: 100, rho: 0.5, expected: 100 / 3 },
    { n: 100, rho: 0.9, expected: 100 * 0.1 / 1.9 },
    { n: 100, rho: -0.3, expected: 100 },
    { n: 100, rho: 1, expected: 1 },
    { n: 100, rho: 0.999, expected: 1 },
    { n: 1, rho: 0.5, expected: 1 },
    { n: 10, rho: 7, expected: 1 },
  ])('n = $n, ρ = $rho → $expected', ({ n, rho, expected }) => {
    expect(effectiveSampleSize(n, rho)).toBeCloseTo(expected, 12);
  });

  it('is in [1, n] and non-increasing in ρ', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (n, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const e = effectiveSampleSize(n, lo);
        expect(e).toBeGreaterThanOrEqual(1);
        expect(e).toBeLessThanOrEqual(n);
        expect(effectiveSampleSize(n, hi)).toBeLessThanOrEqual(e);
      }),
    );
  });

  it.each([
    { n: 0, rho: 0 },
    { n: 0.5, rho: 0 },
    { n: Infinity, rho: 0 },
    { n: 10, rho: NaN },
  ])('rejects n = $n, ρ = $rho', ({ n, rho }) => {
    expect(() => effectiveSampleSize(n, rho)).toThrow(RangeError);
  });
});

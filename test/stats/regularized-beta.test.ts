import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularizedBeta } from '../../src/stats/regularized-beta.js';
import './helpers.js';

/** C(n, k) as a float, exact for the small n used here. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** The naive oracle: P(Binomial(n, p) ≥ k) as a sum of terms. */
function binomialUpperTail(n: number, p: number, k: number): number {
  let sum = 0;
  for (let j = k; j <= n; j++) sum += choose(n, j) * p ** j * (1 - p) ** (n - j);
  return sum;
}

describe('regularizedBeta', () => {
  it.each([
    { what: 'the uniform distribution: I_x(1, 1) = x', x: 0.3, a: 1, b: 1, expected: 0.3 },
    { what: 'I_x(a, 1) = x^a', x: 0.5, a: 3, b: 1, expected: 0.125 },
    { what: 'I_x(1, b) = 1 − (1 − x)^b', x: 0.2, a: 1, b: 2, expected: 0.36 },
    // P(Bin(14, ½) ≥ 12) = (C(14,12) + C(14,13) + C(14,14)) / 2^14 = 106/16384
    { what: 'a binomial tail: P(Bin(14, ½) ≥ 12)', x: 0.5, a: 12, b: 3, expected: 106 / 16384 },
    // P(Bin(7, ½) ≥ 6) = (7 + 1)/128
    { what: 'P(Bin(7, ½) ≥ 6)', x: 0.5, a: 6, b: 2, expected: 0.0625 },
    // I_½(½, ½) = ½ by symmetry; the arcsine distribution: I_x(½, ½) = (2/π) asin √x, at x = ¼: 1/3
    { what: 'the arcsine distribution at ¼', x: 0.25, a: 0.5, b: 0.5, expected: 1 / 3 },
    { what: 'the lower end', x: 0, a: 2, b: 5, expected: 0 },
    { what: 'the upper end', x: 1, a: 2, b: 5, expected: 1 },
  ])('$what', ({ x, a, b, expected }) => {
    expect(regularizedBeta(x, a, b)).toBeCloseTo(expected, 10);
  });

  it('is the binomial upper tail for integer counts (naive oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.nat(), (n, p, r) => {
        const k = 1 + (r % n);
        expect(regularizedBeta(p, k, n - k + 1)).toBeCloseTo(binomialUpperTail(n, p, k), 9);
      }),
    );
  });

  // x away from 0 and 1 by 1e-6: 1 − x rounds, and near the ends I_x moves fast (tolerance 1e-10).
  it('is a distribution function: within [0, 1], rising in x, and I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.1, max: 5000, noNaN: true }), fc.double({ min: 0.1, max: 5000, noNaN: true }), (u, v, a, b) => {
        const [lo, hi] = u < v ? [u, v] : [v, u];
        const ilo = regularizedBeta(lo, a, b);
        const ihi = regularizedBeta(hi, a, b);
        expect(ilo).toBeGreaterThanOrEqual(0);
        expect(ihi).toBeLessThanOrEqual(1);
        expect(ihi).toBeGreaterThanOrEqual(ilo - 1e-12);
        expect(regularizedBeta(u, a, b)).toBeCloseTo(1 - regularizedBeta(1 - u, b, a), 10);
      }),
    );
  });

  it.each([
    { what: 'x below 0', x: -0.1, a: 1, b: 1 },
    { what: 'x above 1', x: 1.1, a: 1, b: 1 },
    { what: 'x NaN', x: Number.NaN, a: 1, b: 1 },
    { what: 'a = 0', x: 0.5, a: 0, b: 1 },
    { what: 'b infinite', x: 0.5, a: 1, b: Number.POSITIVE_INFINITY },
  ])('throws a RangeError for $what', ({ x, a, b }) => {
    expect(() => regularizedBeta(x, a, b)).toThrow(RangeError);
  });
});

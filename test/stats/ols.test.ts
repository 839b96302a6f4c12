import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearRegression, rSquared } from 'simple-statistics';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { ordinaryLeastSquares } from '../../src/stats/ols.js';
import { sufficient } from './helpers.js';

describe('ordinaryLeastSquares', () => {
  it.each([
    // x̄ = 2, ȳ = 13/3, Sxx = 2, Sxy = 5, Syy = 114/9
    { what: 'three points', x: [1, 2, 3], y: [2, 4, 7], slope: 2.5, intercept: 13 / 3 - 5, r2: 25 / (2 * (114 / 9)) },
    { what: 'exact line', x: [0, 1, 2, 3], y: [1, 3, 5, 7], slope: 2, intercept: 1, r2: 1 },
    { what: 'two points: the line through both', x: [1, 3], y: [10, 4], slope: -3, intercept: 13, r2: 1 },
    { what: 'constant y: slope 0, R² 1 by convention', x: [1, 2, 3], y: [5, 5, 5], slope: 0, intercept: 5, r2: 1 },
    // x̄ = 1.5, ȳ = 1, Sxy = 0: no linear relation
    { what: 'symmetric V: slope 0, R² 0', x: [0, 1, 2, 3], y: [2, 0, 0, 2], slope: 0, intercept: 1, r2: 0 },
    { what: 'Unix timestamps keep precision', x: [1.7e9, 1.7e9 + 1, 1.7e9 + 2], y: [2, 4, 7], slope: 2.5, intercept: 13 / 3 - 2.5 * (1.7e9 + 1), r2: 25 / (2 * (114 / 9)) },
  ])('$what', ({ x, y, slope, intercept, r2 }) => {
    const r = sufficient(ordinaryLeastSquares(x, y));
    expect(r.slope).toBeCloseTo(slope, 9);
    expect(r.intercept / Math.max(1, Math.abs(intercept))).toBeCloseTo(intercept / Math.max(1, Math.abs(intercept)), 9);
    expect(r.rSquared).toBeCloseTo(r2, 12);
    expect(r.n).toBe(x.length);
  });

  it('matches simple-statistics linearRegression and rSquared', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 2, maxLength: 50 }), (points) => {
        const x = points.map((p) => p[0]);
        const y = points.map((p) => p[1]);
        fc.pre(new Set(x).size > 1 && new Set(y).size > 1);
        const r = sufficient(ordinaryLeastSquares(x, y));
        const { m, b } = linearRegression(points);
        expect(r.slope).toBeCloseTo(m, 9);
        expect(r.intercept).toBeCloseTo(b, 6);
        expect(r.rSquared).toBeCloseTo(rSquared(points, (v) => m * v + b), 9);
        expect(r.rSquared).toBeGreaterThanOrEqual(0);
        expect(r.rSquared).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each([
    { what: 'no points', x: [], y: [] },
    { what: 'one point', x: [1], y: [1] },
    { what: 'all x equal', x: [2, 2, 2], y: [1, 2, 3] },
    { what: 'sums of squares overflow', x: [-1e308, 1e308], y: [0, 1] },
  ])('$what → insufficient', ({ x, y }) => {
    expect(isInsufficient(ordinaryLeastSquares(x, y))).toBe(true);
  });

  it.each([
    { what: 'length mismatch', x: [1, 2], y: [1] },
    { what: 'infinite value', x: [1, Infinity], y: [1, 2] },
  ])('rejects $what', ({ x, y }) => {
    expect(() => ordinaryLeastSquares(x, y)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import './helpers.js'; // seeds fast-check
import { normalCdf, normalQuantile } from '../../src/stats/normal.js';

// References computed with mpmath at 50–60 digits (mpmath.ncdf, and findroot for the quantile), rounded to doubles.
const cdfTable = [
  { z: -37.5, expected: 4.605353009581955e-308 },
  { z: -30, expected: 4.906713927148187e-198 },
  { z: -20, expected: 2.7536241186062337e-89 },
  { z: -10, expected: 7.619853024160525e-24 },
  { z: -8.5, expected: 9.479534822203318e-18 },
  { z: -6, expected: 9.86587645037698e-10 },
  { z: -5.01, expected: 2.7215017728558194e-7 },
  { z: -4.99, expected: 3.0189646252084845e-7 },
  { z: -3.01, expected: 0.0013062384487694686 },
  { z: -3, expected: 0.0013498980316300946 },
  { z: -2.99, expected: 0.0013948872354922494 },
  { z: -2, expected: 0.02275013194817921 },
  { z: -1.959963984540054, expected: 0.025000000000000012 },
  { z: -1, expected: 0.15865525393145705 },
  { z: -0.5, expected: 0.3085375387259869 },
  { z: 0, expected: 0.5 },
  { z: 0.3, expected: 0.6179114221889527 },
  { z: 1, expected: 0.8413447460685429 },
  { z: 2.5, expected: 0.9937903346742238 },
  { z: 5, expected: 0.9999997133484281 },
];

const quantileTable = [
  { p: 1e-300, expected: -37.0470962993612 },
  { p: 1e-100, expected: -21.273453560965326 },
  { p: 1e-20, expected: -9.262340089798407 },
  { p: 1e-10, expected: -6.361340902404057 },
  { p: 1e-5, expected: -4.264890793922825 },
  { p: 0.001, expected: -3.0902323061678136 },
  { p: 0.01, expected: -2.326347874040841 },
  { p: 0.02425, expected: -1.972961051311885 },
  { p: 0.025, expected: -1.9599639845400543 },
  { p: 0.05, expected: -1.6448536269514726 },
  { p: 0.1, expected: -1.2815515655446004 },
  { p: 0.3, expected: -0.5244005127080408 },
  { p: 0.5, expected: 0 },
  { p: 0.7, expected: 0.5244005127080407 },
  { p: 0.975, expected: 1.9599639845400538 },
  { p: 0.999, expected: 3.090232306167813 },
  { p: 1 - 1e-10, expected: 6.361340889697422 },
];

describe('normalCdf', () => {
  it.each(cdfTable)('Φ($z) = $expected to 1e-14 relative', ({ z, expected }) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThanOrEqual(1e-14 * expected);
  });

  it.each([
    { z: -Infinity, expected: 0 },
    { z: Infinity, expected: 1 },
    { z: -40, expected: 0 },
    { z: 40, expected: 1 },
  ])('Φ($z) = $expected', ({ z, expected }) => {
    expect(normalCdf(z)).toBe(expected);
  });

  it('throws on NaN', () => {
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });

  it('is symmetric and monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (z, h) => {
        expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-15);
        expect(normalCdf(z + h)).toBeGreaterThanOrEqual(normalCdf(z));
      }),
    );
  });
});

describe('normalQuantile', () => {
  it.each(quantileTable)('Φ⁻¹($p) = $expected to 1e-14 relative', ({ p, expected }) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
  });

  it.each([
    { p: 0, expected: -Infinity },
    { p: 1, expected: Infinity },
  ])('Φ⁻¹($p) = $expected', ({ p, expected }) => {
    expect(normalQuantile(p)).toBe(expected);
  });

  it.each([-0.1, 1.1, NaN, Infinity])('throws for p = %s', (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
  });

  it('inverts normalCdf (relative 1e-13 on the tail probability)', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (z) => {
        const p = normalCdf(z);
        fc.pre(p > 0 && p < 1);
        const back = normalQuantile(p);
        expect(Math.abs(normalCdf(back) - p)).toBeLessThanOrEqual(1e-13 * Math.min(p, 1 - p) + 1e-16);
      }),
    );
  });

  it('is antisymmetric and increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true }), fc.double({ min: 1e-300, max: 1, noNaN: true }), (p, q) => {
        if (p >= 0.001 && p <= 0.999) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 10);
        if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
      }),
    );
  });
});

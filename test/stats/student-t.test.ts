import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/stats/normal.js';
import { studentTCdf, studentTQuantile } from '../../src/stats/student-t.js';

describe('studentTCdf', () => {
  it.each([
    // published table values of t (one-sided upper points)
    { t: 2.015, df: 5, p: 0.95 },
    { t: 2.571, df: 5, p: 0.975 },
    { t: 4.032, df: 5, p: 0.995 },
    { t: 9.925, df: 2, p: 0.995 },
    { t: 12.706, df: 1, p: 0.975 },
    { t: 1.96, df: 1e7, p: 0.975 },
    { t: 0, df: 3, p: 0.5 },
  ])('P(T ≤ $t | df $df) = $p', ({ t, df, p }) => {
    expect(studentTCdf(t, df)).toBeCloseTo(p, 4);
  });

  it('is Cauchy at 1 df: ½ + atan(t)/π', () => {
    for (const t of [-5, -1, 0.3, 2, 40]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
  });

  it('is symmetric, monotone, within [0, 1], and heavier-tailed than the normal', () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (t, df, step) => {
      const p = studentTCdf(t, df);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 12);
      expect(studentTCdf(t + step, df)).toBeGreaterThanOrEqual(p - 1e-15);
      if (t > 0) expect(p).toBeLessThanOrEqual(normalCdf(t) + 1e-12);
    }));
  });

  it('gives 0 and 1 at the infinities and refuses NaN and a bad df', () => {
    expect(studentTCdf(Number.POSITIVE_INFINITY, 4)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 4)).toBe(0);
    expect(() => studentTCdf(Number.NaN, 4)).toThrow(RangeError);
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
    expect(() => studentTCdf(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('studentTQuantile', () => {
  it.each([
    { p: 0.975, df: 5, t: 2.5706 },
    { p: 0.995, df: 2, t: 9.9248 },
    { p: 0.025, df: 5, t: -2.5706 },
    { p: 0.5, df: 7, t: 0 },
  ])('t($p, df $df) = $t', ({ p, df, t }) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 3);
  });

  it('inverts the distribution function', () => {
    fc.assert(fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1, max: 200, noNaN: true }), (p, df) => {
      const t = studentTQuantile(p, df);
      expect(Number.isFinite(t)).toBe(true);
      expect(studentTCdf(t, df)).toBeCloseTo(p, 9);
    }));
  });

  it('refuses p outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, Number.NaN]) expect(() => studentTQuantile(p, 3)).toThrow(RangeError);
  });
});

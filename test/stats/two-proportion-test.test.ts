import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { twoProportionTest } from '../../src/stats/two-proportion-test.js';
import { sufficient } from './helpers.js';

describe('twoProportionTest', () => {
  it.each([
    // pooled 14/2000 = 0.007, se₀ = √(0.007·0.993·0.002) = 0.003728, z = (0.01 − 0.001)/0.003728 = 2.414
    { what: '0.2 % → 1.2 %', b: [2, 1000], c: [12, 1000], deff: 1, p: 0.00789, lower: 0.00271, upper: 0.01729 },
    // the design effect 4 doubles the standard error: z = 1.207
    { what: 'the same with design effect 4', b: [2, 1000], c: [12, 1000], deff: 4, p: 0.11370, lower: -0.00459, upper: 0.02459 },
    // no failures before, 10 of 500 after: pooled 10/1500, se₀ = √(0.00667·0.99333·0.003) = 0.004460, z = (0.02 − 0.0015)/0.00446 = 4.148
    { what: '0 % → 2 %', b: [0, 1000], c: [10, 500], deff: 1, p: 0.0000168, lower: 0.00773, upper: 0.03227 },
    // nothing failed anywhere: nothing rose
    { what: 'no failures in either run', b: [0, 1000], c: [0, 1000], deff: 1, p: 1, lower: 0, upper: 0 },
    // everything failed in both: nothing rose either
    { what: 'every request failed in both', b: [50, 50], c: [80, 80], deff: 1, p: 1, lower: 0, upper: 0 },
  ])('$what', ({ b, c, deff, p, lower, upper }) => {
    const t = sufficient(twoProportionTest({ events: b[0]!, total: b[1]! }, { events: c[0]!, total: c[1]! }, { varianceInflation: deff }));
    expect(t.pGreater).toBeCloseTo(p, 4);
    expect(t.differenceLower).toBeCloseTo(lower, 4);
    expect(t.differenceUpper).toBeCloseTo(upper, 4);
  });

  it('gives the Katz interval of the ratio only when both runs have failures', () => {
    const both = sufficient(twoProportionTest({ events: 2, total: 1000 }, { events: 12, total: 1000 }));
    // ln 6 ± 1.96·√(1/12 − 1/1000 + 1/2 − 1/1000) = 1.792 ± 1.495
    expect(both.ratio!.lower).toBeCloseTo(Math.exp(1.7918 - 1.4950) - 1, 2);
    expect(both.ratio!.upper).toBeCloseTo(Math.exp(1.7918 + 1.4950) - 1, 1);
    expect(sufficient(twoProportionTest({ events: 0, total: 1000 }, { events: 12, total: 1000 })).ratio).toBeUndefined();
  });

  it.each([
    { what: 'an empty baseline', b: { events: 0, total: 0 }, c: { events: 1, total: 10 } },
    { what: 'an empty current run', b: { events: 1, total: 10 }, c: { events: 0, total: 0 } },
  ])('InsufficientData for $what', ({ b, c }) => {
    expect(isInsufficient(twoProportionTest(b, c))).toBe(true);
  });

  it.each([
    { what: 'more events than trials', b: { events: 11, total: 10 }, c: { events: 0, total: 10 }, options: {} },
    { what: 'negative counts', b: { events: -1, total: 10 }, c: { events: 0, total: 10 }, options: {} },
    { what: 'a design effect below 1', b: { events: 1, total: 10 }, c: { events: 0, total: 10 }, options: { varianceInflation: 0.5 } },
  ])('throws on $what', ({ b, c, options }) => {
    expect(() => twoProportionTest(b, c, options)).toThrow(RangeError);
  });

  it('properties: never NaN, p in [0, 1], the interval holds the difference, more clustering never adds significance', () => {
    const run = fc.integer({ min: 1, max: 100_000 }).chain((total) => fc.record({ total: fc.constant(total), events: fc.integer({ min: 0, max: total }) }));
    fc.assert(
      fc.property(run, run, fc.double({ min: 1, max: 50, noNaN: true }), (b, c, deff) => {
        const t = sufficient(twoProportionTest(b, c, { varianceInflation: deff }));
        for (const x of [t.pGreater, t.difference, t.differenceLower, t.differenceUpper, t.ratio?.lower ?? 0, t.ratio?.upper ?? 0]) expect(Number.isNaN(x)).toBe(false);
        expect(t.pGreater).toBeGreaterThanOrEqual(0);
        expect(t.pGreater).toBeLessThanOrEqual(1);
        expect(t.differenceLower).toBeLessThanOrEqual(t.difference + 1e-12);
        expect(t.differenceUpper).toBeGreaterThanOrEqual(t.difference - 1e-12);
        const independent = sufficient(twoProportionTest(b, c));
        expect(t.pGreater).toBeGreaterThanOrEqual(Math.min(independent.pGreater, 0.5) - 1e-12);
      }),
    );
  });
});

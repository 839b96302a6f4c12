import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { logRatioTest } from '../../src/stats/log-ratio-test.js';
import { normalCdf } from '../../src/stats/normal.js';
import { sufficient } from './helpers.js';

describe('logRatioTest', () => {
  it.each([
    // se = hypot(0.03, 0.04) = 0.05; z = ln 1.1 / 0.05 = 1.906; half-width 1.95996·0.05 = 0.0980
    { what: '+10 % with se 0.05', logRatio: Math.log(1.1), components: [0.03, 0.04], se: 0.05, pGreater: 0.02831, lower: -0.00268, upper: 0.21326 },
    // the same change the other way: the p-values swap, the interval mirrors on the log scale
    { what: '−10 % with se 0.05', logRatio: -Math.log(1.1), components: [0.05], se: 0.05, pGreater: 0.97169, lower: -0.17577, upper: 0.00269 },
    // no change: p = ½ each side, interval e^{±0.098} − 1
    { what: 'no change', logRatio: 0, components: [0.05], se: 0.05, pGreater: 0.5, lower: -0.09335, upper: 0.10296 },
    // noise alone (within-run spread 0) still gives a standard error: √2·0.03 = 0.04243, z = ln 1.2 / 0.04243 = 4.297
    { what: 'no within-run spread, noise floor only', logRatio: Math.log(1.2), components: [0, 0, 0.03, 0.03], se: 0.04243, pGreater: 0.0000086, lower: 0.10425, upper: 0.30404 },
  ])('$what', ({ logRatio, components, se, pGreater, lower, upper }) => {
    const t = sufficient(logRatioTest(logRatio, components));
    expect(t.se).toBeCloseTo(se, 4);
    expect(t.pGreater).toBeCloseTo(pGreater, 4);
    expect(t.pLess).toBeCloseTo(1 - pGreater, 4);
    expect(t.lower).toBeCloseTo(lower, 4);
    expect(t.upper).toBeCloseTo(upper, 4);
    expect(t.confidence).toBe(0.95);
  });

  it.each([
    { what: 'zero spread and no noise', logRatio: 0.1, components: [0, 0, 0, 0], cause: 'no-spread' },
    { what: 'zero spread, no change, no noise (the integer-ms case that threw)', logRatio: 0, components: [0, 0], cause: 'no-spread' },
    { what: 'no components at all', logRatio: 0.1, components: [], cause: 'no-spread' },
    { what: 'ratio 0 (a statistic of 0)', logRatio: Number.NEGATIVE_INFINITY, components: [0.1], cause: undefined },
    { what: 'infinite spread', logRatio: 0.1, components: [Number.POSITIVE_INFINITY], cause: undefined },
    { what: 'a spread too large to bound', logRatio: 0.1, components: [1e200, 1e200], cause: undefined },
  ])('InsufficientData, not NaN: $what', ({ logRatio, components, cause }) => {
    const t = logRatioTest(logRatio, components);
    expect(isInsufficient(t)).toBe(true);
    if (isInsufficient(t)) expect(t.cause).toBe(cause);
  });

  it.each([
    { what: 'a negative standard error', components: [-0.1] },
    { what: 'a NaN standard error', components: [Number.NaN] },
  ])('throws on $what', ({ components }) => {
    expect(() => logRatioTest(0.1, components)).toThrow(RangeError);
  });

  it('throws on a confidence outside (0, 1)', () => {
    expect(() => logRatioTest(0.1, [0.1], { confidence: 1 })).toThrow(RangeError);
  });

  it('properties: p-values sum to 1, the interval holds the estimate, a wider confidence widens it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (logRatio, components, confidence) => {
          const t = logRatioTest(logRatio, components, { confidence });
          if (isInsufficient(t)) {
            expect(Math.hypot(...components)).toBe(0);
            return;
          }
          for (const x of [t.pGreater, t.pLess, t.lower, t.upper, t.se]) expect(Number.isNaN(x)).toBe(false);
          expect(t.pGreater + t.pLess).toBeCloseTo(1, 12);
          expect(t.pGreater).toBeCloseTo(normalCdf(-logRatio / t.se), 12);
          expect(t.lower).toBeLessThanOrEqual(Math.expm1(logRatio) + 1e-12);
          expect(t.upper).toBeGreaterThanOrEqual(Math.expm1(logRatio) - 1e-12);
          expect(t.lower).toBeGreaterThanOrEqual(-1);
          const wider = sufficient(logRatioTest(logRatio, components, { confidence: Math.min(0.999, confidence + 0.005) }));
          expect(wider.upper - wider.lower).toBeGreaterThanOrEqual(t.upper - t.lower);
        },
      ),
    );
  });

  it('property: more noise never makes a change more significant', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (logRatio, within, noise) => {
        const quiet = sufficient(logRatioTest(logRatio, [within]));
        const noisy = sufficient(logRatioTest(logRatio, [within, noise, noise]));
        expect(noisy.pGreater).toBeGreaterThanOrEqual(quiet.pGreater - 1e-15);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { minimumDetectableEffect } from '../../src/stats/minimum-detectable-effect.js';
import { normalCdf } from '../../src/stats/normal.js';
import { sampleSizeFactor } from '../../src/stats/sample-size-factor.js';
import { sufficient } from './helpers.js';

describe('minimumDetectableEffect', () => {
  it.each([
    // (1.64485 + 0.84162) · 0.12 = 0.29838; e^0.29838 − 1 = 0.34767; 1 − e^−0.29838 = 0.25798
    { what: 'se 0.12, α 0.05, 80 %', se: 0.12, alpha: 0.05, power: 0.8, logRatio: 0.29838, increase: 0.34767, decrease: 0.25798 },
    // (2.32635 + 0.84162) · 0.05 = 0.15840; e^0.1584 − 1 = 0.17163
    { what: 'se 0.05, α 0.01, 80 %', se: 0.05, alpha: 0.01, power: 0.8, logRatio: 0.1584, increase: 0.17163, decrease: 0.14649 },
    // power ½: z_power = 0, the change sits exactly on the critical value: 1.64485 · 0.1 = 0.16449
    { what: 'power ½', se: 0.1, alpha: 0.05, power: 0.5, logRatio: 0.16449, increase: 0.17878, decrease: 0.15167 },
  ])('$what', ({ se, alpha, power, logRatio, increase, decrease }) => {
    const m = sufficient(minimumDetectableEffect(se, { alpha, power }));
    expect(m.logRatio).toBeCloseTo(logRatio, 4);
    expect(m.increase).toBeCloseTo(increase, 4);
    expect(m.decrease).toBeCloseTo(decrease, 4);
  });

  it.each([
    { what: 'no spread', se: 0, cause: 'no-spread' },
    { what: 'infinite spread', se: Number.POSITIVE_INFINITY, cause: undefined },
    { what: 'a spread too large to state', se: 1e6, cause: undefined },
  ])('InsufficientData, not NaN: $what', ({ se, cause }) => {
    const m = minimumDetectableEffect(se, { alpha: 0.05 });
    expect(isInsufficient(m)).toBe(true);
    if (isInsufficient(m)) expect(m.cause).toBe(cause);
  });

  it.each([
    { what: 'a negative se', se: -1, alpha: 0.05, power: 0.8 },
    { what: 'a NaN se', se: Number.NaN, alpha: 0.05, power: 0.8 },
    { what: 'alpha 0', se: 0.1, alpha: 0, power: 0.8 },
    { what: 'power 1', se: 0.1, alpha: 0.05, power: 1 },
  ])('throws on $what', ({ se, alpha, power }) => {
    expect(() => minimumDetectableEffect(se, { alpha, power })).toThrow(RangeError);
  });

  it('property: a true change of the returned size is caught with the stated power (normal oracle)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 2, noNaN: true }), fc.double({ min: 0.001, max: 0.2, noNaN: true }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (se, alpha, power) => {
        const m = sufficient(minimumDetectableEffect(se, { alpha, power }));
        // The test rejects when ln ratio / se > z₁₋α; with true ln ratio = m.logRatio the chance is Φ(m.logRatio/se − z₁₋α).
        const critical = -inverse(alpha);
        expect(normalCdf(m.logRatio / se - critical)).toBeCloseTo(power, 6);
        expect((1 + m.increase) * (1 - m.decrease)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('sampleSizeFactor', () => {
  const z = 1.6448536 + 0.8416212;
  it.each([
    // needed se ln1.2/2.48648 = 0.073325; 0.0144 / (0.0053766 − 0.0018) = 4.0262
    { what: 'the doc example', within: 0.12, floor: Math.hypot(0.03, 0.03), target: Math.log(1.2), factor: 4.0262 },
    // no floor: the textbook (MDE/target)² — MDE ln = 2.48648 · 0.05 = 0.124324, target ln 1.2 → (0.124324/0.18232)² = 0.46498
    { what: 'no floor, already powered', within: 0.05, floor: 0, target: Math.log(1.2), factor: (z * 0.05 / Math.log(1.2)) ** 2 },
  ])('$what', ({ within, floor, target, factor }) => {
    expect(sufficient(sampleSizeFactor(within, floor, target, { alpha: 0.05 }))).toBeCloseTo(factor, 3);
  });

  it.each([
    { what: 'the noise floor alone exceeds what is needed', within: 0.1, floor: 0.2 },
    { what: 'no sampling error', within: 0, floor: 0.01 },
  ])('InsufficientData: $what', ({ within, floor }) => {
    const f = sampleSizeFactor(within, floor, Math.log(1.2), { alpha: 0.05 });
    expect(isInsufficient(f) && f.cause).toBe('no-spread');
  });

  it('throws on a target ≤ 0', () => {
    expect(() => sampleSizeFactor(0.1, 0, 0, { alpha: 0.05 })).toThrow(RangeError);
  });

  it('property: scaling the within-run variance by 1/factor gives exactly the needed power at the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (within, floor, target) => {
        const f = sampleSizeFactor(within, floor, target, { alpha: 0.05 });
        if (isInsufficient(f)) return;
        const se = Math.hypot(within / Math.sqrt(f), floor);
        const m = sufficient(minimumDetectableEffect(se, { alpha: 0.05 }));
        expect(m.logRatio).toBeCloseTo(target, 9);
      }),
    );
  });
});

/** Φ⁻¹ by bisection on normalCdf: an oracle independent of normalQuantile. */
function inverse(p: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGE_STEP_SDS, isChangeStep, shrinkVariance, stepExcess } from '../../src/stats/between-run-noise.js';
import { seededRng } from '../../src/stats/random.js';

const finite = fc.double({ min: -5, max: 5, noNaN: true });
const se = fc.double({ min: 0, max: 0.5, noNaN: true });

describe('stepExcess', () => {
  it.each([
    { what: 'a step exactly as large as the sampling errors explain', a: [0, 0.03], b: [0.05, 0.04], excess: 0 },
    { what: 'equal levels: the runs agreed better than sampling predicts', a: [1, 0.03], b: [1, 0.04], excess: -0.00125 },
    { what: 'no sampling error: half the squared step', a: [0, 0], b: [0.1, 0], excess: 0.005 },
  ])('$what', ({ a, b, excess }) => {
    expect(stepExcess({ level: a[0]!, se: a[1]! }, { level: b[0]!, se: b[1]! })).toBeCloseTo(excess, 12);
  });

  it('is symmetric in the two runs and finite', () => {
    fc.assert(fc.property(finite, se, finite, se, (l1, s1, l2, s2) => {
      const x = stepExcess({ level: l1, se: s1 }, { level: l2, se: s2 });
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeCloseTo(stepExcess({ level: l2, se: s2 }, { level: l1, se: s1 }), 12);
    }));
  });

  it('is unbiased for the between-run variance: runs with noise σ and sampling error s average to σ²', () => {
    const rng = seededRng(7);
    const normal = (): number => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
    const sigma = 0.02;
    const s = 0.035;
    let sum = 0;
    const n = 40_000;
    let prev = { level: sigma * normal() + s * normal(), se: s };
    for (let i = 0; i < n; i++) {
      const next = { level: sigma * normal() + s * normal(), se: s };
      sum += stepExcess(prev, next);
      prev = next;
    }
    // SD of one excess ≈ (2σ² + 2s²)/√2 ≈ 0.0023; of the mean of 40 000 (lag-1 correlated) about 2e-5.
    expect(sum / n).toBeCloseTo(sigma * sigma, 4);
  });

  it('rejects what is not a level', () => {
    expect(() => stepExcess({ level: Number.NaN, se: 0 }, { level: 0, se: 0 })).toThrow(RangeError);
    expect(() => stepExcess({ level: 0, se: -1 }, { level: 0, se: 0 })).toThrow(RangeError);
  });
});

describe('isChangeStep', () => {
  it.each([
    { what: 'a +35 % step against 3 % sampling errors and 3 % noise', d: Math.log(1.35), s: 0.03, noise: 0.03, change: true },
    { what: 'a +10 % step against the same', d: Math.log(1.1), s: 0.03, noise: 0.03, change: false },
    { what: 'just inside the bound', d: CHANGE_STEP_SDS * 0.05 * 0.999, s: 0.05, noise: 0, change: false },
    { what: 'just beyond it', d: CHANGE_STEP_SDS * Math.SQRT2 * 0.05 * 1.001, s: 0.05, noise: 0, change: true },
  ])('$what', ({ d, s, noise, change }) => {
    expect(isChangeStep({ level: 0, se: s }, { level: d, se: s }, noise)).toBe(change);
    expect(isChangeStep({ level: d, se: s }, { level: 0, se: s }, noise)).toBe(change);
  });

  it('is never a change for equal levels and is monotone in the step', () => {
    fc.assert(fc.property(finite, se, se, fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (l, s1, s2, noise, d) => {
      expect(isChangeStep({ level: l, se: s1 }, { level: l, se: s2 }, noise)).toBe(false);
      if (isChangeStep({ level: 0, se: s1 }, { level: d, se: s2 }, noise)) expect(isChangeStep({ level: 0, se: s1 }, { level: d * 1.5 + 1e-9, se: s2 }, noise)).toBe(true);
    }));
  });
});

describe('shrinkVariance', () => {
  it.each([
    { what: 'no history: the prior', prior: [0.0009, 4], xs: [], floor: 0, v: 0.0009 },
    { what: 'two steps worth one each against a prior worth four', prior: [0.0009, 4], xs: [0.0001, 0.0003], floor: 0, v: 0.004 / 6 },
    { what: 'a negative mean excess is held at the floor', prior: [0.0001, 1], xs: [-0.01, -0.01], floor: 0.00005, v: 0.00005 },
    { what: 'no prior weight: the data alone', prior: [0.0009, 0], xs: [0.0004, 0.0002], floor: 0, v: 0.0003 },
    { what: 'no prior weight and no data: the floor', prior: [0.0009, 0], xs: [], floor: 0.0001, v: 0.0001 },
  ])('$what', ({ prior, xs, floor, v }) => {
    expect(shrinkVariance({ variance: prior[0]!, weight: prior[1]! }, xs, floor)).toBeCloseTo(v, 12);
  });

  it('lies between the prior and the data, never below the floor, and falls as any excess falls', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.01, noNaN: true }), fc.integer({ min: 1, max: 20 }), fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { maxLength: 30 }), fc.double({ min: 0, max: 0.001, noNaN: true }), (variance, weight, xs, floor) => {
      const v = shrinkVariance({ variance, weight }, xs, floor);
      expect(v).toBeGreaterThanOrEqual(floor);
      expect(Number.isFinite(v)).toBe(true);
      if (xs.length > 0) {
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(v).toBeLessThanOrEqual(Math.max(variance, mean, floor) + 1e-15);
        expect(v).toBeGreaterThanOrEqual(Math.max(floor, Math.min(variance, mean)) - 1e-15);
        const lower = xs.map((x, i) => (i === 0 ? x - 0.001 : x));
        expect(shrinkVariance({ variance, weight }, lower, floor)).toBeLessThanOrEqual(v + 1e-15);
      }
    }));
  });

  it('rejects a negative prior, weight or floor and non-finite excesses', () => {
    expect(() => shrinkVariance({ variance: -1, weight: 1 }, [], 0)).toThrow(RangeError);
    expect(() => shrinkVariance({ variance: 1, weight: -1 }, [], 0)).toThrow(RangeError);
    expect(() => shrinkVariance({ variance: 1, weight: 1 }, [Number.POSITIVE_INFINITY], 0)).toThrow(RangeError);
    expect(() => shrinkVariance({ variance: 1, weight: 1 }, [], -1)).toThrow(RangeError);
  });
});

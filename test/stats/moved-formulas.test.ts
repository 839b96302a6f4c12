import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterOfProportion, clusterOfSums } from '../../src/stats/design-effect.js';
import { distributionMoments } from '../../src/stats/distribution-moments.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { LOG_FLOOR, logDistribution } from '../../src/stats/log-distribution.js';
import { logMeanStandardError } from '../../src/stats/log-mean-se.js';
import { logQuantileStandardError } from '../../src/stats/quantile-log-se.js';
import { relativeShiftTest } from '../../src/stats/relative-shift-test.js';
import { sampleStandardDeviation } from '../../src/stats/standard-deviation.js';
import { anyDistribution, sufficient, toDistribution } from './helpers.js';

// The formulas the gate used to compute itself, now each in stats/ with its contract.
describe('small statistics the detectors use', () => {
  it.each([
    { what: 'sample standard deviation', got: () => sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), expected: Math.sqrt(32 / 7) },
    { what: 'one value has no spread', got: () => sampleStandardDeviation([3]), expected: 0 },
    // 5, 6, 5, 6, 5, 6: mean 5.5, variance 0.3, r₁ < 0 counts as 0 → se = √(0.3/6)/5.5
    { what: 'log-mean standard error of alternating rates', got: () => sufficient(logMeanStandardError([5, 6, 5, 6, 5, 6])), expected: Math.sqrt(0.3 / 6) / 5.5 },
    { what: 'cluster of sums: 1, 2, 3', got: () => clusterOfSums(3, 6, 14).variance, expected: 1 },
    { what: 'cluster of a proportion: 1 of 4', got: () => clusterOfProportion(4, 1).variance, expected: 0.25 },
    { what: 'moments: 1 and 3', got: () => sufficient(distributionMoments([{ value: 1, count: 1 }, { value: 3, count: 1 }])).variance, expected: 2 },
  ])('$what', ({ got, expected }) => {
    expect(got()).toBeCloseTo(expected, 12);
  });

  it('logDistribution merges the values at or below the floor into one bucket', () => {
    expect(logDistribution([{ value: 0, count: 2 }, { value: LOG_FLOOR / 2, count: 1 }, { value: 1, count: 1 }])).toEqual([{ value: Math.log(LOG_FLOOR), count: 3 }, { value: 0, count: 1 }]);
  });

  it.each([
    { what: 'fewer than 3 rates', got: () => logMeanStandardError([1, 2]), cause: 'too-few' },
    { what: 'a mean of 0', got: () => logMeanStandardError([0, 0, 0]), cause: undefined },
    { what: 'one observation', got: () => distributionMoments([{ value: 5, count: 1 }]), cause: 'too-few' },
    { what: 'a p(99) of 60 requests', got: () => logQuantileStandardError(toDistribution(Array.from({ length: 60 }, (_, i) => i + 1)), 0.99, 60), cause: 'too-few' },
    { what: 'every request the same time', got: () => relativeShiftTest([{ value: 7, count: 50 }], [{ value: 7, count: 50 }]), cause: 'no-spread' },
  ])('InsufficientData: $what', ({ got, cause }) => {
    const r = got();
    expect(isInsufficient(r)).toBe(true);
    if (isInsufficient(r)) expect(r.cause).toBe(cause);
  });

  it('logQuantileStandardError of p(50) over 1..400 at n = 400: ln(value at 0.549 / value at 0.451) / 3.92', () => {
    const d = toDistribution(Array.from({ length: 400 }, (_, i) => i + 1));
    const h = 1.959964 * Math.sqrt(0.25 / 400);
    const at = (p: number) => 1 + p * 399; // k6's interpolation at p·(n − 1)
    expect(sufficient(logQuantileStandardError(d, 0.5, 400))).toBeCloseTo(Math.log(at(0.5 + h) / at(0.5 - h)) / (2 * 1.959964), 5);
  });

  it('relativeShiftTest finds the 20 % of a uniformly scaled sample', () => {
    const b = toDistribution(Array.from({ length: 300 }, (_, i) => 10 + (i % 50)));
    const c = b.map((x) => ({ value: x.value * 1.2, count: x.count }));
    const t = sufficient(relativeShiftTest(b, c, { noise: 0.03 }));
    expect(t.test.logRatio).toBeCloseTo(Math.log(1.2), 6);
    expect(t.pGreater).toBeLessThan(0.001);
  });

  it('property: none of them yields NaN for any finite input', () => {
    fc.assert(
      fc.property(anyDistribution, anyDistribution, fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (b, c, q, n) => {
        for (const r of [distributionMoments(b), logQuantileStandardError(b, q, n), relativeShiftTest(b, c, { noise: 0.03 })]) {
          if (isInsufficient(r)) continue;
          expect(JSON.stringify(r)).not.toMatch(/null|NaN/);
        }
      }),
    );
  });
});

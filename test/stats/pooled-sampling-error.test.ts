import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooledVariancePerRequest, sharedStandardError } from '../../src/stats/pooled-sampling-error.js';

describe('pooledVariancePerRequest', () => {
  it.each([
    { what: 'one run: its se²·count', runs: [{ se: 0.05, count: 200 }], v: 0.5 },
    { what: 'two runs of one size: the mean of their variances', runs: [{ se: 0.05, count: 200 }, { se: 0.1, count: 200 }], v: 1.25 },
    { what: 'runs that agree at different sizes: the same figure', runs: [{ se: 0.1, count: 100 }, { se: 0.05, count: 400 }], v: 1 },
    { what: 'a run with se 0 (every request tied) counts as 0', runs: [{ se: 0, count: 50 }, { se: 0.1, count: 100 }], v: 0.5 },
  ])('$what', ({ runs, v }) => {
    expect(pooledVariancePerRequest(runs)).toBeCloseTo(v, 12);
  });

  it.each([
    { what: 'no run', runs: [] },
    { what: 'a negative se', runs: [{ se: -0.1, count: 10 }] },
    { what: 'a se that is NaN', runs: [{ se: Number.NaN, count: 10 }] },
    { what: 'a count of 0', runs: [{ se: 0.1, count: 0 }] },
    { what: 'an infinite count', runs: [{ se: 0.1, count: Number.POSITIVE_INFINITY }] },
  ])('throws on $what', ({ runs }) => {
    expect(() => pooledVariancePerRequest(runs)).toThrow(RangeError);
  });
});

describe('sharedStandardError', () => {
  it.each([
    { what: 'one run: √(v/n)', v: 1.25, counts: [200], se: Math.sqrt(1.25 / 200) },
    { what: 'the mean of 4 equal runs: √(v/n)/2', v: 1, counts: [100, 100, 100, 100], se: 0.05 },
    { what: 'unequal runs: √(v·Σ1/n)/K', v: 1, counts: [100, 400], se: Math.sqrt(1 / 100 + 1 / 400) / 2 },
    { what: 'no variance', v: 0, counts: [10], se: 0 },
  ])('$what', ({ v, counts, se }) => {
    expect(sharedStandardError(v, counts)).toBeCloseTo(se, 12);
  });

  it.each([
    { what: 'no run', v: 1, counts: [] },
    { what: 'a negative variance', v: -1, counts: [10] },
    { what: 'an infinite variance', v: Number.POSITIVE_INFINITY, counts: [10] },
    { what: 'a count of 0', v: 1, counts: [0] },
  ])('throws on $what', ({ v, counts }) => {
    expect(() => sharedStandardError(v, counts)).toThrow(RangeError);
  });

  it('property: runs that agree get their own se back, and the pooled figure lies between the smallest and largest se²·count', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (unit, counts) => {
        const runs = counts.map((count) => ({ se: Math.sqrt(unit / count), count }));
        const v = pooledVariancePerRequest(runs);
        expect(v).toBeCloseTo(unit, 9);
        for (const r of runs) expect(sharedStandardError(v, [r.count])).toBeCloseTo(r.se, 9);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ se: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 10_000 }) }), { minLength: 1, maxLength: 8 }), (runs) => {
        const units = runs.map((r) => r.se * r.se * r.count);
        const v = pooledVariancePerRequest(runs);
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(Math.min(...units) * (1 - 1e-12));
        expect(v).toBeLessThanOrEqual(Math.max(...units) * (1 + 1e-12));
      }),
    );
  });
});

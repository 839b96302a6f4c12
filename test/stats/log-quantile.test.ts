import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/stats/distribution.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { logQuantileOf, logSpreadOf, poolLogEstimates } from '../../src/stats/log-quantile.js';
import { logQuantileStandardError } from '../../src/stats/quantile-log-se.js';
import { sufficient } from './helpers.js';

const uniform100: Distribution = Array.from({ length: 100 }, (_, i) => ({ value: i + 1, count: 1 }));

describe('logQuantileOf', () => {
  it('ln of k6 p(95) of 1…100 ms (rank 94.05 → 95.05 ms) and its order-statistic se', () => {
    const e = sufficient(logQuantileOf(uniform100, 0.95, 100));
    expect(e.log).toBeCloseTo(Math.log(95.05), 12);
    expect(e.se).toBe(logQuantileStandardError(uniform100, 0.95, 100));
  });

  it.each([
    { what: 'p(99) of 100 effective requests (needs about 381)', d: uniform100, q: 0.99, n: 100, cause: 'too-few' },
    { what: 'an empty distribution', d: [], q: 0.95, n: 100, cause: undefined },
    { what: 'latencies of 0 ms', d: [{ value: 0, count: 100 }], q: 0.95, n: 100, cause: undefined },
  ])('InsufficientData, not NaN: $what', ({ d, q, n, cause }) => {
    const e = logQuantileOf(d, q, n);
    expect(isInsufficient(e) && e.cause).toBe(cause ?? undefined);
    expect(isInsufficient(e)).toBe(true);
  });
});

describe('logSpreadOf', () => {
  it.each([
    // ρ = √(0.05/0.95) = 0.229416: √(0.05² + 0.03² − 2·0.229416·0.05·0.03) = 0.0520745
    { what: 'p(95) against a median, correlated', q: 0.95, quantile: { log: 3, se: 0.05 }, median: { log: 2.5, se: 0.03 }, log: 0.5, se: 0.0520745 },
    // ρ = √(0.1/0.9) = 1/3: √(0.04² + 0.04² − 2·(1/3)·0.04²) = 0.04·√(4/3) = 0.046188
    { what: 'p(90) with equal errors', q: 0.9, quantile: { log: 1, se: 0.04 }, median: { log: 0.8, se: 0.04 }, log: 0.2, se: 0.046188 },
    { what: 'a median with no error', q: 0.95, quantile: { log: 3, se: 0.05 }, median: { log: 2, se: 0 }, log: 1, se: 0.05 },
  ])('$what', ({ q, quantile, median, log, se }) => {
    const s = logSpreadOf(quantile, median, q);
    expect(s.log).toBeCloseTo(log, 12);
    expect(s.se).toBeCloseTo(se, 6);
  });

  it.each([0.5, 1, 0.2])('throws for q = %s', (q) => {
    expect(() => logSpreadOf({ log: 1, se: 0 }, { log: 0, se: 0 }, q)).toThrow(RangeError);
  });
});

describe('poolLogEstimates', () => {
  it.each([
    { what: 'two runs', xs: [{ log: 1, se: 0.04 }, { log: 1.1, se: 0.03 }], log: 1.05, se: 0.025 },
    { what: 'one run is itself', xs: [{ log: 2, se: 0.07 }], log: 2, se: 0.07 },
    { what: 'five equal runs: the error shrinks by √5', xs: Array.from({ length: 5 }, () => ({ log: 0, se: 0.05 })), log: 0, se: 0.05 / Math.sqrt(5) },
  ])('$what', ({ xs, log, se }) => {
    const p = poolLogEstimates(xs);
    expect(p.log).toBeCloseTo(log, 12);
    expect(p.se).toBeCloseTo(se, 12);
  });

  it('the mean lies within the runs and its error within theirs (property)', () => {
    const estimate = fc.record({ log: fc.double({ min: -5, max: 10, noNaN: true }), se: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(estimate, { minLength: 1, maxLength: 20 }), (xs) => {
        const p = poolLogEstimates(xs);
        const logs = xs.map((x) => x.log);
        expect(p.log).toBeGreaterThanOrEqual(Math.min(...logs) - 1e-9);
        expect(p.log).toBeLessThanOrEqual(Math.max(...logs) + 1e-9);
        expect(p.se).toBeLessThanOrEqual(Math.max(...xs.map((x) => x.se)) + 1e-12);
        expect(Number.isNaN(p.se)).toBe(false);
      }),
    );
  });

  it.each([
    { what: 'no estimates', xs: [] },
    { what: 'a NaN log', xs: [{ log: Number.NaN, se: 0 }] },
    { what: 'a negative se', xs: [{ log: 0, se: -0.1 }] },
  ])('throws on $what', ({ xs }) => {
    expect(() => poolLogEstimates(xs)).toThrow(RangeError);
  });
});

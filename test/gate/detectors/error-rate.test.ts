import { describe, expect, it } from 'vitest';
import { errorRate } from '../../../src/gate/detectors/error-rate.js';
import { syntheticRun } from '../synthetic.js';
import { contextOf, run, summary } from './context.js';

const latencies = (n: number) => Array.from({ length: n }, (_, i) => 10 + (i % 13));
const runOf = (n: number, failedEvery: number | undefined) => syntheticRun({ endpoints: { 'GET /a': { latencies: latencies(n), failed: (i) => failedEvery !== undefined && i % failedEvery === 0 } } });

describe('error-rate detector', () => {
  it.each([
    { what: 'no failures in either run', b: runOf(1000, undefined), c: runOf(1000, undefined), expected: { beyond: false, significant: false } },
    { what: '0 → 5 %: beyond (from 0 the absolute floor decides) and confirmed', b: runOf(1000, undefined), c: runOf(1000, 20), expected: { beyond: true, significant: true } },
    { what: '1 % → 1.25 %: +25 % relative is within the +50 % limit', b: runOf(2000, 100), c: runOf(2000, 80), expected: { beyond: false } },
    { what: '0 → 0.05 %: above 0 but under the +0.1 point floor', b: runOf(2000, undefined), c: runOf(2000, 2000), expected: { beyond: false } },
    // From 0 the floor is the limit; the exact test: none of 220 against 2 of 220 is p = ¼
    { what: '0 → 2 of 220: beyond the floor, but two requests confirm nothing', b: runOf(220, undefined), c: runOf(220, 110), expected: { beyond: true, significant: false } },
    // (½)⁶ = 0.016 < α: the exact one-sided interval excludes no change
    { what: '0 → 6 of 220: beyond and significant on its own', b: runOf(220, undefined), c: runOf(220, 37), expected: { beyond: true, significant: true } },
  ])('$what', ({ b, c, expected }) => {
    const out = run(errorRate, contextOf(c, b)).map(summary);
    expect(out.find((a) => a.scope === 'GET /a')).toMatchObject({ kind: 'error-rate', statistic: 'rate', ...expected });
  });

  it.each([
    { what: 'none → 2 of 220', b: 0, c: 2, n: 220, p: 0.25 },
    { what: 'none → 5 of 220', b: 0, c: 5, n: 220, p: 0.03125 },
    // 14 failures, each the current run's with π = ½: (C(14,12) + C(14,13) + 1)/2¹⁴
    { what: '2 → 12 of 1000', b: 2, c: 12, n: 1000, p: 106 / 16384 },
  ])('few failures are tested exactly: $what gives p = $p', ({ b, c, n, p }) => {
    const spread = (k: number) => (i: number) => k > 0 && i % Math.floor(n / k) === 0 && i / Math.floor(n / k) < k;
    const doc = (k: number) => syntheticRun({ endpoints: { 'GET /a': { latencies: latencies(n), failed: spread(k) } } });
    const a = run(errorRate, contextOf(doc(c), doc(b))).find((x) => x.scope?.value === 'GET /a')!;
    expect(a.pValue).toBeCloseTo(p, 6);
  });

  it('many failures keep the z-test (its normal approximation holds there)', () => {
    const a = run(errorRate, contextOf(runOf(4000, 50), runOf(4000, 100))).find((x) => x.scope?.value === 'GET /a')!;
    // 40 → 80 of 4000: pooled 0.015, se₀ = √(0.015·0.985·2/4000) = 0.002718, z = (0.01 − 0.00025)/0.002718 = 3.587
    expect(a.pValue).toBeCloseTo(0.000167, 5);
  });

  it('is one assessment per scope that has failures data: the whole run and the endpoint', () => {
    expect(run(errorRate, contextOf(runOf(100, undefined), runOf(100, undefined))).map((a) => a.metric)).toEqual(['http_req_failed', 'http_req_failed{name:GET /a}']);
  });
});

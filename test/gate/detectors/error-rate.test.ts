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
  ])('$what', ({ b, c, expected }) => {
    const out = run(errorRate, contextOf(c, b)).map(summary);
    expect(out.find((a) => a.scope === 'GET /a')).toMatchObject({ kind: 'error-rate', statistic: 'rate', ...expected });
  });

  it('is one assessment per scope that has failures data: the whole run and the endpoint', () => {
    expect(run(errorRate, contextOf(runOf(100, undefined), runOf(100, undefined))).map((a) => a.metric)).toEqual(['http_req_failed', 'http_req_failed{name:GET /a}']);
  });
});

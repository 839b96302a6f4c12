import { describe, expect, it } from 'vitest';
import { thresholds } from '../../../src/gate/detectors/thresholds.js';
import { lognormal, syntheticRun } from '../synthetic.js';
import { contextOf, run } from './context.js';

const runOf = (latencies: number[], failedEvery?: number) => syntheticRun({ endpoints: { 'GET /a': { latencies, failed: (i) => failedEvery !== undefined && i % failedEvery === 0 } } });
const config = (t: Readonly<Record<string, readonly string[] | undefined>>) => ({ stages: { stress: { thresholds: t } } });

describe('thresholds detector', () => {
  it.each([
    { what: 'p(95) under the limit holds', t: { http_req_duration: ['p(95)<500'] }, c: runOf(lognormal(200, 40, 0.3, 1)), beyond: false },
    { what: 'p(95) over the limit is crossed', t: { http_req_duration: ['p(95)<50'] }, c: runOf(lognormal(200, 40, 0.3, 1)), beyond: true },
    { what: 'an error rate of 10 % crosses rate<0.01', t: { http_req_failed: ['rate<0.01'] }, c: runOf(lognormal(200, 40, 0.3, 1), 10), beyond: true },
    { what: 'a submetric of the endpoint', t: { 'http_req_duration{name:GET /a}': ['max<10000'] }, c: runOf(lognormal(200, 40, 0.3, 1)), beyond: false },
    { what: 'dropped_iterations absent is 0', t: { dropped_iterations: ['count<1'] }, c: runOf(lognormal(50, 40, 0.3, 1)), beyond: false },
  ])('$what', ({ t, c, beyond }) => {
    const [a] = run(thresholds, contextOf(c, undefined, config(t), 'stress'));
    expect(a).toMatchObject({ kind: 'threshold', deterministic: true, beyond });
    expect(a!.insufficient).toBeUndefined();
  });

  it('a selector the baseline matched and the current run does not fails', () => {
    const b = syntheticRun({ endpoints: { 'GET /a': { latencies: [1, 2, 3] }, 'GET /b': { latencies: [1, 2, 3] } } });
    const c = syntheticRun({ endpoints: { 'GET /a': { latencies: [1, 2, 3] } } });
    const [a] = run(thresholds, contextOf(c, b, config({ 'http_req_duration{name:GET /b}': ['p(95)<500'] }), 'stress'));
    expect(a).toMatchObject({ beyond: true, lost: { what: 'selector', baselineCount: 3 } });
  });
});

import { describe, expect, it } from 'vitest';
import { thresholdsOfOptions } from '../../src/engine/k6-inspect.js';

// What `k6 inspect` prints (its options JSON), read for a shard's thresholds; the real k6 is in test/real-k6/inspect.test.ts.
describe('thresholdsOfOptions', () => {
  it.each<{ what: string; json: string; expected: ReturnType<typeof thresholdsOfOptions> }>([
    { what: 'string lists', json: '{"vus":null,"thresholds":{"http_req_failed":["rate<0.01"],"checks":["rate>0.99"]}}', expected: { thresholds: { http_req_failed: ['rate<0.01'], checks: ['rate>0.99'] } } },
    { what: "k6's object form", json: '{"thresholds":{"http_req_duration{name:GET /x}":[{"threshold":"p(95)<500","abortOnFail":true,"delayAbortEval":"10s"}]}}', expected: { thresholds: { 'http_req_duration{name:GET /x}': ['p(95)<500'] } } },
    { what: 'no thresholds', json: '{"vus":2,"thresholds":null}', expected: { thresholds: {} } },
    { what: 'an empty list', json: '{"thresholds":{"checks":[]}}', expected: { thresholds: {} } },
    { what: 'not JSON', json: 'time="…" level=error msg="x"', expected: { problem: expect.stringContaining('k6 inspect printed no JSON') as unknown as string } },
    { what: 'a threshold of neither form', json: '{"thresholds":{"checks":[42]}}', expected: { problem: 'k6 inspect printed a threshold of checks that is neither a string nor { threshold }' } },
    { what: 'a threshold perf-gate cannot judge', json: '{"thresholds":{"checks":["rate>>1"]}}', expected: { problem: "the script's threshold 'rate>>1' on checks is not one perf-gate can judge" } },
  ])('$what', ({ json, expected }) => {
    expect(thresholdsOfOptions(json)).toEqual(expected);
  });
});

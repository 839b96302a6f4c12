import { describe, expect, it } from 'vitest';
import { recordedThresholds } from '../../src/config/recorded-thresholds.js';

describe('recordedThresholds', () => {
  it.each<{ what: string; recorded: Record<string, string[]> | undefined; expected: [string, string[]][] }>([
    { what: 'nothing recorded', recorded: undefined, expected: [] },
    { what: 'metrics and submetrics', recorded: { checks: ['rate>0.99'], 'http_req_duration{scenario:load}': ['p(95)<500', 'p(99)<900'] }, expected: [['checks', ['rate>0.99']], ['http_req_duration{scenario:load}', ['p(95)<500', 'p(99)<900']]] },
    { what: 'an expression that does not parse, left out with its metric when alone', recorded: { checks: ['rate>>1'], http_req_failed: ['rate<0.01', 'nonsense'] }, expected: [['http_req_failed', ['rate<0.01']]] },
  ])('$what', ({ recorded, expected }) => {
    expect(recordedThresholds(recorded).map((t) => [t.metric, t.expressions.map((e) => e.source)])).toEqual(expected);
  });
});

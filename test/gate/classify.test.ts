import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/gate/assessment.js';
import { classify } from '../../src/gate/classify.js';
import { findingMessage } from '../../src/report/words.js';

const base: Assessment = {
  kind: 'latency',
  metric: 'http_req_duration{name:GET /api/alerts}',
  scope: { tag: 'name', value: 'GET /api/alerts' },
  statistic: 'p(95)',
  baseline: 80,
  current: 104,
  change: 0.3,
  unit: 'ms',
  limit: { kind: 'max-increase', max: 0.2 },
  beyond: true,
  pValue: 0.001,
  interval: { lower: 0.1, upper: 0.5 },
  intervalExcludesNoChange: true,
};

describe('classify', () => {
  it.each([
    { what: 'beyond and confirmed fails', a: base, adjusted: 0.01, outcome: 'fail', level: 'confirmed', reason: 'confirmed' },
    { what: 'beyond, significant but interval includes no change: suggestive warn', a: { ...base, intervalExcludesNoChange: false }, adjusted: 0.01, outcome: 'warn', level: 'suggestive', reason: 'unconfirmed' },
    { what: 'beyond, adjusted p between α and 2α: warn', a: { ...base, pValue: 0.004 }, adjusted: 0.08, outcome: 'warn', level: 'suggestive', reason: 'unconfirmed' },
    { what: 'beyond, raw p small but adjusted p large: noise', a: { ...base, pValue: 0.04 }, adjusted: 0.4, outcome: 'pass', level: 'none', reason: 'multiplicity' },
    { what: 'beyond with no evidence is noise', a: { ...base, pValue: 0.3, intervalExcludesNoChange: false }, adjusted: 1, outcome: 'pass', level: 'none', reason: 'noise' },
    { what: 'within the limit passes even when confirmed', a: { ...base, change: 0.1, beyond: false }, adjusted: 0.001, outcome: 'pass', level: 'confirmed', reason: 'within-limit' },
    { what: 'insufficient data is inconclusive', a: { ...base, insufficient: '3 requests' }, adjusted: undefined, outcome: 'inconclusive', level: 'not-applicable', reason: 'not-judged' },
    { what: 'aggregate-only beyond is a warning, no test', a: { ...base, pValue: undefined }, adjusted: undefined, outcome: 'warn', level: 'not-applicable', reason: 'unconfirmed' },
    { what: 'a crossed SLO fails without a test', a: { ...base, kind: 'threshold' as const, deterministic: true, pValue: undefined }, adjusted: undefined, outcome: 'fail', level: 'not-applicable', reason: 'threshold-crossed' },
  ])('$what', ({ a, adjusted, outcome, level, reason }) => {
    const f = classify(a as Assessment, adjusted, 0.05);
    expect(f.outcome).toBe(outcome);
    expect(f.confidence.level).toBe(level);
    expect(f.reason.code).toBe(reason);
    const message = findingMessage(f);
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(/NaN|undefined/);
  });

  it('names the endpoint, the change and the limit in the message', () => {
    const f = classify(base, 0.01, 0.05);
    expect(findingMessage(f)).toContain('GET /api/alerts');
    expect(findingMessage(f)).toContain('+30.0 %');
    expect(findingMessage(f)).toContain('+20 %');
    expect(f.severity).toBe('fail');
  });

  it('says when the tail moved away from the median', () => {
    const f = classify({ ...base, details: { tail: { fromMedian: 0.31 } } }, 0.01, 0.05);
    expect(findingMessage(f)).toContain('the tail moved away from the median: p(95)/median +31.0 %');
  });
});

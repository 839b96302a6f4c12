import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/gate/assessment.js';
import { classify } from '../../src/gate/classify.js';

const base: Assessment = {
  kind: 'latency',
  metric: 'http_req_duration{name:GET /api/alerts}',
  scope: { tag: 'name', value: 'GET /api/alerts' },
  statistic: 'p(95)',
  baseline: 80,
  current: 104,
  change: 0.3,
  threshold: '+20 %',
  beyond: true,
  pValue: 0.001,
  interval: { lower: 0.1, upper: 0.5 },
  intervalExcludesNoChange: true,
};

describe('classify', () => {
  it.each([
    { what: 'beyond and confirmed fails', a: base, adjusted: 0.01, outcome: 'fail', level: 'confirmed' },
    { what: 'beyond, significant but interval includes no change: suggestive warn', a: { ...base, intervalExcludesNoChange: false }, adjusted: 0.01, outcome: 'warn', level: 'suggestive' },
    { what: 'beyond, adjusted p between α and 2α: warn', a: { ...base, pValue: 0.004 }, adjusted: 0.08, outcome: 'warn', level: 'suggestive' },
    { what: 'beyond, raw p small but adjusted p large: noise', a: { ...base, pValue: 0.04 }, adjusted: 0.4, outcome: 'pass', level: 'none' },
    { what: 'beyond with no evidence is noise', a: { ...base, pValue: 0.3, intervalExcludesNoChange: false }, adjusted: 1, outcome: 'pass', level: 'none' },
    { what: 'within the limit passes even when confirmed', a: { ...base, change: 0.1, beyond: false }, adjusted: 0.001, outcome: 'pass', level: 'confirmed' },
    { what: 'insufficient data is inconclusive', a: { ...base, insufficient: '3 requests' }, adjusted: undefined, outcome: 'inconclusive', level: 'not-applicable' },
    { what: 'aggregate-only beyond is a warning, no test', a: { ...base, pValue: undefined }, adjusted: undefined, outcome: 'warn', level: 'not-applicable' },
    { what: 'a crossed SLO fails without a test', a: { ...base, kind: 'threshold' as const, deterministic: true, pValue: undefined }, adjusted: undefined, outcome: 'fail', level: 'not-applicable' },
  ])('$what', ({ a, adjusted, outcome, level }) => {
    const f = classify(a as Assessment, adjusted, 0.05);
    expect(f.outcome).toBe(outcome);
    expect(f.confidence.level).toBe(level);
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.message).not.toMatch(/NaN|undefined/);
  });

  it('names the endpoint, the change and the limit in the message', () => {
    const f = classify(base, 0.01, 0.05);
    expect(f.message).toContain('GET /api/alerts');
    expect(f.message).toContain('+30 %');
    expect(f.message).toContain('+20 %');
    expect(f.severity).toBe('fail');
  });
});

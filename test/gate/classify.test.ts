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
    const f = classify(a as Assessment, adjusted, { alpha: 0.05, limitConfidence: 0.7 });
    expect(f.outcome).toBe(outcome);
    expect(f.confidence.level).toBe(level);
    expect(f.reason.code).toBe(reason);
    const message = findingMessage(f);
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(/NaN|undefined/);
  });

  // se on the log scale from the 95 % interval 5 … 40 %: (ln 1.4 − ln 1.05) / 3.92 = 0.0734.
  const near: Assessment = { ...base, change: 0.22, interval: { lower: 0.05, upper: 0.4 } };
  const fewer: Assessment = { ...base, kind: 'throughput', statistic: 'rate', unit: 'req/s', limit: { kind: 'max-decrease', max: 0.15 }, change: -0.17, interval: { lower: -0.3, upper: -0.02 } };
  it.each([
    // ln 1.22 − 0.524 · 0.0734 = 0.160 < ln 1.2 = 0.182: beyond on the estimate, not at 70 % confidence.
    { what: 'a confirmed +22 % against +20 % warns at 70 % confidence', a: near, confidence: 0.7, outcome: 'warn', reason: 'near-limit' },
    { what: 'and fails when the estimate alone decides (0.5)', a: near, confidence: 0.5, outcome: 'fail', reason: 'confirmed' },
    // ln 1.30 − 0.524 · 0.079 = 0.221 > 0.182: clearly beyond.
    { what: 'a confirmed +30 % (interval 10 … 50 %) fails at 70 %', a: base, confidence: 0.7, outcome: 'fail', reason: 'confirmed' },
    { what: 'and still at 95 % it does not (0.262 − 1.645 · 0.079 = 0.132)', a: base, confidence: 0.95, outcome: 'warn', reason: 'near-limit' },
    // A decrease: ln 0.83 + 0.524 · 0.0874 = −0.1406 > ln 0.85 = −0.1625: not clearly below −15 %.
    { what: 'a confirmed −17 % throughput against −15 % warns at 70 %', a: fewer, confidence: 0.7, outcome: 'warn', reason: 'near-limit' },
    { what: 'and fails at 0.5', a: fewer, confidence: 0.5, outcome: 'fail', reason: 'confirmed' },
    { what: 'a suggestive change stays an unconfirmed warning', a: near, confidence: 0.7, adjusted: 0.08, outcome: 'warn', reason: 'unconfirmed' },
    { what: 'within the limit passes whatever the confidence', a: { ...base, change: 0.15, beyond: false }, confidence: 0.7, outcome: 'pass', reason: 'within-limit' },
  ])('limitConfidence: $what', ({ a, confidence, adjusted, outcome, reason }) => {
    const f = classify(a, adjusted ?? 0.01, { alpha: 0.05, limitConfidence: confidence });
    expect(f.outcome).toBe(outcome);
    expect(f.reason.code).toBe(reason);
    expect(findingMessage(f)).not.toMatch(/NaN|undefined/);
  });

  it('says why a confirmed change near its limit only warns', () => {
    const f = classify(near, 0.01, { alpha: 0.05, limitConfidence: 0.7 });
    expect(findingMessage(f)).toContain('too close to it to fail on');
  });

  it('names the endpoint, the change and the limit in the message', () => {
    const f = classify(base, 0.01, { alpha: 0.05, limitConfidence: 0.7 });
    expect(findingMessage(f)).toContain('GET /api/alerts');
    expect(findingMessage(f)).toContain('+30.0 %');
    expect(findingMessage(f)).toContain('+20 %');
    expect(f.severity).toBe('fail');
  });

  it('says when the tail moved away from the median', () => {
    const f = classify({ ...base, details: { tail: { fromMedian: 0.31 } } }, 0.01, { alpha: 0.05, limitConfidence: 0.7 });
    expect(findingMessage(f)).toContain('the tail moved away from the median: p(95)/median +31.0 %');
  });
});

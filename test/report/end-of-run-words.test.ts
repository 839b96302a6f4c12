import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/gate/verdict.js';
import { findingView, scopeRows } from '../../src/report/view.js';
import { findingMessage } from '../../src/report/words.js';

const finding: Finding = {
  outcome: 'fail',
  severity: 'fail',
  kind: 'latency',
  metric: 'http_req_duration{name:GET /api/alerts}',
  scope: { tag: 'name', value: 'GET /api/alerts' },
  statistic: 'med',
  unit: 'ms',
  baseline: 38.5,
  current: 57.7,
  change: 0.499,
  limit: { kind: 'max-increase', max: 0.2 },
  pValue: 0.0004,
  beyondLimit: true,
  confidence: { level: 'confirmed', interval: { lower: 0.31, upper: 0.71, confidence: 0.95 } },
  reason: { code: 'confirmed' },
  details: { compared: 'end-of-run' },
};

describe('the end of the run, in words', () => {
  it.each([
    {
      what: 'the last thirds compared',
      f: finding,
      text: "GET /api/alerts: typical response time at the end of the run +49.9 % (38.5 ms → 57.7 ms) is beyond the +20 % limit and confirmed, 95 % CI +31 … +71 % — last third of the run against the baseline's last third.",
    },
    {
      what: 'with where the run got slower',
      f: { ...finding, details: { compared: 'end-of-run' as const, changePoint: { atSeconds: 13.2, before: 38.9, after: 58.1, pValue: 0.001 } } },
      text: "GET /api/alerts: typical response time at the end of the run +49.9 % (38.5 ms → 57.7 ms) is beyond the +20 % limit and confirmed, 95 % CI +31 … +71 % — last third of the run against the baseline's last third; slower from 13 s on (38.9 ms → 58.1 ms, geometric means).",
    },
  ])('$what', ({ f, text }) => {
    expect(findingMessage(f)).toBe(text);
  });

  it("the technical line tells the last third's median from the whole run's", () => {
    expect(findingView(finding).statistic).toBe('med (last third)');
    expect(findingView({ ...finding, details: {} }).statistic).toBe('med');
  });

  it('a row decided by the end of the run says so in its change', () => {
    const row = {
      metric: finding.metric,
      scope: finding.scope!,
      latencyChange: 0.08,
      confidence: { level: 'none' as const },
      outcome: 'fail' as const,
      decidedBy: { kind: 'latency' as const, statistic: 'med', compared: 'end-of-run' as const, change: 0.499, confidence: finding.confidence },
    };
    expect(scopeRows([row])[0]!.change).toBe('+49.9 % median at the end');
  });
});

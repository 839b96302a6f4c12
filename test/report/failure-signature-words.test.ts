import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/gate/verdict.js';
import { findingMessage, headlineOf, limitText } from '../../src/report/words.js';

const limit = { kind: 'failure-signature', warnCount: 1, failCount: 10, failRate: 0.01 } as const;
function finding(outcome: 'fail' | 'warn', signature: NonNullable<Finding['details']>['signature']): Finding {
  return {
    outcome,
    severity: outcome,
    kind: 'failure-signature',
    metric: 'http_req_failed{name:POST /api/alerts}',
    scope: { tag: 'name', value: 'POST /api/alerts' },
    statistic: 'count',
    unit: 'count',
    baseline: 0,
    current: signature!.failed,
    limit,
    beyondLimit: true,
    confidence: { level: 'not-applicable' },
    reason: { code: 'new-signature' },
    details: { signature },
  };
}

describe('the words of a new failure signature', () => {
  it.each([
    {
      what: 'a fail',
      f: finding('fail', { status: '500', errorCode: '1500', failed: 14, share: 14 / 227, pChance: 0.5 ** 14, designEffect: 1 }),
      message: 'POST /api/alerts: 14 requests failed with status 500 (error_code 1500), 6.17 % of them; the baseline had none — beyond the fail limit of 10 requests and 1.00 %.',
    },
    {
      what: 'a first occurrence',
      f: finding('warn', { status: '500', errorCode: '1500', failed: 1, share: 1 / 220, pChance: 0.5, designEffect: 1 }),
      message: 'POST /api/alerts: 1 request failed with status 500 (error_code 1500), 0.455 % of them; the baseline had none — a new way of failing, to look at; it fails at 10 requests and 1.00 %.',
    },
    {
      what: 'enough to fail, but the baseline could have missed it',
      f: finding('warn', { status: '0', errorCode: '1211', failed: 12, share: 12 / 220, pChance: 0.35, designEffect: 1 }),
      message:
        'POST /api/alerts: 12 requests failed with status 0 (error_code 1211), 5.45 % of them; the baseline had none — a new way of failing, to look at; it fails at 10 requests and 1.00 %, but the baseline had too few requests (or the failures came in too few bursts) to be sure it would have shown one (p 0.35).',
    },
    {
      what: 'no status recorded',
      f: finding('warn', { failed: 2, share: 2 / 220, pChance: 0.25, designEffect: 1 }),
      message: 'POST /api/alerts: 2 requests failed with no status recorded, 0.909 % of them; the baseline had none — a new way of failing, to look at; it fails at 10 requests and 1.00 %.',
    },
  ])('$what', ({ f, message }) => {
    expect(findingMessage(f)).toBe(message);
  });

  it('words the limit and counts a fail in the headline by its endpoint', () => {
    expect(limitText(limit)).toBe('new failure signatures warn at 1 and fail at 10 requests and 1.00 %');
    const f = finding('fail', { status: '500', failed: 14, share: 0.06, pChance: 0.0001, designEffect: 1 });
    expect(headlineOf({ verdict: 'fail', stages: [{ stage: 'load', outcome: 'fail', currentRun: { start: '', durationSeconds: 20, partial: false, tool: 'k6' }, findings: [f], scopes: [], notes: [] }] })).toBe('1 breach in load: POST /api/alerts');
  });
});

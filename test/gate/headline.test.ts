import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/gate/report.js';
import { headlineOf } from '../../src/report/words.js';
import type { Finding, ScopeComparison, StageReport } from '../../src/gate/verdict.js';
import { scopeRows } from '../../src/report/view.js';
import { formatInUnit } from '../../src/report/words.js';

const finding = (outcome: Finding['outcome'], value: string | undefined, extra: Partial<Finding> = {}): Finding => ({
  outcome,
  severity: outcome === 'fail' ? 'fail' : outcome === 'warn' ? 'warn' : 'info',
  kind: 'latency',
  metric: value === undefined ? 'http_req_duration' : `http_req_duration{name:${value}}`,
  ...(value === undefined ? {} : { scope: { tag: 'name', value } }),
  statistic: 'med',
  unit: 'ms',
  limit: { kind: 'max-increase', max: 0.2 },
  confidence: { level: outcome === 'inconclusive' ? 'not-applicable' : 'confirmed' },
  reason: outcome === 'inconclusive' ? { code: 'not-judged', shortfall: extra.shortfall ?? 'other', detail: '…' } : { code: outcome === 'fail' ? 'confirmed' : 'within-limit' },
  ...extra,
});
const row = (value: string | undefined, outcome: ScopeComparison['outcome'], extra: Partial<ScopeComparison> = {}): ScopeComparison => ({
  metric: value === undefined ? 'http_req_duration' : `http_req_duration{name:${value}}`,
  ...(value === undefined ? {} : { scope: { tag: 'name', value } }),
  confidence: { level: outcome === 'inconclusive' ? 'not-applicable' : 'none' },
  outcome,
  ...extra,
});
const stage = (findings: Finding[], scopes: ScopeComparison[]): StageReport => ({
  stage: 'smoke',
  outcome: findings.some((f) => f.outcome === 'fail') ? 'fail' : 'pass',
  currentRun: { start: '2026-11-27T09:00:00Z', durationSeconds: 20, partial: false, tool: 'k6' },
  findings,
  scopes,
  notes: [],
});
const headline = (s: StageReport) => headlineOf(buildReport([s], new Date(0)));

describe('the headline', () => {
  it.each([
    { what: 'four places, several findings each: no ellipsis', places: ['A', 'B', 'C', 'D'], perPlace: 2, expected: '8 breaches in smoke: A, B, C, D' },
    { what: 'five places: the fifth is an ellipsis', places: ['A', 'B', 'C', 'D', 'E'], perPlace: 1, expected: '5 breaches in smoke: A, B, C, D, …' },
    { what: 'one place, one breach', places: ['A'], perPlace: 1, expected: '1 breach in smoke: A' },
  ])('$what', ({ places, perPlace, expected }) => {
    const findings = places.flatMap((p) => Array.from({ length: perPlace }, (_, i) => finding('fail', p, { statistic: i === 0 ? 'med' : 'p(95)' })));
    expect(headline(stage(findings, places.map((p) => row(p, 'fail'))))).toBe(expected);
  });

  it.each([
    {
      what: 'endpoints with too few requests are counted, not hidden behind a pass',
      findings: [finding('inconclusive', 'C', { shortfall: 'too-few-requests' }), finding('inconclusive', 'D', { shortfall: 'too-few-requests' })],
      rows: [row(undefined, 'pass'), row('A', 'pass'), row('B', 'pass'), row('C', 'inconclusive'), row('D', 'inconclusive')],
      expected: 'smoke: no regression beyond the limits, thresholds hold; 2 of 4 endpoints could not be judged (too few requests)',
    },
    {
      what: 'an endpoint judged on its median but not on its p95 is judged in part',
      findings: [finding('inconclusive', 'B', { statistic: 'p(95)', shortfall: 'too-few-requests' })],
      rows: [row(undefined, 'pass'), row('A', 'pass'), row('B', 'inconclusive', { confidence: { level: 'none' } })],
      expected: 'smoke: no regression beyond the limits, thresholds hold; 1 of 2 endpoints could be judged only in part (too few requests)',
    },
    {
      what: 'a preset threshold on a missing metric and a whole-run question',
      findings: [finding('inconclusive', undefined, { kind: 'threshold', metric: 'http_req_failed', shortfall: 'missing' }), finding('inconclusive', undefined, { kind: 'throughput', shortfall: 'too-short' })],
      rows: [row(undefined, 'pass'), row('A', 'pass')],
      expected: 'smoke: no regression beyond the limits, thresholds hold; 1 threshold could not be checked (missing from a run); throughput could not be judged (run too short)',
    },
  ])('$what', ({ findings, rows, expected }) => {
    expect(headline(stage(findings, rows))).toBe(expected);
  });
});

describe('a row shows the statistic that decided it', () => {
  it.each([
    {
      what: 'a p95 that failed while the median held',
      scope: row('A', 'fail', { latencyChange: 0.03, confidence: { level: 'none', interval: { lower: -0.05, upper: 0.1, confidence: 0.95 } }, decidedBy: { kind: 'latency', statistic: 'p(95)', change: 0.412, confidence: { level: 'confirmed', interval: { lower: 0.22, upper: 0.63, confidence: 0.95 } } } }),
      change: '+41.2 % p95',
      sure: 'confirmed (95 % CI +22 … +63 %)',
    },
    {
      what: 'an error rate from 0 (no relative change): percentage points',
      scope: row('A', 'fail', { latencyChange: 0.01, decidedBy: { kind: 'error-rate', statistic: 'rate', difference: 0.105, confidence: { level: 'confirmed' } } }),
      change: '+10.5 pts errors',
      sure: 'confirmed',
    },
    {
      what: 'a percentile that could not be judged',
      scope: row('A', 'inconclusive', { latencyChange: 0.02, decidedBy: { kind: 'latency', statistic: 'p(99)', change: 0.3, confidence: { level: 'not-applicable' }, shortfall: 'too-few-requests' } }),
      change: '+30.0 % p99',
      sure: 'not judged: too few requests',
    },
    {
      what: 'the typical latency, when it decided',
      scope: row('A', 'pass', { latencyChange: 0.021, confidence: { level: 'none', interval: { lower: -0.05, upper: 0.1, confidence: 0.95 } } }),
      change: '+2.1 %',
      sure: 'within noise (95 % CI −5.0 … +10 %)',
    },
  ])('$what', ({ scope, change, sure }) => {
    const [r] = scopeRows([scope]);
    expect(r!.change).toBe(change);
    expect(r!.sure).toBe(sure);
  });
});

describe('values carry their unit once', () => {
  it.each([
    { unit: 'req/s', value: 31.5, expected: '31.5 req/s' },
    { unit: 'per-second', value: 2.5, expected: '2.50 /s' },
    { unit: 'fraction', value: 0.05, expected: '5.00 %' },
    { unit: 'ms', value: 80.06, expected: '80.1 ms' },
    { unit: 'bytes', value: 168 * 1048576, expected: '168 MB' },
    { unit: 'count', value: 1234, expected: '1,234' },
  ] as const)('$unit: $value → $expected', ({ unit, value, expected }) => {
    expect(formatInUnit(unit, value)).toBe(expected);
  });
});

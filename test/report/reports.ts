/**
 * Hand-built Report objects shaped like what the gate writes for the k6 fixtures (numbers taken from
 * smoke-baseline and a smoke run with every /api/alerts endpoint 30 % slower).
 */

import type { Finding, Report, ScopeComparison, StageReport } from '../../src/gate/verdict.js';

const CI95 = (lower: number, upper: number) => ({ lower, upper, confidence: 0.95 });

export const alertsGetScope: ScopeComparison = {
  metric: 'http_req_duration{name:GET /api/alerts}',
  scope: { tag: 'name', value: 'GET /api/alerts' },
  baseline: { count: 230, p50: 38.510168, p95: 80.0635485, p99: 104.2, avg: 43.65, throughput: 11.3, errorRate: 0 },
  current: { count: 226, p50: 50.31, p95: 105.87, p99: 139.9, avg: 57.1, throughput: 11.1, errorRate: 0 },
  latencyChange: 0.297,
  confidence: { level: 'confirmed', interval: CI95(0.21, 0.38) },
  outcome: 'fail',
};

export const alertsPostScope: ScopeComparison = {
  metric: 'http_req_duration{name:POST /api/alerts}',
  scope: { tag: 'name', value: 'POST /api/alerts' },
  baseline: { count: 230, p50: 61.2, p95: 120.4, p99: 160.2, throughput: 11.3, errorRate: 0 },
  current: { count: 224, p50: 80.9, p95: 173.1, p99: 231.7, throughput: 11.0, errorRate: 0.0045 },
  latencyChange: 0.321,
  confidence: { level: 'confirmed', interval: CI95(0.24, 0.41) },
  outcome: 'fail',
};

export const wholeRunScope: ScopeComparison = {
  metric: 'http_req_duration',
  baseline: { count: 2119, p50: 20.119449, p95: 155.47791739999994, p99: 290.3, throughput: 104.2761502168324, errorRate: 0 },
  current: { count: 2087, p50: 21.4, p95: 171.2, p99: 325.8, throughput: 102.6, errorRate: 0.00048 },
  latencyChange: 0.064,
  confidence: { level: 'suggestive', interval: CI95(0.01, 0.12) },
  outcome: 'warn',
};

export const loginScope: ScopeComparison = {
  metric: 'http_req_duration{name:POST /api/auth/login}',
  scope: { tag: 'name', value: 'POST /api/auth/login' },
  baseline: { count: 230, p50: 12.4, p95: 25.1, p99: 31.9, throughput: 11.3, errorRate: 0 },
  current: { count: 226, p50: 12.5, p95: 24.8, p99: 33.0, throughput: 11.1, errorRate: 0 },
  latencyChange: 0.004,
  confidence: { level: 'none', interval: CI95(-0.03, 0.04) },
  outcome: 'pass',
};

export const dashboardScope: ScopeComparison = {
  metric: 'http_req_duration{name:GET /api/dashboard/metrics}',
  scope: { tag: 'name', value: 'GET /api/dashboard/metrics' },
  baseline: { count: 230, p50: 148.2, p95: 402.7, p99: 1180.4, throughput: 11.3, errorRate: 0 },
  current: { count: 226, p50: 161.9, p95: 451.3, p99: 1322.6, throughput: 11.1, errorRate: 0 },
  latencyChange: 0.09,
  confidence: { level: 'none', interval: CI95(-0.05, 0.22) },
  outcome: 'inconclusive',
};

export const alertsGetFinding: Finding = {
  outcome: 'fail',
  severity: 'fail',
  kind: 'latency',
  metric: 'http_req_duration{name:GET /api/alerts}',
  scope: { tag: 'name', value: 'GET /api/alerts' },
  statistic: 'p(95)',
  baseline: 80.0635485,
  current: 105.87,
  change: 0.322,
  unit: 'ms',
  limit: { kind: 'max-increase', max: 0.1 },
  pValue: 0.00002,
  confidence: { level: 'confirmed', interval: CI95(0.21, 0.38) },
  reason: { code: 'confirmed' },
};

export const alertsPostFinding: Finding = {
  outcome: 'fail',
  severity: 'fail',
  kind: 'latency',
  metric: 'http_req_duration{name:POST /api/alerts}',
  scope: { tag: 'name', value: 'POST /api/alerts' },
  statistic: 'p(95)',
  baseline: 120.4,
  current: 173.1,
  change: 0.438,
  unit: 'ms',
  limit: { kind: 'max-increase', max: 0.1 },
  pValue: 0.0003,
  confidence: { level: 'confirmed', interval: CI95(0.24, 0.41) },
  reason: { code: 'confirmed' },
};

export const wholeRunWarning: Finding = {
  outcome: 'warn',
  severity: 'warn',
  kind: 'latency',
  metric: 'http_req_duration',
  statistic: 'med',
  baseline: 20.119449,
  current: 21.4,
  change: 0.064,
  unit: 'ms',
  limit: { kind: 'max-increase', max: 0.05 },
  pValue: 0.031,
  confidence: { level: 'suggestive', interval: CI95(0.01, 0.12) },
  reason: { code: 'unconfirmed' },
};

export const throughputInfo: Finding = {
  outcome: 'pass',
  severity: 'info',
  kind: 'throughput',
  metric: 'http_reqs',
  statistic: 'throughput',
  baseline: 104.2761502168324,
  current: 102.6,
  change: -0.016,
  unit: 'req/s',
  limit: { kind: 'max-decrease', max: 0.15 },
  confidence: { level: 'not-applicable' },
  reason: { code: 'within-limit' },
};

const smokeBaselineRun = {
  start: '2026-11-24T09:12:03.118Z',
  durationSeconds: 20.3,
  partial: false,
  tool: 'k6',
  toolVersion: '0.49.0',
  gitSha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
};

/** The failing smoke stage: both /api/alerts endpoints regressed, the whole run warns, login passes. */
export const failingSmoke: StageReport = {
  stage: 'smoke',
  outcome: 'fail',
  baselineRun: smokeBaselineRun,
  currentRun: { ...smokeBaselineRun, start: '2026-11-25T14:40:51.004Z', durationSeconds: 20.4, gitSha: 'a81c0e2f9b7d5c3a1e0f8d6b4c2a0e9f7d5b3c1a' },
  findings: [throughputInfo, wholeRunWarning, alertsPostFinding, alertsGetFinding],
  // Deliberately not in display order: the renderer sorts.
  scopes: [loginScope, wholeRunScope, alertsGetScope, dashboardScope, alertsPostScope],
  notes: ['Thresholds of the k6 script were not evaluated: perf-gate compares runs, k6 checks limits.'],
};

/** A passing load stage, nothing changed. */
export const passingLoad: StageReport = {
  stage: 'load',
  outcome: 'pass',
  baselineRun: { ...smokeBaselineRun, durationSeconds: 30.1 },
  currentRun: { ...smokeBaselineRun, start: '2026-11-25T14:41:30.000Z', durationSeconds: 30.2 },
  findings: [],
  scopes: [{ ...loginScope, metric: 'http_req_duration' , scope: undefined }],
  notes: [],
};

/** An inconclusive stage: the current run was cut short, and the baseline is aggregate-only. */
export const inconclusiveAborted: StageReport = {
  stage: 'smoke-aborted',
  outcome: 'inconclusive',
  baselineRun: { ...smokeBaselineRun, tool: 'k6-summary' },
  currentRun: { start: '2026-11-25T14:42:10.000Z', durationSeconds: 6.2, partial: true, tool: 'k6', toolVersion: '0.49.0' },
  findings: [
    {
      outcome: 'inconclusive',
      severity: 'info',
      kind: 'data',
      metric: 'http_req_duration',
      statistic: 'count',
      baseline: 2119,
      current: 611,
      unit: 'count',
      limit: { kind: 'measured-in-both' },
      confidence: { level: 'not-applicable' },
      reason: { code: 'not-judged', shortfall: 'other', detail: 'the current run is partial (k6 was killed after 6.2 s); no comparison is trustworthy' },
      shortfall: 'other',
    },
  ],
  scopes: [{ ...dashboardScope, confidence: { level: 'not-applicable' }, latencyChange: undefined, outcome: 'inconclusive' }],
  notes: ['current run is partial', 'baseline is aggregate-only: distribution tests not applicable'],
};

/** An endurance stage that warns about memory growth, with a memory summary. */
export const warningEndurance: StageReport = {
  stage: 'endurance',
  outcome: 'warn',
  baselineRun: { ...smokeBaselineRun, durationSeconds: 120.4 },
  currentRun: { ...smokeBaselineRun, start: '2026-11-25T14:45:00.000Z', durationSeconds: 121.0 },
  findings: [
    {
      outcome: 'warn',
      severity: 'warn',
      kind: 'leak',
      metric: 'process_resident_memory_bytes',
      statistic: 'slope',
      baseline: 1.2,
      current: 96.5,
      unit: 'MB/h',
      limit: { kind: 'no-sustained-growth' },
      confidence: { level: 'suggestive' },
      reason: { code: 'unconfirmed' },
    },
  ],
  scopes: [{ ...loginScope, outcome: 'pass' }],
  memory: {
    baseline: { startBytes: 53_313_536, endBytes: 74_137_600, peakBytes: 74_137_600, slopeMBPerHour: 1.2, growth: 0.39 },
    current: { startBytes: 53_444_608, endBytes: 90_112_000, peakBytes: 90_400_768, slopeMBPerHour: 96.5, growth: 0.686 },
  },
  notes: [],
};

export function report(stages: readonly StageReport[], verdict: Report['verdict']): Report {
  const findings = stages.flatMap((s) => s.findings);
  const rank = { fail: 0, warn: 1, info: 2 } as const;
  return {
    schema: 'perf-gate/report@1',
    verdict,
    stages,
    findings: [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]),
    generatedAt: '2026-11-25T14:47:12.345Z',
  };
}

export const failingReport = report(
  [failingSmoke, passingLoad, inconclusiveAborted, warningEndurance],
  'fail',
);

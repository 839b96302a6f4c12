import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { checkPolicyAgainstRuns, checkPolicyBeforeRun } from '../../src/gate/check-policy.js';
import { compareRuns } from '../../src/gate/compare.js';
import { findingMessage } from '../../src/report/words.js';
import { lognormal, syntheticRun } from './synthetic.js';

const endpoints = {
  'GET /api/alerts': { latencies: lognormal(200, 40, 0.3, 1) },
  'POST /api/alerts': { latencies: lognormal(200, 25, 0.3, 2) },
};
const run = syntheticRun({ endpoints });
const policyOf = (config: unknown, stage = 'smoke') => resolvePolicy({ ...parseConfig(config), file: 'perf-gate.yml' }, stage);

function problems(config: unknown): string[] {
  try {
    const policy = policyOf(config);
    checkPolicyAgainstRuns(policy, { baseline: run, current: run }, policy.latencyMetric ?? 'http_req_duration');
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return [...err.issues];
  }
}

const thresholds = (t: Record<string, string[]>) => ({ stages: { smoke: { thresholds: t } } });

describe('a policy that names what no run has is a config error', () => {
  it.each([
    {
      what: 'a typo in a metric',
      config: thresholds({ htp_req_duration: ['p(95)<500'] }),
      expected: `perf-gate.yml: stages.smoke.thresholds["htp_req_duration"]: no run has the metric 'htp_req_duration' — did you mean 'http_req_duration'? (metrics in the runs: http_req_duration, http_req_failed, http_reqs)`,
    },
    {
      what: 'a typo in an endpoint of a submetric',
      config: thresholds({ 'http_req_duration{name:GET /api/alerst}': ['p(95)<500'] }),
      expected: `perf-gate.yml: stages.smoke.thresholds["http_req_duration{name:GET /api/alerst}"]: no point of 'http_req_duration' has name 'GET /api/alerst' — did you mean 'GET /api/alerts'? (name values in the runs: GET /api/alerts, POST /api/alerts)`,
    },
    {
      what: 'a submetric on a tag no point carries',
      config: thresholds({ 'http_req_duration{tenat:acme}': ['p(95)<500'] }),
      expected: `perf-gate.yml: stages.smoke.thresholds["http_req_duration{tenat:acme}"]: no point of 'http_req_duration' carries the tag 'tenat' — did you mean 'tenant'? (tags on http_req_duration: name, tenant)`,
    },
    {
      what: 'a percentile on a rate (k6 exits 104 on it)',
      config: thresholds({ http_req_failed: ['p(95)<0.01'] }),
      expected: `perf-gate.yml: stages.smoke.thresholds["http_req_failed"][0]: 'p(95)<0.01' does not fit 'http_req_failed', a rate metric: a rate takes rate, passes, fails (k6 itself refuses this threshold, exit 104)`,
    },
    {
      what: 'a rate on a trend',
      config: thresholds({ http_req_duration: ['rate<0.1'] }),
      expected: `perf-gate.yml: stages.smoke.thresholds["http_req_duration"][0]: 'rate<0.1' does not fit 'http_req_duration', a trend metric: a trend takes avg, min, max, med, p(N) (k6 itself refuses this threshold, exit 104)`,
    },
    {
      what: 'a value on a counter',
      config: thresholds({ http_reqs: ['value>1'] }),
      expected: `perf-gate.yml: stages.smoke.thresholds["http_reqs"][0]: 'value>1' does not fit 'http_reqs', a counter metric: a counter takes count, rate (k6 itself refuses this threshold, exit 104)`,
    },
    {
      what: 'groupBy on a tag no point carries',
      config: { groupBy: ['nmae'] },
      expected: `perf-gate.yml: groupBy: no request in the runs carries the tag 'nmae' — did you mean 'name'? (tags on http_req_duration: name, tenant) — without it no endpoint is judged on its own, only the whole run`,
    },
    {
      what: 'a latency metric no run has',
      config: { latencyMetric: 'http_req_duratoin' },
      expected: `perf-gate.yml: latencyMetric: no run has the metric 'http_req_duratoin' — did you mean 'http_req_duration'? (trends in the runs: http_req_duration) — set latencyMetric to the trend that times your requests`,
    },
    {
      what: 'a latency metric that is not a trend',
      config: { latencyMetric: 'http_reqs' },
      expected: `perf-gate.yml: latencyMetric: 'http_reqs' is a counter metric; the latency metric must be a trend (a duration per request), e.g. http_req_duration`,
    },
  ])('$what', ({ config, expected }) => {
    expect(problems(config)).toEqual([expected]);
  });

  it('lists every problem at once', () => {
    expect(problems({ groupBy: ['nmae'], ...thresholds({ htp_req_duration: ['p(95)<500'], http_req_failed: ['p(95)<1'] }) })).toHaveLength(3);
  });

  it('accepts a policy that names what the runs have', () => {
    expect(problems(thresholds({ 'http_req_duration{name:GET /api/alerts}': ['p(95)<500'], http_req_failed: ['rate<0.01', 'passes<5'], http_reqs: ['count>10', 'rate>1'] }))).toEqual([]);
  });

  it('a name only the baseline has is not an error but a failing finding', () => {
    const current = syntheticRun({ endpoints: { 'POST /api/alerts': endpoints['POST /api/alerts'] } });
    const policy = policyOf(thresholds({ 'http_req_duration{name:GET /api/alerts}': ['p(95)<500'] }));
    const report = compareRuns({ baseline: run, current, policy });
    const lost = report.findings.find((f) => f.metric === 'http_req_duration{name:GET /api/alerts}')!;
    expect(lost.outcome).toBe('fail');
    expect(findingMessage(lost)).toBe('http_req_duration{name:GET /api/alerts}: p(95)<500 fails: no point of the current run matches http_req_duration{name:GET /api/alerts}, while the baseline had 200.');
    expect(report.outcome).toBe('fail');
  });

  it('a grouping tag the current run lost fails the stage', () => {
    const current = syntheticRun({ endpoints, nameTag: false });
    const report = compareRuns({ baseline: run, current, policy: policyOf({}) });
    const lost = report.findings.find((f) => f.kind === 'data')!;
    expect(lost.outcome).toBe('fail');
    expect(findingMessage(lost)).toMatch(/no request of the current run carries the tag 'name', while 2 endpoints of the baseline did/);
  });

  it("a preset's threshold on a metric no run has is reported as not judged, not an error", () => {
    const wsOnly = { ...run, metrics: { http_req_duration: run.metrics['http_req_duration']! }, scopes: Object.fromEntries(Object.entries(run.scopes).filter(([k]) => k.startsWith('http_req_duration'))) };
    const report = compareRuns({ current: wsOnly, policy: resolvePolicy(parseConfig({}), 'smoke') });
    const preset = report.findings.find((f) => f.metric === 'http_req_failed')!;
    expect(preset.outcome).toBe('inconclusive');
    expect(preset.shortfall).toBe('missing');
    expect(findingMessage(preset)).toMatch(/the run has no 'http_req_failed' \(a preset SLO\)/);
  });

  it('the same threshold written in the config is an error', () => {
    const wsOnly = { ...run, metrics: { http_req_duration: run.metrics['http_req_duration']! }, scopes: Object.fromEntries(Object.entries(run.scopes).filter(([k]) => k.startsWith('http_req_duration'))) };
    expect(() => compareRuns({ current: wsOnly, policy: policyOf(thresholds({ http_req_failed: ['rate<0.01'] })) })).toThrow(/no run has the metric 'http_req_failed'/);
  });
});

describe('counters that appear only when something happened', () => {
  it('dropped_iterations absent from the runs is a count of 0, so its threshold holds', () => {
    const report = compareRuns({ baseline: run, current: run, policy: policyOf(thresholds({ dropped_iterations: ['count<1'] })) });
    const f = report.findings.find((x) => x.metric === 'dropped_iterations')!;
    expect(f.outcome).toBe('pass');
    expect(f.current).toBe(0);
  });

  it('an unknown name with no close match says how to show a custom metric that recorded nothing', () => {
    expect(problems(thresholds({ payment_errors: ['count<10'] }))[0]).toMatch(/no run has the metric 'payment_errors' \(metrics in the runs: .*\) — if 'payment_errors' is a custom metric that recorded nothing, add 0 to it once/);
  });
});

describe('checkPolicyBeforeRun: what can be told before a long load test', () => {
  const types = new Map([['http_req_failed', { type: 'rate' as const }], ['http_req_duration', { type: 'trend' as const }]]);
  it('refuses an aggregation that does not fit a built-in metric', () => {
    expect(() => checkPolicyBeforeRun(policyOf(thresholds({ http_req_failed: ['p(95)<0.01'] })), types)).toThrow(
      "perf-gate.yml: stages.smoke.thresholds[\"http_req_failed\"][0]: 'p(95)<0.01' does not fit 'http_req_failed', a rate metric",
    );
  });
  it('leaves names it cannot know to the check against the runs', () => {
    expect(() => checkPolicyBeforeRun(policyOf(thresholds({ my_metric: ['p(95)<1'], 'http_req_duration{name:GET /x}': ['p(95)<1'] })), types)).not.toThrow();
  });
});

describe('maxScopes in the gate', () => {
  it('a document with more endpoints than maxScopes is judged on the busiest, and says so', () => {
    const wide = syntheticRun({ endpoints: { A: { latencies: lognormal(60, 10, 0.2, 3) }, B: { latencies: lognormal(40, 10, 0.2, 4) }, C: { latencies: lognormal(20, 10, 0.2, 5) } } });
    const report = compareRuns({ baseline: wide, current: wide, policy: resolvePolicy(parseConfig({ maxScopes: 2 }), 'smoke') });
    expect(report.scopes.map((s) => s.scope?.value ?? 'all')).toEqual(['all', 'A', 'B']);
    expect(report.notes).toContain("3 values of 'name' are more than maxScopes (2): the 2 with the most requests are judged on their own, the other 1 only as part of the whole run.");
  });
});

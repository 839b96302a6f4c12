import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { K6_ROLES, type MetricRoles } from '../../src/document/roles.js';
import { compareRuns } from '../../src/gate/compare.js';
import { renameNote, withRunNames } from '../../src/gate/role-names.js';
import { IncomparableRunsError } from '../../src/gate/same-tool.js';
import { lognormal, syntheticRun } from './synthetic.js';

/** A tool with names of its own, as JMeter's reader records them. */
const JMETER: { name: string; roles: MetricRoles } = { name: 'jmeter', roles: { latency: 'elapsed', requests: 'samples', failures: 'failed' } };
/** A dotted vocabulary, as Artillery's. */
const ARTILLERY: { name: string; roles: MetricRoles } = { name: 'artillery', roles: { latency: 'http.response_time', requests: 'http.requests', failures: 'http.failed' } };

function runOf(tool: typeof JMETER | undefined, medianMs: number, seed: number, failEvery = 0) {
  return syntheticRun({
    ...(tool ? { tool } : {}),
    endpoints: {
      'GET /api/alerts': { latencies: lognormal(400, medianMs, 0.25, seed), failed: (i) => failEvery > 0 && i % failEvery === 0 },
      'GET /api/tenants': { latencies: lognormal(400, 20, 0.25, seed + 1) },
    },
  });
}

function policyWith(thresholds: Record<string, string[]>, extra: Record<string, unknown> = {}) {
  return resolvePolicy(parseConfig({ ...extra, stages: { smoke: { thresholds } } }), 'smoke');
}

describe('withRunNames: role names mean the tool’s own metrics', () => {
  it.each<{ what: string; tool: typeof JMETER; key: string; judgedAs: string }>([
    { what: "k6's latency name on a JMeter run", tool: JMETER, key: 'http_req_duration', judgedAs: 'elapsed' },
    { what: "k6's failures name, with a tag, on a JMeter run", tool: JMETER, key: 'http_req_failed{name:GET /api/alerts}', judgedAs: 'failed{name:GET /api/alerts}' },
    { what: 'the role word on a JMeter run', tool: JMETER, key: 'requests', judgedAs: 'samples' },
    { what: "the role word on Artillery's dotted names", tool: ARTILLERY, key: 'latency{name:GET /api/tenants}', judgedAs: 'http.response_time{name:GET /api/tenants}' },
    { what: "the tool's own name, as it is", tool: JMETER, key: 'elapsed', judgedAs: 'elapsed' },
    { what: 'a name that is no role, left for the policy check', tool: JMETER, key: 'iterations', judgedAs: 'iterations' },
  ])('$what', ({ tool, key, judgedAs }) => {
    const run = runOf(tool, 50, 1);
    const { policy } = withRunNames(policyWith({ [key]: ['p(95)<500'] }), tool.roles, [run]);
    expect(policy.thresholds.filter((t) => t.origin !== 'preset').map((t) => t.metric)).toEqual([judgedAs]);
  });

  it("renames the smoke preset's SLOs for JMeter, and says so in one note", () => {
    const run = runOf(JMETER, 50, 1);
    const { policy, renamed } = withRunNames(resolvePolicy(parseConfig({}), 'smoke'), JMETER.roles, [run]);
    expect(policy.thresholds.map((t) => t.metric)).toEqual(['elapsed', 'failed']);
    expect(renameNote(renamed, 'jmeter')).toBe("Thresholds on http_req_duration and http_req_failed were judged on jmeter's elapsed and failed (the same roles: latency and failures).");
  });

  it('leaves a k6 run’s names alone, and never renames a metric a run has (a script’s own Trend called latency)', () => {
    const k6 = runOf(undefined, 50, 1);
    expect(withRunNames(resolvePolicy(parseConfig({}), 'smoke'), K6_ROLES, [k6]).renamed).toEqual([]);
    const ownLatency = { ...k6, metrics: { ...k6.metrics, latency: { ...k6.metrics['http_req_duration']! } } };
    const { policy } = withRunNames(policyWith({ latency: ['p(95)<500'] }), K6_ROLES, [ownLatency]);
    expect(policy.thresholds.find((t) => t.origin !== 'preset')?.metric).toBe('latency');
  });

  it('renames the configured latency metric too', () => {
    const run = runOf(JMETER, 50, 1);
    const { policy } = withRunNames(policyWith({}, { latencyMetric: 'http_req_duration{name:GET /api/alerts}' }), JMETER.roles, [run]);
    expect(policy.latencyMetric).toBe('elapsed{name:GET /api/alerts}');
  });
});

describe('the same gate for every tool', () => {
  it("judges the smoke SLOs on a JMeter run: a 2 % error rate fails the preset's rate<0.001", () => {
    const report = compareRuns({ current: runOf(JMETER, 50, 3, 50), policy: resolvePolicy(parseConfig({}), 'smoke') });
    const slo = report.findings.filter((f) => f.kind === 'threshold');
    expect(slo.map((f) => [f.metric, f.outcome])).toContainEqual(['failed', 'fail']);
    expect(report.notes.join('\n')).toContain("judged on jmeter's elapsed and failed");
  });

  it('catches a slower endpoint of a JMeter run against a JMeter baseline, and passes the same code', () => {
    const policy = resolvePolicy(parseConfig({}), 'smoke');
    const slow = compareRuns({ baseline: runOf(JMETER, 50, 5), current: runOf(JMETER, 75, 6), policy });
    expect(slow.outcome).toBe('fail');
    const named = slow.findings.filter((f) => f.outcome === 'fail' && f.kind === 'latency').map((f) => f.scope?.value);
    expect(named).toContain('GET /api/alerts');
    expect(named).not.toContain('GET /api/tenants');
    expect(compareRuns({ baseline: runOf(JMETER, 50, 5), current: runOf(JMETER, 50, 7), policy }).outcome).toBe('pass');
  });

  it('still stops on a typo in a threshold of a JMeter run (no role, no metric)', () => {
    expect(() => compareRuns({ current: runOf(JMETER, 50, 3), policy: policyWith({ elapsd: ['p(95)<500'] }) })).toThrow(ConfigError);
  });

  it('refuses to compare a JMeter run with a k6 baseline, naming both tools', () => {
    const policy = resolvePolicy(parseConfig({}), 'smoke');
    expect(() => compareRuns({ baseline: runOf(undefined, 50, 5), current: runOf(JMETER, 50, 6), policy })).toThrow(IncomparableRunsError);
    expect(() => compareRuns({ baseline: runOf(undefined, 50, 5), current: runOf(JMETER, 50, 6), policy })).toThrow(/baseline was measured with k6 and the current run with jmeter/);
  });
});

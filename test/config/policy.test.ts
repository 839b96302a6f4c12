import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { resolvePolicy, type EndurancePolicy, type RegressionPolicy, type StagePolicy } from '../../src/config/policy.js';
import { defaultConfig, parseConfig } from '../../src/config/schema.js';
import { formatThreshold } from '../../src/config/threshold.js';

/** A policy's thresholds as `{ metric: ['p(95)<500', …] }`, in order. */
function slos(policy: StagePolicy): Record<string, string[]> {
  return Object.fromEntries(policy.thresholds.map((t) => [t.metric, t.expressions.map((e) => formatThreshold(e))]));
}

const REGRESSION: RegressionPolicy = {
  latency: { maxIncrease: 0.2, statistics: ['med', 'p(95)'] },
  throughput: { maxDecrease: 0.15 },
  errorRate: { maxIncrease: 0.5, absoluteFloor: 0.001 },
  failureSignatures: { warnCount: 1, failCount: 10, failRate: 0.01 },
  memory: { maxIncrease: 0.25 },
};
const ENDURANCE: EndurancePolicy = { memoryGrowth: 0.05, degradation: 0.1, leak: true, warmupSeconds: 30 };

describe('presets when the config is silent', () => {
  it.each<{ stage: string; thresholds: Record<string, string[]>; endurance: EndurancePolicy | undefined }>([
    { stage: 'smoke', thresholds: { http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.001'] }, endurance: undefined },
    { stage: 'load', thresholds: { http_req_duration: ['p(95)<1000'], http_req_failed: ['rate<0.01'] }, endurance: undefined },
    { stage: 'stress', thresholds: {}, endurance: undefined },
    { stage: 'spike', thresholds: {}, endurance: undefined },
    { stage: 'endurance', thresholds: {}, endurance: ENDURANCE },
  ])('$stage', ({ stage, thresholds, endurance }) => {
    const policy = resolvePolicy(defaultConfig(), stage);
    expect(policy.stage).toBe(stage);
    expect(slos(policy)).toEqual(thresholds);
    expect(policy.regression).toEqual(REGRESSION);
    expect(policy.endurance).toEqual(endurance);
    expect('endurance' in policy).toBe(endurance !== undefined);
  });

  it('carries the top-level settings', () => {
    const policy = resolvePolicy(parseConfig({ groupBy: ['name', 'tenant'], alpha: 0.01, window: '30s', minSamples: 5 }), 'smoke');
    expect(policy).toMatchObject({
      groupBy: ['name', 'tenant'],
      window: 30,
      alpha: 0.01,
      multipleComparisons: 'holm',
      runToRunNoise: 0.03,
      minSamples: 5,
      acceptLabel: 'perf-gate:accept',
    });
    // Not set: the gate judges the tool's own request latency (k6: http_req_duration).
    expect(policy.latencyMetric).toBeUndefined();
    expect(resolvePolicy(parseConfig({ latencyMetric: 'http_req_duration{expected_response:true}' }), 'smoke').latencyMetric).toBe('http_req_duration{expected_response:true}');
  });

  it('parsed preset thresholds are the k6 expressions', () => {
    expect(resolvePolicy(defaultConfig(), 'smoke').thresholds[0]).toEqual({
      metric: 'http_req_duration',
      expressions: [{ source: 'p(95)<500', aggregation: { kind: 'percentile', p: 95 }, operator: '<', value: 500, abortOnFail: false }],
      origin: 'preset',
    });
  });

  it('thresholds say where they come from: the preset, or the config file', () => {
    const policy = resolvePolicy(parseConfig({ stages: { smoke: { thresholds: { http_reqs: ['rate>10'] } } } }), 'smoke');
    expect(policy.thresholds.map((t) => [t.metric, t.origin])).toEqual([
      ['http_req_duration', 'preset'],
      ['http_req_failed', 'preset'],
      ['http_reqs', 'config'],
    ]);
  });

  it('a custom stage without extends gets smoke’s rules without its SLOs', () => {
    const policy = resolvePolicy(parseConfig({ stages: { checkout: {} } }), 'checkout');
    expect(slos(policy)).toEqual({});
    expect(policy.regression).toEqual(REGRESSION);
    expect(policy.endurance).toBeUndefined();
  });
});

describe('merging the config over the preset', () => {
  it.each<{ what: string; thresholds: Record<string, unknown>; expected: Record<string, string[]> }>([
    {
      what: 'a metric the preset has is replaced',
      thresholds: { http_req_duration: ['p(95)<300', 'p(99)<800'] },
      expected: { http_req_duration: ['p(95)<300', 'p(99)<800'], http_req_failed: ['rate<0.001'] },
    },
    {
      what: 'a new metric is added after the preset’s',
      thresholds: { http_reqs: ['rate>100'] },
      expected: { http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.001'], http_reqs: ['rate>100'] },
    },
    {
      what: 'a submetric is its own metric',
      thresholds: { 'http_req_duration{name:GET /api/alerts}': ['p(95)<300'] },
      expected: { http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.001'], 'http_req_duration{name:GET /api/alerts}': ['p(95)<300'] },
    },
    {
      what: 'an empty list removes the preset’s thresholds for that metric',
      thresholds: { http_req_failed: [] },
      expected: { http_req_duration: ['p(95)<500'] },
    },
  ])('$what', ({ thresholds, expected }) => {
    expect(slos(resolvePolicy(parseConfig({ stages: { smoke: { thresholds } } }), 'smoke'))).toEqual(expected);
  });

  it('regression limits merge field by field', () => {
    const policy = resolvePolicy(
      parseConfig({ stages: { load: { regression: { latency: { maxIncrease: '10%' }, errorRate: { absoluteFloor: 0.005 }, failureSignatures: { failCount: 5 } } } } }),
      'load',
    );
    expect(policy.regression).toEqual({
      latency: { maxIncrease: 0.1, statistics: ['med', 'p(95)'] },
      throughput: { maxDecrease: 0.15 },
      errorRate: { maxIncrease: 0.5, absoluteFloor: 0.005 },
      failureSignatures: { warnCount: 1, failCount: 5, failRate: 0.01 },
      memory: { maxIncrease: 0.25 },
    });
  });

  it('endurance settings merge over the endurance preset', () => {
    const policy = resolvePolicy(parseConfig({ stages: { endurance: { endurance: { leak: false, warmupSeconds: '1m' } } } }), 'endurance');
    expect(policy.endurance).toEqual({ ...ENDURANCE, leak: false, warmupSeconds: 60 });
  });

  it('endurance settings on another stage start from the endurance defaults', () => {
    const policy = resolvePolicy(parseConfig({ stages: { load: { endurance: { degradation: 0.2 } } } }), 'load');
    expect(policy.endurance).toEqual({ ...ENDURANCE, degradation: 0.2 });
  });

  it('resolving does not change the config or the presets', () => {
    const config = parseConfig({ stages: { smoke: { thresholds: { http_reqs: ['rate>100'] } } } });
    const before = JSON.stringify(config);
    const policy = resolvePolicy(config, 'smoke');
    policy.thresholds.length = 0;
    policy.regression.latency.statistics.push('avg');
    expect(JSON.stringify(config)).toBe(before);
    expect(resolvePolicy(config, 'smoke').thresholds).toHaveLength(3);
    expect(resolvePolicy(defaultConfig(), 'load').regression.latency.statistics).toEqual(['med', 'p(95)']);
  });
});

describe('extends', () => {
  it('a custom stage extends a preset and overrides it', () => {
    const config = parseConfig({
      stages: { checkout: { extends: 'load', thresholds: { http_req_duration: ['p(95)<800'] }, regression: { throughput: { maxDecrease: 0.05 } } } },
    });
    const policy = resolvePolicy(config, 'checkout');
    expect(slos(policy)).toEqual({ http_req_duration: ['p(95)<800'], http_req_failed: ['rate<0.01'] });
    expect(policy.regression.throughput.maxDecrease).toBe(0.05);
    expect(policy.regression.latency.maxIncrease).toBe(0.2);
  });

  it('extending a preset includes the config’s changes to that preset', () => {
    const config = parseConfig({
      stages: { load: { thresholds: { http_reqs: ['rate>100'] } }, soak: { extends: 'endurance' }, peak: { extends: 'load' } },
    });
    expect(slos(resolvePolicy(config, 'peak'))).toEqual({ http_req_duration: ['p(95)<1000'], http_req_failed: ['rate<0.01'], http_reqs: ['rate>100'] });
    expect(resolvePolicy(config, 'soak').endurance).toEqual(ENDURANCE);
  });

  it('chains through custom stages', () => {
    const config = parseConfig({
      stages: {
        base: { extends: 'smoke', regression: { memory: { maxIncrease: 0.1 } } },
        api: { extends: 'base', thresholds: { http_req_failed: ['rate<0.05'] } },
      },
    });
    const policy = resolvePolicy(config, 'api');
    expect(slos(policy)).toEqual({ http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.05'] });
    expect(policy.regression.memory.maxIncrease).toBe(0.1);
  });
});

describe('unknown stages', () => {
  it.each([
    {
      what: 'a typo of a preset',
      config: defaultConfig(),
      stage: 'smok',
      message:
        `unknown stage 'smok' — did you mean 'smoke'? Known stages: 'smoke', 'load', 'stress', 'spike' and 'endurance'. ` +
        `Use one of them, or define 'smok' under 'stages:' in perf-gate.yml.`,
    },
    {
      what: 'nothing close, custom stages listed',
      config: parseConfig({ stages: { checkout: {} } }),
      stage: 'soak',
      message:
        `unknown stage 'soak'. Known stages: 'smoke', 'load', 'stress', 'spike', 'endurance' and 'checkout'. ` +
        `Use one of them, or define 'soak' under 'stages:' in perf-gate.yml.`,
    },
  ])('$what', ({ config, stage, message }) => {
    let error: unknown;
    try {
      resolvePolicy(config, stage);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(message);
    expect((error as ConfigError).issues).toEqual([message]);
    expect((error as ConfigError).path).toBe('stages');
  });

  it('a hand-built config with a cycle fails instead of looping', () => {
    const config = { ...defaultConfig(), stages: { a: { extends: 'b' }, b: { extends: 'a' } } };
    expect(() => resolvePolicy(config, 'a')).toThrow(`stages.a.extends: 'a' extends itself (a → b → a) — remove one 'extends'`);
  });

  it('a hand-built config extending an unknown stage fails', () => {
    const config = { ...defaultConfig(), stages: { a: { extends: 'zzz' } } };
    expect(() => resolvePolicy(config, 'a')).toThrow(/^stages\.a\.extends: unknown stage 'zzz'\. Known stages: /);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigIssue } from '../../src/config/errors.js';
import { defaultConfig, parseConfig, validateConfig, type PerfGateConfig } from '../../src/config/schema.js';

/** The error lines a config produces (no file, so no locations). */
function problems(raw: unknown): string[] {
  const result = validateConfig(raw);
  return result.ok ? [] : result.issues.map((issue) => formatConfigIssue(issue));
}

describe('runToRunNoiseMs', () => {
  it.each([
    { raw: 0.1, ms: 0.1 },
    { raw: '0.25ms', ms: 0.25 },
    { raw: 0, ms: 0 },
  ])('reads $raw as $ms ms', ({ raw, ms }) => {
    expect(parseConfig({ runToRunNoiseMs: raw }).runToRunNoiseMs).toBe(ms);
  });

  it.each([-1, '2s', 'fast'])('refuses %s, saying what it expects', (raw) => {
    expect(problems({ runToRunNoiseMs: raw }).join('\n')).toContain('expected milliseconds ≥ 0');
  });
});

describe('defaults', () => {
  it('an empty config is the defaults', () => {
    const expected: PerfGateConfig = {
      version: 1,
      groupBy: ['name'],
      window: 'auto',
      maxScopes: 500,
      alpha: 0.05,
      multipleComparisons: 'holm',
      limitConfidence: 0.7,
      runToRunNoise: 0.03,
      runToRunNoiseMs: 0.05,
      tailShapeNoise: 0.015,
      minSamples: 20,
      coverage: { missing: 'warn' },
      noiseLearning: { enabled: true, priorRuns: 4 },
      baselineRuns: 5,
      acceptLabel: 'perf-gate:accept',
      stages: {},
    };
    expect(defaultConfig()).toEqual(expected);
    expect(parseConfig({})).toEqual(expected);
    expect(parseConfig(null)).toEqual(expected);
    expect(parseConfig(undefined)).toEqual(expected);
  });

  it('defaults are fresh objects', () => {
    const a = defaultConfig();
    a.groupBy.push('tenant');
    expect(defaultConfig().groupBy).toEqual(['name']);
  });

  it('keeps what is set', () => {
    const config = parseConfig({
      groupBy: ['name', 'tenant'],
      window: 10,
      alpha: 0.01,
      multipleComparisons: 'bh',
      runToRunNoise: 0.05,
      minSamples: 50,
      latencyMetric: 'http_req_duration{expected_response:true}',
      acceptLabel: 'perf-ok',
    });
    expect(config).toMatchObject({
      groupBy: ['name', 'tenant'],
      window: 10,
      alpha: 0.01,
      multipleComparisons: 'bh',
      runToRunNoise: 0.05,
      minSamples: 50,
      latencyMetric: 'http_req_duration{expected_response:true}',
      acceptLabel: 'perf-ok',
    });
  });

  it('an empty stages: or stage entry (YAML null) means no changes', () => {
    expect(parseConfig({ stages: null }).stages).toEqual({});
    expect(parseConfig({ stages: { smoke: null, load: null } }).stages).toEqual({ smoke: {}, load: {} });
  });

  it('groupBy may be a single tag or empty', () => {
    expect(parseConfig({ groupBy: 'tenant' }).groupBy).toEqual(['tenant']);
    expect(parseConfig({ groupBy: [] }).groupBy).toEqual([]);
  });
});

describe('unknown keys: did you mean', () => {
  it.each([
    { what: 'misspelt stage key', raw: { stages: { smoke: { regresion: {} } } }, line: `stages.smoke.regresion: unknown key — did you mean 'regression'?` },
    { what: 'transposed top-level key', raw: { alpah: 0.1 }, line: `alpah: unknown key — did you mean 'alpha'?` },
    { what: 'singular stages', raw: { stage: {} }, line: `stage: unknown key — did you mean 'stages'?` },
    { what: 'misspelt tail noise', raw: { tailShapeNose: 0.01 }, line: `tailShapeNose: unknown key — did you mean 'tailShapeNoise'?` },
    { what: 'wrong case', raw: { groupby: ['name'] }, line: `groupby: unknown key — did you mean 'groupBy'?` },
    {
      what: 'misspelt regression kind',
      raw: { stages: { load: { regression: { latncy: { maxIncrease: 0.1 } } } } },
      line: `stages.load.regression.latncy: unknown key — did you mean 'latency'?`,
    },
    {
      what: 'misspelt limit',
      raw: { stages: { load: { regression: { throughput: { maxDecrease: 0.1, maxDecreas: 0.2 } } } } },
      line: `stages.load.regression.throughput.maxDecreas: unknown key — did you mean 'maxDecrease'?`,
    },
    {
      what: 'misspelt failure-signature key',
      raw: { stages: { load: { regression: { failureSignatures: { failcount: 5 } } } } },
      line: `stages.load.regression.failureSignatures.failcount: unknown key — did you mean 'failCount'?`,
    },
    {
      what: 'misspelt endurance key',
      raw: { stages: { endurance: { endurance: { memoryGrowht: 0.1 } } } },
      line: `stages.endurance.endurance.memoryGrowht: unknown key — did you mean 'memoryGrowth'?`,
    },
    {
      what: 'misspelt key in k6 object form (the missing threshold is not reported twice)',
      raw: { stages: { smoke: { thresholds: { http_req_duration: [{ treshold: 'p(95)<500' }] } } } },
      line: `stages.smoke.thresholds["http_req_duration"][0].treshold: unknown key — did you mean 'threshold'?`,
    },
    {
      what: 'stage key at the top level',
      raw: { thresholds: {} },
      line:
        `thresholds: unknown key here — 'thresholds' belongs under stages.<stage>.thresholds; allowed here: 'version', 'groupBy', 'window', ` +
        `'maxScopes', 'alpha', 'multipleComparisons', 'limitConfidence', 'runToRunNoise', 'runToRunNoiseMs', 'tailShapeNoise', 'minSamples', 'coverage', 'noiseLearning', 'baselineRuns', 'latencyMetric', 'acceptLabel', 'workload' or 'stages'`,
    },
    {
      what: 'nothing close',
      raw: { stages: { smoke: { colour: 'blue' } } },
      line: `stages.smoke.colour: unknown key — allowed here: 'extends', 'thresholds', 'regression', 'endurance', 'sequential' or 'workload'`,
    },
  ])('$what', ({ raw, line }) => {
    expect(problems(raw)).toEqual([line]);
  });
});

describe('bad values name the path, the value and what is expected', () => {
  it.each([
    {
      what: 'a word for a fraction',
      raw: { stages: { load: { regression: { latency: { maxIncrease: 'fast' } } } } },
      line: `stages.load.regression.latency.maxIncrease: expected a number > 0 or a percentage such as "20%", got "fast"`,
    },
    {
      what: 'a negative fraction',
      raw: { stages: { load: { regression: { latency: { maxIncrease: -0.2 } } } } },
      line: `stages.load.regression.latency.maxIncrease: expected a number > 0 or a percentage such as "20%", got -0.2`,
    },
    {
      what: 'a negative tail shape noise',
      raw: { tailShapeNoise: -0.01 },
      line: `tailShapeNoise: expected a number ≥ 0 or a percentage such as "1.5%", got -0.01`,
    },
    {
      what: 'a fraction for a failure count',
      raw: { stages: { load: { regression: { failureSignatures: { warnCount: 0.5 } } } } },
      line: `stages.load.regression.failureSignatures.warnCount: expected a whole number ≥ 1, got 0.5`,
    },
    {
      what: 'a failure-signature rate above 100 %',
      raw: { stages: { load: { regression: { failureSignatures: { failRate: '150%' } } } } },
      line: `stages.load.regression.failureSignatures.failRate: expected a number ≥ 0 and ≤ 1 or a percentage such as "1%", got "150%"`,
    },
    {
      what: 'a fraction as a numeric string',
      raw: { stages: { load: { regression: { memory: { maxIncrease: '0.25' } } } } },
      line: `stages.load.regression.memory.maxIncrease: expected a number > 0 or a percentage such as "25%", got "0.25"`,
    },
    {
      what: 'throughput drop above 100 %',
      raw: { stages: { load: { regression: { throughput: { maxDecrease: '150%' } } } } },
      line: `stages.load.regression.throughput.maxDecrease: expected a number > 0 and ≤ 1 or a percentage such as "15%", got "150%"`,
    },
    {
      what: 'alpha of 1',
      raw: { alpha: 1 },
      line: `alpha: expected a number between 0 and 1 (exclusive) or a percentage such as "5%", got 1`,
    },
    { what: 'negative noise', raw: { runToRunNoise: -0.01 }, line: `runToRunNoise: expected a number ≥ 0 or a percentage such as "3%", got -0.01` },
    { what: 'fractional minSamples', raw: { minSamples: 2.5 }, line: `minSamples: expected a whole number ≥ 1, got 2.5` },
    { what: 'a misspelt coverage key', raw: { coverage: { mising: 'fail' } }, line: `coverage.mising: unknown key — did you mean 'missing'?` },
    { what: 'a misspelt coverage choice', raw: { coverage: { missing: 'fial' } }, line: `coverage.missing: expected 'warn', 'fail' or 'ignore', got "fial" — did you mean 'fail'?` },
    { what: 'zero minSamples', raw: { minSamples: 0 }, line: `minSamples: expected a whole number ≥ 1, got 0` },
    {
      what: 'window word',
      raw: { window: 'soon' },
      line: `window: expected 'auto', a number of seconds > 0 or a duration such as "30s", got "soon"`,
    },
    { what: 'window zero', raw: { window: 0 }, line: `window: expected 'auto', a number of seconds > 0 or a duration such as "30s", got 0` },
    {
      what: 'unknown correction',
      raw: { multipleComparisons: 'bonferroni' },
      line: `multipleComparisons: expected 'holm', 'bh' or 'none', got "bonferroni"`,
    },
    {
      what: 'correction in capitals',
      raw: { multipleComparisons: 'Holm' },
      line: `multipleComparisons: expected 'holm', 'bh' or 'none', got "Holm" — did you mean 'holm'?`,
    },
    { what: 'version 2', raw: { version: 2 }, line: `version: this perf-gate reads config version 1, got 2 — write 'version: 1'` },
    { what: 'groupBy number', raw: { groupBy: [3] }, line: `groupBy[0]: expected a tag name (a non-empty string), got 3` },
    { what: 'groupBy twice', raw: { groupBy: ['name', 'name'] }, line: `groupBy[1]: "name" is listed twice — remove one` },
    {
      what: 'latencyMetric with a dash',
      raw: { latencyMetric: 'http-req-duration' },
      line: `latencyMetric: 'http-req-duration' is not a k6 metric selector — 'http-req-duration' is not a metric name (letters, digits and '_', dots inside, not starting with a digit), e.g. 'http_req_duration{name:GET /api/alerts}'`,
    },
    { what: 'empty label', raw: { acceptLabel: '' }, line: `acceptLabel: expected a label name (a non-empty string without surrounding spaces), got ""` },
    { what: 'stages as a list', raw: { stages: ['smoke'] }, line: `stages: expected a mapping (key: value), got ["smoke"]` },
    { what: 'leak as a word', raw: { stages: { endurance: { endurance: { leak: 'yes' } } } }, line: `stages.endurance.endurance.leak: expected true or false, got "yes"` },
    {
      what: 'warm-up as a word',
      raw: { stages: { endurance: { endurance: { warmupSeconds: 'a while' } } } },
      line: `stages.endurance.endurance.warmupSeconds: expected a number of seconds ≥ 0 or a duration such as "30s", got "a while"`,
    },
    {
      what: 'statistic p95',
      raw: { stages: { smoke: { regression: { latency: { statistics: ['med', 'p95'] } } } } },
      line: `stages.smoke.regression.latency.statistics[1]: expected 'med', 'avg' or 'p(N)' with 0 < N ≤ 100, got "p95" — did you mean 'p(95)'?`,
    },
    {
      what: 'statistic max',
      raw: { stages: { smoke: { regression: { latency: { statistics: ['max'] } } } } },
      line: `stages.smoke.regression.latency.statistics[0]: expected 'med', 'avg' or 'p(N)' with 0 < N ≤ 100, got "max"`,
    },
    {
      what: 'statistic twice (after canonicalising)',
      raw: { stages: { smoke: { regression: { latency: { statistics: ['p(95)', 'p(95.0)'] } } } } },
      line: `stages.smoke.regression.latency.statistics[1]: 'p(95)' is listed twice — remove one`,
    },
    {
      what: 'no statistics',
      raw: { stages: { smoke: { regression: { latency: { statistics: [] } } } } },
      line: `stages.smoke.regression.latency.statistics: expected a non-empty list such as [med, "p(95)"], got []`,
    },
    {
      what: 'stage name with a space',
      raw: { stages: { 'my stage': {} } },
      line: `stages["my stage"]: stage names use letters, digits, '_', '-' and '.', got "my stage"`,
    },
    { what: 'not a mapping at all', raw: [1, 2], line: `expected a mapping of perf-gate settings (version, groupBy, stages, …), got [1,2]` },
  ])('$what', ({ raw, line }) => {
    expect(problems(raw)).toEqual([line]);
  });
});

describe('thresholds in the config', () => {
  it.each([
    {
      what: 'not k6 grammar',
      thresholds: { http_req_duration: ['p95<500'] },
      line: `stages.smoke.thresholds["http_req_duration"][0]: 'p95<500' is not a k6 threshold — expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`,
    },
    {
      what: 'a number instead of a threshold in a list',
      thresholds: { http_req_duration: ['p(95)<500', 5] },
      line: `stages.smoke.thresholds["http_req_duration"][1]: expected a k6 threshold such as 'p(95)<500' or { threshold: 'p(95)<500', abortOnFail: true }, got 5`,
    },
    {
      what: 'a number instead of a list',
      thresholds: { checks: 5 },
      line: `stages.smoke.thresholds["checks"]: expected a list of k6 thresholds such as ['p(95)<500'], got 5`,
    },
    {
      what: 'object form with a bad flag',
      thresholds: { http_req_failed: [{ threshold: 'rate<0.01', abortOnFail: 'yes' }] },
      line: `stages.smoke.thresholds["http_req_failed"][0].abortOnFail: expected true or false, got "yes"`,
    },
    {
      what: 'object form with bad grammar',
      thresholds: { http_req_failed: [{ threshold: 'rate<1%' }] },
      line: `stages.smoke.thresholds["http_req_failed"][0].threshold: 'rate<1%' is not a k6 threshold — '1%' is not a number; k6 compares plain numbers (durations in milliseconds, rates as fractions), e.g. 'p(95)<500', 'rate<0.01'`,
    },
    {
      what: 'object form with a bad delay',
      thresholds: { http_req_failed: [{ threshold: 'rate<0.01', delayAbortEval: 'later' }] },
      line: `stages.smoke.thresholds["http_req_failed"][0].delayAbortEval: expected a k6 duration such as "10s", got "later"`,
    },
    {
      what: 'bad submetric key',
      thresholds: { 'http_req_duration{name}': ['p(95)<500'] },
      line: `stages.smoke.thresholds["http_req_duration{name}"]: 'http_req_duration{name}' is not a k6 metric selector — 'name' is not tag:value, e.g. 'http_req_duration{name:GET /api/alerts}'`,
    },
    {
      what: 'the same submetric written twice',
      thresholds: { 'http_req_duration{name:GET /x}': ['p(95)<500'], 'http_req_duration{ name: GET /x }': ['p(99)<900'] },
      line: `stages.smoke.thresholds["http_req_duration{ name: GET /x }"]: the same metric as "http_req_duration{name:GET /x}" — put all its thresholds in one list`,
    },
  ])('$what', ({ thresholds, line }) => {
    expect(problems({ stages: { smoke: { thresholds } } })).toEqual([line]);
  });

  it('parses strings, k6 object form and single entries, with canonical metric keys', () => {
    const config = parseConfig({
      stages: {
        smoke: {
          thresholds: {
            http_req_duration: ['p(95)<500', { threshold: 'p(99) < 900', abortOnFail: true, delayAbortEval: '10s' }],
            'http_req_duration{ name: GET /api/alerts }': 'p(95)<300',
            checks: { threshold: 'rate>0.99' },
          },
        },
      },
    });
    const thresholds = config.stages.smoke?.thresholds ?? [];
    expect(thresholds.map((t) => t.metric)).toEqual(['http_req_duration', 'http_req_duration{name:GET /api/alerts}', 'checks']);
    expect(thresholds[0]?.expressions).toEqual([
      { source: 'p(95)<500', aggregation: { kind: 'percentile', p: 95 }, operator: '<', value: 500, abortOnFail: false },
      { source: 'p(99) < 900', aggregation: { kind: 'percentile', p: 99 }, operator: '<', value: 900, abortOnFail: true },
    ]);
    expect(thresholds[1]?.expressions.map((e) => e.source)).toEqual(['p(95)<300']);
    expect(thresholds[2]?.expressions.map((e) => e.source)).toEqual(['rate>0.99']);
  });
});

describe('percentages and durations', () => {
  const regressionOf = (raw: Record<string, unknown>) => parseConfig({ stages: { load: { regression: raw } } }).stages.load?.regression;
  it.each([
    { what: '"20%"', raw: { latency: { maxIncrease: '20%' } }, expected: { latency: { maxIncrease: 0.2 } } },
    { what: '"12.5%"', raw: { latency: { maxIncrease: '12.5%' } }, expected: { latency: { maxIncrease: 0.125 } } },
    { what: 'spaces " 15 % "', raw: { throughput: { maxDecrease: ' 15 % ' } }, expected: { throughput: { maxDecrease: 0.15 } } },
    { what: '"0.1%" is exactly 0.001', raw: { errorRate: { absoluteFloor: '0.1%' } }, expected: { errorRate: { absoluteFloor: 0.001 } } },
    { what: 'failure signatures "2%"', raw: { failureSignatures: { warnCount: 2, failRate: '2%' } }, expected: { failureSignatures: { warnCount: 2, failRate: 0.02 } } },
    { what: '"250%" increase is allowed', raw: { memory: { maxIncrease: '250%' } }, expected: { memory: { maxIncrease: 2.5 } } },
    { what: 'a plain number stays', raw: { latency: { maxIncrease: 0.2 } }, expected: { latency: { maxIncrease: 0.2 } } },
  ])('$what', ({ raw, expected }) => {
    expect(regressionOf(raw)).toEqual(expected);
  });

  it.each([
    { what: 'alpha "5%"', raw: { alpha: '5%' }, key: 'alpha', expected: 0.05 },
    { what: 'noise "3%"', raw: { runToRunNoise: '3%' }, key: 'runToRunNoise', expected: 0.03 },
    { what: 'window "30s"', raw: { window: '30s' }, key: 'window', expected: 30 },
    { what: 'window "1m30s"', raw: { window: '1m30s' }, key: 'window', expected: 90 },
    { what: 'window "500ms"', raw: { window: '500ms' }, key: 'window', expected: 0.5 },
    { what: 'window 45', raw: { window: 45 }, key: 'window', expected: 45 },
    { what: 'window auto', raw: { window: 'auto' }, key: 'window', expected: 'auto' },
  ])('$what', ({ raw, key, expected }) => {
    expect(parseConfig(raw)[key as keyof PerfGateConfig]).toEqual(expected);
  });

  it('endurance takes percentages and a duration', () => {
    expect(parseConfig({ stages: { soak: { endurance: { memoryGrowth: '5%', degradation: '10%', warmupSeconds: '2m' } } } }).stages.soak?.endurance).toEqual({
      memoryGrowth: 0.05,
      degradation: 0.1,
      warmupSeconds: 120,
    });
  });

  it('a negative percentage is refused', () => {
    expect(problems({ stages: { load: { endurance: { degradation: '-5%' } } } })).toEqual([
      `stages.load.endurance.degradation: expected a number > 0 or a percentage such as "10%", got "-5%"`,
    ]);
  });
});

describe('extends', () => {
  it.each([
    {
      what: 'unknown stage, with a suggestion',
      stages: { checkout: { extends: 'lod' } },
      line: `stages.checkout.extends: unknown stage 'lod' — did you mean 'load'? Known stages: 'smoke', 'load', 'stress', 'spike', 'endurance' and 'checkout'`,
    },
    {
      what: 'unknown stage, no suggestion',
      stages: { checkout: { extends: 'soak' } },
      line: `stages.checkout.extends: unknown stage 'soak'. Known stages: 'smoke', 'load', 'stress', 'spike', 'endurance' and 'checkout'`,
    },
    { what: 'itself', stages: { a: { extends: 'a' } }, line: `stages.a.extends: 'a' extends itself (a → a) — remove one 'extends' to break the cycle` },
    {
      what: 'a cycle is reported once',
      stages: { a: { extends: 'b' }, b: { extends: 'c' }, c: { extends: 'a' } },
      line: `stages.a.extends: 'a' extends itself (a → b → c → a) — remove one 'extends' to break the cycle`,
    },
  ])('$what', ({ stages, line }) => {
    expect(problems({ stages })).toEqual([line]);
  });

  it('is checked even when other fields are wrong, and every problem is listed', () => {
    const lines = problems({ alpah: 1, window: 'x', stages: { smoke: { regresion: {} }, checkout: { extends: 'nope' } } });
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        `alpah: unknown key — did you mean 'alpha'?`,
        `window: expected 'auto', a number of seconds > 0 or a duration such as "30s", got "x"`,
        `stages.smoke.regresion: unknown key — did you mean 'regression'?`,
        expect.stringMatching(/^stages\.checkout\.extends: unknown stage 'nope'/) as unknown,
      ]),
    );
  });
});

describe('parseConfig throws one ConfigError with every issue', () => {
  it('lists all issues, names the file and the first path', () => {
    let error: unknown;
    try {
      parseConfig({ alpah: 1, stages: { smoke: { regresion: {} } } }, 'perf-gate.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.issues).toEqual([
      `perf-gate.yml: stages.smoke.regresion: unknown key — did you mean 'regression'?`,
      `perf-gate.yml: alpah: unknown key — did you mean 'alpha'?`,
    ]);
    expect(e.message.split('\n')).toEqual(['2 problems in perf-gate.yml:', ...e.issues.map((line) => `  ${line}`)]);
    expect(e.path).toBe('stages.smoke.regresion');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { resolvePolicy, type StagePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import { formatThreshold } from '../../src/config/threshold.js';
import { parseConfigText } from '../../src/config/yaml.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/isectech/perf-gate.yml');

function slos(policy: StagePolicy): Record<string, string[]> {
  return Object.fromEntries(policy.thresholds.map((t) => [t.metric, t.expressions.map((e) => formatThreshold(e))]));
}

function errorOf(f: () => unknown): ConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

async function asyncErrorOf(p: Promise<unknown>): Promise<ConfigError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('the iSECTECH example', () => {
  it('validates and holds the customer’s targets', async () => {
    const config = await loadConfig(EXAMPLE);
    expect(config.groupBy).toEqual(['name']);

    const smoke = resolvePolicy(config, 'smoke');
    expect(slos(smoke)).toEqual({ http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.001'] });

    const load = resolvePolicy(config, 'load');
    expect(slos(load)).toEqual({ http_req_duration: ['p(95)<1000'], http_req_failed: ['rate<0.01'] });
    // Targets that depend on the load shape hold only in the stage sized for them.
    expect(slos(resolvePolicy(config, 'capacity'))).toEqual({ http_req_duration: ['p(95)<1000'], http_req_failed: ['rate<0.01'], http_reqs: ['rate>100'], vus_max: ['value>=1000'] });

    const endurance = resolvePolicy(config, 'endurance');
    expect(endurance.endurance).toEqual({ memoryGrowth: 0.05, degradation: 0.1, leak: true, warmupSeconds: 30 });

    for (const stage of ['smoke', 'load', 'stress', 'spike', 'endurance']) {
      expect(resolvePolicy(config, stage).regression).toEqual({
        latency: { maxIncrease: 0.2, statistics: ['med', 'p(95)'] },
        throughput: { maxDecrease: 0.15 },
        errorRate: { maxIncrease: 0.5, absoluteFloor: 0.001 },
        failureSignatures: { warnCount: 1, failCount: 10, failRate: 0.01 },
        memory: { maxIncrease: 0.25 },
      });
    }
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'perf-gate-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('without a path gives the defaults', async () => {
    expect(await loadConfig()).toEqual(defaultConfig());
  });

  it('reads JSON (tab-indented, as editors write it)', async () => {
    const file = join(dir, 'perf-gate.json');
    await writeFile(file, '{\n\t"alpha": 0.01,\n\t"stages": {\n\t\t"smoke": { "thresholds": { "http_reqs": ["rate>100"] } }\n\t}\n}\n');
    const config = await loadConfig(file);
    expect(config.alpha).toBe(0.01);
    expect(slos(resolvePolicy(config, 'smoke'))).toMatchObject({ http_reqs: ['rate>100'] });
  });

  it('an empty file is the defaults', async () => {
    const file = join(dir, 'empty.yml');
    await writeFile(file, '# nothing configured yet\n');
    expect(await loadConfig(file)).toEqual({ ...defaultConfig(), file });
  });

  it.each([
    { what: 'a missing file', name: 'missing.yml', reason: 'no such file' },
    { what: 'a directory', name: '.', reason: 'it is a directory' },
  ])('$what: names the file and why', async ({ name, reason }) => {
    const file = join(dir, name);
    const error = await asyncErrorOf(loadConfig(file));
    expect(error.message).toBe(`${file}: cannot read the perf-gate config: ${reason} — check the path given as the config file`);
    expect(error.file).toBe(file);
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('parseConfigText: YAML syntax errors', () => {
  it.each([
    {
      what: 'unclosed flow sequence',
      text: 'alpha: 0.05\ngroupBy: [name, tenant\nstages: {}\n',
      line: /^perf-gate\.yml:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    },
    {
      what: 'duplicate key',
      text: 'alpha: 0.05\nalpha: 0.01\n',
      line: /^perf-gate\.yml:2:1: YAML syntax error: Map keys must be unique$/,
    },
    {
      what: 'bad indentation',
      text: 'stages:\n  smoke:\n    thresholds:\n      http_req_duration: ["p(95)<500"]\n     http_req_failed: ["rate<0.01"]\n',
      line: /^perf-gate\.yml:5:\d+: YAML syntax error: /,
    },
  ])('$what', ({ text, line }) => {
    const error = errorOf(() => parseConfigText(text, 'perf-gate.yml'));
    expect(error.issues[0]).toMatch(line);
    expect(error.file).toBe('perf-gate.yml');
    expect(error.path).toMatch(/^perf-gate\.yml:\d+:\d+$/);
  });
});

describe('parseConfigText: invalid settings are located in the file', () => {
  const text = [
    'version: 1', // 1
    'groupBy: [name]', // 2
    'stages:', // 3
    '  smoke:', // 4
    '    regresion:', // 5
    '      latency: { maxIncrease: 0.1 }', // 6
    '    thresholds:', // 7
    '      http_req_duration: ["p(95)<500", "p95<500"]', // 8
    '  load:', // 9
    '    regression:', // 10
    '      latency:', // 11
    '        maxIncrease: fast', // 12
    'alpah: 0.01', // 13
    '',
  ].join('\n');

  it('one line per problem, in file order, with file:line:col', () => {
    const error = errorOf(() => parseConfigText(text, 'perf-gate.yml'));
    expect(error.issues).toEqual([
      `perf-gate.yml:5:5: stages.smoke.regresion: unknown key — did you mean 'regression'?`,
      `perf-gate.yml:8:40: stages.smoke.thresholds["http_req_duration"][1]: 'p95<500' is not a k6 threshold — expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`,
      `perf-gate.yml:12:9: stages.load.regression.latency.maxIncrease: expected a number > 0 or a percentage such as "20%", got "fast"`,
      `perf-gate.yml:13:1: alpah: unknown key — did you mean 'alpha'?`,
    ]);
    expect(error.message).toBe(['4 problems in perf-gate.yml:', ...error.issues.map((l) => `  ${l}`)].join('\n'));
    expect(error.path).toBe('stages.smoke.regresion');
  });

  it('a missing required key points at its parent', () => {
    const error = errorOf(() => parseConfigText('stages:\n  smoke:\n    thresholds:\n      checks: [{ abortOnFail: true }]\n', 'cfg.yml'));
    expect(error.issues).toEqual([`cfg.yml:4:16: stages.smoke.thresholds["checks"][0].threshold: required, but missing`]);
  });

  it('the top level must be a mapping', () => {
    const error = errorOf(() => parseConfigText('- smoke\n- load\n', 'cfg.yml'));
    expect(error.issues).toEqual([`cfg.yml:1:1: expected a mapping of perf-gate settings (version, groupBy, stages, …), got ["smoke","load"]`]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_BASELINE_BRANCH, InputError, parseInputs, type ActionInputs } from '../../src/action/inputs.js';

const split = (s: string): string[] => (s.trim() === '' ? [] : s.trim().split(/\s+/));
const parse = (inputs: Record<string, string | undefined>): ActionInputs => parseInputs((n) => inputs[n] ?? '', split, '1.3.0');
const problems = (inputs: Record<string, string | undefined>): string => {
  try {
    parse(inputs);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  return '';
};

describe('parseInputs: defaults', () => {
  it('needs only a script', () => {
    const i = parse({ script: 'perf/script.js' });
    expect(i).toMatchObject({
      script: 'perf/script.js',
      stages: ['smoke'],
      k6Version: '1.3.0',
      baseline: { kind: 'branch', branch: DEFAULT_BASELINE_BRANCH },
      updateBaseline: 'auto',
      comment: 'always',
      jobSummary: true,
      failOn: 'fail',
      k6Flags: [],
      env: {},
      k6Output: 'live',
      engine: 'k6',
      jmeterFlags: [],
    });
    expect(i.plan).toBeUndefined();
    expect(i.rollback).toBeUndefined();
    expect(i.rawOutput).toBeUndefined();
  });
});

describe('parseInputs: values', () => {
  it.each([
    { what: 'stages, comma or space separated', inputs: { stages: 'smoke, load endurance' }, expected: { stages: ['smoke', 'load', 'endurance'] } },
    { what: 'a baseline file', inputs: { baseline: 'file:baselines/smoke.json' }, expected: { baseline: { kind: 'file', path: 'baselines/smoke.json' } } },
    { what: 'another baseline branch', inputs: { baseline: 'branch:perf/baselines' }, expected: { baseline: { kind: 'branch', branch: 'perf/baselines' } } },
    { what: 'no baseline', inputs: { baseline: 'none' }, expected: { baseline: { kind: 'none' } } },
    { what: 'k6 version with a v', inputs: { 'k6-version': 'v0.49.0' }, expected: { k6Version: '0.49.0' } },
    { what: 'env pairs, one per line', inputs: { env: 'TENANT=acme\n# comment\nTOKEN=a=b' }, expected: { env: { TENANT: 'acme', TOKEN: 'a=b' } } },
    { what: 'k6 flags', inputs: { 'k6-flags': '--vus 10 --no-color' }, expected: { k6Flags: ['--vus', '10', '--no-color'] } },
    { what: 'k6 output to a file', inputs: { 'k6-output': 'file' }, expected: { k6Output: 'file' } },
    { what: 'a raw copy per stage', inputs: { stages: 'smoke,load', 'raw-output': 'perf/{stage}.ndjson.gz' }, expected: { rawOutput: 'perf/{stage}.ndjson.gz' } },
    { what: 'a raw copy of one stage', inputs: { 'raw-output': 'smoke.ndjson.gz' }, expected: { rawOutput: 'smoke.ndjson.gz' } },
    { what: 'prometheus endpoint', inputs: { 'memory-source': 'prometheus-endpoint:http://127.0.0.1:9100/metrics' }, expected: { memorySource: { kind: 'prometheus-endpoint', url: 'http://127.0.0.1:9100/metrics' } } },
    {
      what: 'prometheus query',
      inputs: { 'memory-source': 'prometheus-query:http://prom:9090|process_resident_memory_bytes{job="api"}' },
      expected: { memorySource: { kind: 'prometheus-query', url: 'http://prom:9090', query: 'process_resident_memory_bytes{job="api"}' } },
    },
    { what: 'memory command', inputs: { 'memory-source': 'command:ps -o rss= -p 123' }, expected: { memorySource: { kind: 'command', command: 'ps -o rss= -p 123' } } },
    {
      what: 'rollback workflow with inputs',
      inputs: { 'rollback-workflow': 'rollback.yml', 'rollback-ref': 'main', 'rollback-inputs': '{"environment":"prod","dry":false}' },
      expected: { rollback: { kind: 'workflow', workflow: 'rollback.yml', ref: 'main', inputs: { environment: 'prod', dry: 'false' } } },
    },
    { what: 'rollback event', inputs: { 'rollback-event': 'perf-gate-rollback' }, expected: { rollback: { kind: 'repository-dispatch', eventType: 'perf-gate-rollback' } } },
    { what: 'job summary off', inputs: { 'job-summary': 'false' }, expected: { jobSummary: false } },
    { what: 'A/B mode with its defaults', inputs: { 'baseline-url': 'http://127.0.0.1:8081', 'target-url': 'http://127.0.0.1:8082' }, expected: { ab: { baselineUrl: 'http://127.0.0.1:8081', pairs: 6, roundDurationS: 20 } } },
    { what: 'A/B mode with 8 pairs of 30 s', inputs: { 'baseline-url': 'http://127.0.0.1:8081', 'target-url': 'http://127.0.0.1:8082', rounds: '8', 'round-duration': '30s' }, expected: { ab: { pairs: 8, roundDurationS: 30 } } },
  ])('$what', ({ inputs, expected }) => {
    expect(parse({ script: 's.js', ...inputs })).toMatchObject(expected);
  });
});

describe('parseInputs: the engine', () => {
  it.each([
    { what: 'a plan alone means JMeter, and needs no script', inputs: { plan: 'perf/plan.jmx' }, expected: { engine: 'jmeter', plan: 'perf/plan.jmx', jmeterFlags: [] } },
    { what: 'engine jmeter with its flags', inputs: { engine: 'jmeter', plan: 'perf/plan.jmx', 'jmeter-flags': '-Jthink=0 -q perf/extra.properties' }, expected: { engine: 'jmeter', jmeterFlags: ['-Jthink=0', '-q', 'perf/extra.properties'] } },
    { what: 'a script and no engine: k6', inputs: { script: 's.js' }, expected: { engine: 'k6', script: 's.js' } },
    { what: 'the embedded engine needs no script', inputs: { engine: 'embedded' }, expected: { engine: 'embedded' } },
    { what: 'an Artillery YAML and no engine: artillery', inputs: { script: 'perf/load.yml' }, expected: { engine: 'artillery', script: 'perf/load.yml' } },
  ])('$what', ({ inputs, expected }) => {
    expect(parse(inputs)).toMatchObject(expected);
  });

  it.each([
    { what: 'engine jmeter without a plan', inputs: { engine: 'jmeter' }, says: "'plan' is required with engine jmeter: the JMeter test plan to run, e.g. 'perf/plan.jmx'" },
    { what: 'a plan for engine k6', inputs: { engine: 'k6', script: 's.js', plan: 'p.jmx' }, says: "'plan' is a JMeter test plan, but 'engine' is k6 — set 'engine: jmeter', or leave out 'plan'" },
    { what: 'a plan and a script without an engine (k6, which takes no plan)', inputs: { script: 's.js', plan: 'p.jmx' }, says: "'plan' is a JMeter test plan, but 'engine' is k6" },
    { what: 'an unknown engine', inputs: { engine: 'gatling', script: 's.js' }, says: "'engine' must be one of k6, embedded, jmeter, artillery — got 'gatling'" },
    { what: 'jmeter-flags that set the results file', inputs: { plan: 'p.jmx', 'jmeter-flags': '-l mine.jtl' }, says: "'jmeter-flags' must not set -l: perf-gate writes the JTL into the stage folder (got '-l')" },
    { what: 'jmeter-flags for k6', inputs: { script: 's.js', 'jmeter-flags': '-Jx=1' }, says: "'jmeter-flags' go to JMeter, but 'engine' is k6 — got '-Jx=1'" },
    { what: 'k6-flags for JMeter', inputs: { plan: 'p.jmx', 'k6-flags': '--vus 10' }, says: "'k6-flags' go to k6, but 'engine' is jmeter — got '--vus 10'" },
  ])('$what', ({ inputs, says }) => {
    expect(problems(inputs)).toContain(says);
  });
});

describe('parseInputs: errors name the input and echo the value', () => {
  it.each([
    { what: 'missing script', inputs: { script: '' }, says: "'script' is required" },
    { what: 'bad fail-on', inputs: { 'fail-on': 'error' }, says: "'fail-on' must be one of fail, warn, never — got 'error'" },
    { what: 'bad comment', inputs: { comment: 'sometimes' }, says: "'comment' must be one of always, on-change, never — got 'sometimes'" },
    { what: 'latest k6', inputs: { 'k6-version': 'latest' }, says: "'k6-version' must be an exact version" },
    { what: 'bad stage name', inputs: { stages: 'smoke,9lives' }, says: "'stages' holds '9lives'" },
    { what: 'stage twice', inputs: { stages: 'smoke,smoke' }, says: "'stages' names a stage twice" },
    { what: 'bad URL', inputs: { 'target-url': 'localhost:8080' }, says: "'target-url' must be an http(s) URL — got 'localhost:8080'" },
    { what: 'own --out', inputs: { 'k6-flags': '--out csv=x.csv' }, says: "'k6-flags' must not set --out" },
    { what: 'bad k6-output', inputs: { 'k6-output': 'pipe' }, says: "'k6-output' must be one of live, file — got 'pipe'" },
    { what: 'one raw copy for two stages', inputs: { stages: 'smoke,load', 'raw-output': 'raw.ndjson.gz' }, says: "'raw-output' is written by each of the 2 stages: put {stage} in it" },
    { what: 'bad env line', inputs: { env: 'NOEQUALS' }, says: "'env' expects one KEY=value per line — got 'NOEQUALS'" },
    { what: 'bad baseline', inputs: { baseline: 's3://bucket' }, says: "'baseline' must be 'branch'" },
    { what: 'always update without baseline', inputs: { baseline: 'none', 'update-baseline': 'always' }, says: "there is nowhere to write it" },
    { what: 'bad memory source', inputs: { 'memory-source': 'procfs:123' }, says: "'memory-source' must be" },
    { what: 'both rollback kinds', inputs: { 'rollback-workflow': 'r.yml', 'rollback-event': 'rb' }, says: "set one of 'rollback-workflow' and 'rollback-event'" },
    { what: 'rollback inputs without workflow', inputs: { 'rollback-inputs': '{}' }, says: "go with 'rollback-workflow'" },
    { what: 'rollback inputs not JSON', inputs: { 'rollback-workflow': 'r.yml', 'rollback-inputs': '{env: prod}' }, says: "'rollback-inputs' must be a JSON object" },
    { what: 'rollback inputs nested', inputs: { 'rollback-workflow': 'r.yml', 'rollback-inputs': '{"a":{"b":1}}' }, says: 'JSON object of strings' },
    { what: 'bad boolean', inputs: { 'job-summary': 'maybe' }, says: "'job-summary' must be true or false — got 'maybe'" },
    { what: 'A/B without target-url', inputs: { 'baseline-url': 'http://127.0.0.1:8081' }, says: "'baseline-url' needs 'target-url'" },
    { what: 'A/B baseline-url not a URL', inputs: { 'baseline-url': 'base', 'target-url': 'http://127.0.0.1:8082' }, says: "'baseline-url' must be an http(s) URL — got 'base'" },
    { what: 'A/B with 2 rounds', inputs: { 'baseline-url': 'http://127.0.0.1:8081', 'target-url': 'http://127.0.0.1:8082', rounds: '2' }, says: "'rounds' must be 'auto' (6 pairs) or a whole number of round pairs ≥ 3" },
    { what: 'A/B with a bad round duration', inputs: { 'baseline-url': 'http://127.0.0.1:8081', 'target-url': 'http://127.0.0.1:8082', 'round-duration': '20' }, says: "'round-duration' must be a duration of at least 1 s" },
  ])('$what', ({ inputs, says }) => {
    expect(problems({ script: 's.js', ...inputs })).toContain(says);
  });

  it('lists every problem at once', () => {
    const message = problems({ script: '', 'fail-on': 'x', comment: 'y' });
    expect(message).toMatch(/3 problems/);
  });
});

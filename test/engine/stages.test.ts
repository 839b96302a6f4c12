/**
 * examples/k6/stages.js is a k6-side module (plain ES2015); Node loads it here with `__ENV` stubbed on
 * globalThis, as k6 provides it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

interface StagesModule {
  STAGE_NAMES: string[];
  currentStage(): string;
  stagePreset(stage: string): Record<string, unknown>;
  stageOptions(overrides?: Record<string, unknown>): { scenarios: Record<string, Record<string, unknown>>; thresholds: Record<string, string[]>; [key: string]: unknown };
  fitToRound(scenario: Record<string, unknown>, round: string): Record<string, unknown>;
}

const EXAMPLES = join(import.meta.dirname, '../../examples/k6');
let stages: StagesModule;
const globals = globalThis as { __ENV?: Record<string, string | undefined> };

beforeAll(async () => {
  stages = (await import(pathToFileURL(join(EXAMPLES, 'stages.js')).href)) as StagesModule;
});
afterEach(() => {
  delete globals.__ENV;
});

function withEnv(env: Record<string, string | undefined>): void {
  globals.__ENV = env;
}

describe('stageOptions presets', () => {
  it.each([
    {
      stage: 'smoke',
      env: {},
      scenario: { executor: 'constant-vus', vus: 3, duration: '1m' },
    },
    {
      stage: 'load',
      env: {},
      scenario: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [{ duration: '2m', target: 50 }, { duration: '5m', target: 50 }, { duration: '1m', target: 0 }],
        gracefulRampDown: '30s',
      },
    },
    {
      stage: 'load',
      env: { TARGET_VUS: '20', RAMP_UP: '30s', DURATION: '10m', RAMP_DOWN: '15s' },
      scenario: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [{ duration: '30s', target: 20 }, { duration: '10m', target: 20 }, { duration: '15s', target: 0 }],
        gracefulRampDown: '30s',
      },
    },
    {
      stage: 'stress',
      env: {},
      scenario: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [
          { duration: '2m', target: 50 }, { duration: '3m', target: 50 },
          { duration: '2m', target: 100 }, { duration: '3m', target: 100 },
          { duration: '2m', target: 150 }, { duration: '3m', target: 150 },
          { duration: '1m', target: 0 },
        ],
        gracefulRampDown: '30s',
      },
    },
    {
      stage: 'spike',
      env: { TARGET_VUS: '10' },
      scenario: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [{ duration: '30s', target: 20 }, { duration: '30s', target: 20 }, { duration: '30s', target: 0 }],
        gracefulRampDown: '30s',
      },
    },
    {
      stage: 'spike',
      env: { SPIKE_VUS: '12', SPIKE_RAMP_UP: '2s', DURATION: '3s', SPIKE_RAMP_DOWN: '1s' },
      scenario: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [{ duration: '2s', target: 12 }, { duration: '3s', target: 12 }, { duration: '1s', target: 0 }],
        gracefulRampDown: '30s',
      },
    },
    {
      stage: 'endurance',
      env: {},
      scenario: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '2h', preAllocatedVUs: 50, maxVUs: 100 },
    },
    {
      stage: 'endurance',
      env: { RATE: '50', DURATION: '4h', PRE_ALLOCATED_VUS: '60', MAX_VUS: '200' },
      scenario: { executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '4h', preAllocatedVUs: 60, maxVUs: 200 },
    },
  ])('$stage $env', ({ stage, env, scenario }) => {
    withEnv({ PERF_GATE_STAGE: stage, ...env });
    expect(stages.stageOptions()).toEqual({ scenarios: { [stage]: scenario }, thresholds: {} });
  });

  it('keeps smoke within 1–5 VUs for about a minute', () => {
    withEnv({ PERF_GATE_STAGE: 'smoke' });
    const s = stages.stagePreset('smoke');
    expect(s['vus']).toBeGreaterThanOrEqual(1);
    expect(s['vus']).toBeLessThanOrEqual(5);
  });

  it('takes stress beyond the load target, and spikes from 0 in 30 s', () => {
    withEnv({ TARGET_VUS: '40' });
    const loadPeak = Math.max(...(stages.stagePreset('load')['stages'] as { target: number }[]).map((s) => s.target));
    const stressPeak = Math.max(...(stages.stagePreset('stress')['stages'] as { target: number }[]).map((s) => s.target));
    expect(stressPeak).toBe(3 * loadPeak);
    const spike = stages.stagePreset('spike');
    expect(spike['startVUs']).toBe(0);
    expect((spike['stages'] as { duration: string; target: number }[])[0]).toEqual({ duration: '30s', target: 80 });
  });

  it('runs smoke when no stage is given (the script run by hand)', () => {
    expect(stages.currentStage()).toBe('smoke');
    expect(Object.keys(stages.stageOptions().scenarios)).toEqual(['smoke']);
  });

  it('has a preset for every stage it names', () => {
    expect(stages.STAGE_NAMES).toEqual(['smoke', 'load', 'stress', 'spike', 'endurance']);
    for (const name of stages.STAGE_NAMES) expect(stages.stagePreset(name)['executor']).toEqual(expect.any(String));
  });
});

describe('stageOptions overrides', () => {
  it('merges thresholds, preset fields, scenario fields and other options', () => {
    withEnv({ PERF_GATE_STAGE: 'smoke' });
    const overrides = {
      thresholds: { http_req_failed: ['rate<0.01'] },
      presets: { smoke: { vus: 1 }, load: { vus: 99 } },
      scenario: { exec: 'browse', tags: { team: 'core' } },
      scenarios: { background: { executor: 'constant-vus', vus: 1, duration: '1m', exec: 'poll' } },
      tags: { service: 'alerts' },
      summaryTrendStats: ['avg', 'p(95)'],
    };
    const before = JSON.stringify(overrides);
    expect(stages.stageOptions(overrides)).toEqual({
      scenarios: {
        smoke: { executor: 'constant-vus', vus: 1, duration: '1m', exec: 'browse', tags: { team: 'core' } },
        background: { executor: 'constant-vus', vus: 1, duration: '1m', exec: 'poll' },
      },
      thresholds: { http_req_failed: ['rate<0.01'] },
      tags: { service: 'alerts' },
      summaryTrendStats: ['avg', 'p(95)'],
    });
    expect(JSON.stringify(overrides)).toBe(before);
  });

  it('replaces the preset when an override brings another executor', () => {
    withEnv({ PERF_GATE_STAGE: 'load' });
    const scenario = { executor: 'constant-arrival-rate', rate: 100, timeUnit: '1s', duration: '5m', preAllocatedVUs: 50 };
    expect(stages.stageOptions({ presets: { load: scenario } }).scenarios['load']).toEqual(scenario);
    expect(stages.stageOptions({ scenario }).scenarios['load']).toEqual(scenario);
  });

  it('takes the whole scenario of a stage without a preset', () => {
    withEnv({ PERF_GATE_STAGE: 'soak' });
    const soak = { executor: 'constant-vus', vus: 10, duration: '30m' };
    expect(stages.stageOptions({ presets: { soak } }).scenarios).toEqual({ soak });
  });

  it.each([
    { env: { PERF_GATE_STAGE: 'soak' }, overrides: {}, message: 'perf-gate stages.js: no preset for stage "soak" (PERF_GATE_STAGE); the presets are smoke, load, stress, spike, endurance' },
    { env: { PERF_GATE_STAGE: 'soak' }, overrides: { presets: { soak: { vus: 3 } } }, message: 'the scenario of stage "soak" has no executor' },
    { env: { PERF_GATE_STAGE: 'load', TARGET_VUS: 'fifty' }, overrides: {}, message: 'perf-gate stages.js: TARGET_VUS must be a whole number above 0 but is "fifty"' },
    { env: { PERF_GATE_STAGE: 'smoke', VUS: '0' }, overrides: {}, message: 'VUS must be a whole number above 0 but is "0"' },
    { env: { PERF_GATE_STAGE: 'smoke', DURATION: '5 minutes' }, overrides: {}, message: 'DURATION must be a k6 duration such as 90s, 5m or 1h30m but is "5 minutes"' },
  ])('stops with a clear message: $message', ({ env, overrides, message }) => {
    withEnv(env);
    expect(() => stages.stageOptions(overrides)).toThrow(message);
  });

  it('returns fresh objects each call', () => {
    withEnv({ PERF_GATE_STAGE: 'load' });
    const a = stages.stageOptions();
    (a.scenarios['load']!['stages'] as unknown[]).push('changed');
    expect(stages.stageOptions().scenarios['load']!['stages']).toHaveLength(3);
  });
});

describe('A/B rounds: every scenario fitted to PERF_GATE_ROUND_DURATION', () => {
  it.each([
    { stage: 'smoke', env: {}, scenario: { executor: 'constant-vus', vus: 3, duration: '20s' } },
    // load: 2m + 5m + 1m (8 min) scaled to 20 s keeps the shape: 5 s, 12.5 s, 2.5 s.
    {
      stage: 'load',
      env: {},
      scenario: { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '5000ms', target: 50 }, { duration: '12500ms', target: 50 }, { duration: '2500ms', target: 0 }], gracefulRampDown: '30s' },
    },
    {
      stage: 'spike',
      env: { SPIKE_VUS: '8' },
      scenario: { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '6667ms', target: 8 }, { duration: '6667ms', target: 8 }, { duration: '6667ms', target: 0 }], gracefulRampDown: '30s' },
    },
    {
      stage: 'endurance',
      env: {},
      scenario: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '20s', preAllocatedVUs: 50, maxVUs: 100 },
    },
  ])('$stage', ({ stage, env, scenario }) => {
    withEnv({ PERF_GATE_STAGE: stage, PERF_GATE_ROUND_DURATION: '20s', ...env });
    expect(stages.stageOptions().scenarios[stage]).toEqual(scenario);
  });

  it('fits the extra scenarios too, and leaves the script as it is without the variable', () => {
    const overrides = { scenarios: { realtime: { executor: 'per-vu-iterations', vus: 2, iterations: 5, exec: 'realtime' } } };
    withEnv({ PERF_GATE_STAGE: 'smoke', PERF_GATE_ROUND_DURATION: '2s' });
    expect(stages.stageOptions(overrides).scenarios).toEqual({
      smoke: { executor: 'constant-vus', vus: 3, duration: '2s' },
      realtime: { executor: 'per-vu-iterations', vus: 2, iterations: 5, exec: 'realtime', maxDuration: '2s' },
    });
    withEnv({ PERF_GATE_STAGE: 'smoke' });
    expect(stages.stageOptions(overrides).scenarios['smoke']).toEqual({ executor: 'constant-vus', vus: 3, duration: '1m' });
  });

  it('the stages of a fitted ramp add up to the round', () => {
    withEnv({ PERF_GATE_STAGE: 'stress', PERF_GATE_ROUND_DURATION: '21s' });
    const steps = stages.stageOptions().scenarios['stress']!['stages'] as { duration: string }[];
    expect(steps).toHaveLength(7);
    const total = steps.reduce((ms, s) => ms + Number(s.duration.replace('ms', '')), 0);
    expect(Math.abs(total - 21_000)).toBeLessThanOrEqual(steps.length);
  });

  it.each([
    { what: 'a round that is not a k6 duration', env: { PERF_GATE_ROUND_DURATION: 'soon' }, message: 'PERF_GATE_ROUND_DURATION must be a k6 duration' },
  ])('refuses $what', ({ env, message }) => {
    withEnv({ PERF_GATE_STAGE: 'smoke', ...env });
    expect(() => stages.stageOptions()).toThrow(message);
  });

  it('refuses an executor it cannot fit, naming it', () => {
    expect(() => stages.fitToRound({ executor: 'browser-magic' }, '20s')).toThrow('cannot fit a scenario with executor "browser-magic"');
  });
});

describe('a sequential stage: every scenario fitted to its budget, PERF_GATE_STAGE_DURATION', () => {
  it('lasts the budget, so the load runs until perf-gate stops it', () => {
    withEnv({ PERF_GATE_STAGE: 'smoke', PERF_GATE_STAGE_DURATION: '240s' });
    expect(stages.stageOptions().scenarios['smoke']).toEqual({ executor: 'constant-vus', vus: 3, duration: '240s' });
  });

  it('an A/B round wins over it (A/B mode does not run sequentially)', () => {
    withEnv({ PERF_GATE_STAGE: 'smoke', PERF_GATE_STAGE_DURATION: '240s', PERF_GATE_ROUND_DURATION: '20s' });
    expect(stages.stageOptions().scenarios['smoke']).toMatchObject({ duration: '20s' });
  });

  it('refuses a budget that is not a k6 duration', () => {
    withEnv({ PERF_GATE_STAGE: 'smoke', PERF_GATE_STAGE_DURATION: '4 minutes' });
    expect(() => stages.stageOptions()).toThrow('PERF_GATE_STAGE_DURATION must be a k6 duration');
  });
});

describe('syntax k6 v0.49 can run', () => {
  it.each(['stages.js', 'script.js'])('%s has no object spread, optional chaining or nullish coalescing', (file) => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const offending = text.split('\n').flatMap((line, i) => (/\.\.\.|\?\.|\?\?/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
    expect(offending).toEqual([]);
  });
});

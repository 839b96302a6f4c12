import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/schema.js';
import { chooseEngine, LOAD_ENGINE_NAMES, LOAD_ENGINES } from '../../src/pipeline/engines.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { EngineSetup, LoadEngineEntry } from '../../src/pipeline/ports.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { fakeK6Bin } from '../action/run-action.js';
import { fakeStore, fixedClock, recordingLog } from './fakes.js';
import { jmeterEngine } from './fake-jmeter-engine.js';

const EMPTY_PATH = mkdtempSync(`${tmpdir()}/perf-gate-no-k6-`);
const WORKLOAD = { baseUrl: 'http://127.0.0.1:9', requests: [{ path: '/' }], duration: 1 };

function setup(extra: Partial<EngineSetup> = {}): EngineSetup {
  return {
    config: defaultConfig(),
    stages: ['smoke'],
    env: {},
    flags: [],
    secrets: [],
    processEnv: { PATH: EMPTY_PATH },
    names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' },
    ...extra,
  };
}

/** A registry entry that is ready or not, as told. */
function entry(name: string, ready: boolean): LoadEngineEntry {
  return {
    name,
    prepare: async () => (ready ? { ready: true, why: `${name} is here`, engine: { name, run: () => Promise.reject(new Error('not run')) } } : { ready: false, why: `${name} is missing`, fix: `install ${name}` }),
  };
}

describe('the load-engine registry', () => {
  it('lists k6 first (auto prefers it), then the embedded engine, then JMeter and Artillery', () => {
    expect(LOAD_ENGINE_NAMES).toEqual(['k6', 'embedded', 'jmeter', 'artillery']);
  });

  it.each([
    { what: 'auto: the first ready one; why names the ones passed over', wanted: 'auto', engines: [entry('a', false), entry('b', true)], expected: { name: 'b', why: 'a is missing' } },
    { what: 'auto: the first is ready', wanted: 'auto', engines: [entry('a', true), entry('b', true)], expected: { name: 'a', why: 'a is here' } },
    { what: 'auto: none is ready', wanted: 'auto', engines: [entry('a', false), entry('b', false)], expected: { problem: 'nothing to run: a: a is missing — install a; b: b is missing — install b' } },
    { what: 'asked for and ready, even when an earlier one is too', wanted: 'b', engines: [entry('a', true), entry('b', true)], expected: { name: 'b', why: 'b is here' } },
    { what: 'asked for and not ready', wanted: 'a', engines: [entry('a', false), entry('b', true)], expected: { problem: 'a: a is missing — install a' } },
    { what: 'an unknown name', wanted: 'gatling', engines: [entry('a', true)], expected: { problem: "no load engine is called 'gatling' (there are: a)" } },
  ])('$what', async ({ wanted, engines, expected }) => {
    const choice = await chooseEngine(wanted, setup(), engines);
    expect('problem' in choice ? { problem: choice.problem } : { name: choice.name, why: choice.why }).toEqual(expected);
  });

  it.each([
    { what: 'no k6, no workload: nothing to run', extra: {}, expected: { problem: 'nothing to run: k6: k6 is not on PATH — install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) or use an engine that needs none; embedded: needs a `workload:` in the config (requests, connections, duration) — see docs/embedded-engine.md; jmeter: no --plan given — give the JMeter test plan (.jmx) to run with --plan; artillery: artillery is not on PATH (and PERF_GATE_ARTILLERY is not set) — install Artillery (scripts/install-artillery.sh, or npm i -g artillery@2.0.21) and set PERF_GATE_ARTILLERY to its bin, or put it on PATH (docs/artillery.md)' } },
    { what: 'no k6, a workload: the embedded engine, because k6 is not on PATH', extra: { config: parseConfig({ workload: WORKLOAD }) }, expected: { name: 'embedded', why: 'k6 is not on PATH' } },
    { what: 'k6 on PATH but no script: the embedded engine', extra: { config: parseConfig({ workload: WORKLOAD }), processEnv: { PATH: `${fakeK6Bin()}${delimiter}${process.env['PATH'] ?? ''}` } }, expected: { name: 'embedded', why: 'no --script given' } },
    { what: 'k6 on PATH and a script: k6', extra: { script: 's.js', processEnv: { PATH: `${fakeK6Bin()}${delimiter}${process.env['PATH'] ?? ''}` } }, expected: { name: 'k6', why: 'k6 v0.49.0 on PATH' } },
    { what: 'k6 installed by the caller (the Action): k6, whatever PATH holds', extra: { script: 's.js', installed: { k6: { path: '/opt/k6', version: '1.8.1' } } }, expected: { name: 'k6', why: 'k6 v1.8.1 installed' } },
  ])('the real registry, auto: $what', async ({ extra, expected }) => {
    const choice = await chooseEngine('auto', setup(extra));
    expect('problem' in choice ? { problem: choice.problem } : { name: choice.name, why: choice.why }).toEqual(expected);
  });

  it('the embedded engine refuses a stage whose workload cannot run, naming the key (before any load)', async () => {
    const config = parseConfig({ workload: { ...WORKLOAD, duration: '30s' }, stages: { spike: { workload: { rampUp: '40s' } } } });
    await expect(chooseEngine('embedded', setup({ config, stages: ['smoke', 'spike'] }))).rejects.toThrow(
      'the workload of stage spike cannot run: perf-gate.yml: stages.spike.workload.rampUp: must be shorter than duration (30 s) but got 40 s',
    );
  });

  it('a new engine is one entry plus one registry line: a stand-in JMeter runs a stage through the pipeline', async () => {
    // The registry without its real JMeter (engine/jmeter/) and the Artillery after it, plus the stand-in entry.
    const registry = [...LOAD_ENGINES.filter((e) => e.name !== 'jmeter' && e.name !== 'artillery'), jmeterEngine];
    const choice = await chooseEngine('auto', setup({ script: 'plan.jmx' }), registry);
    expect('problem' in choice ? choice.problem : `${choice.name}: ${choice.why}`).toBe('jmeter: k6 is not on PATH; needs a `workload:` in the config (requests, connections, duration)');
    if ('problem' in choice) return;
    const log = recordingLog();
    const { runs } = await runPipeline({ stages: planStages(defaultConfig(), ['smoke']), workDir: EMPTY_PATH, signal: new AbortController().signal, cancelledNote: '' }, { engine: choice.engine, baselines: fakeStore(), clock: fixedClock('2026-12-01T10:00:00Z'), log });
    expect(log.lines).toContain('info: jmeter -n -t plan.jmx (stage smoke)');
    expect(runs[0]!.current.meta).toMatchObject({ stage: 'smoke', toolVersion: '5.6.3', partial: false });
  });
});

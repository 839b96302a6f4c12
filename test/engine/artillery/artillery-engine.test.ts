/** Artillery behind the LoadEngine port, with the stand-in (test/support/fake-artillery.mjs) replaying recorded runs. */
import { chmodSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../src/config/policy.js';
import { defaultConfig } from '../../../src/config/schema.js';
import { artilleryArgs, artilleryEngine, artilleryVariables, createArtilleryEngine, parseArtilleryVersion, pluginParent } from '../../../src/engine/artillery/index.js';
import { LoadFailedError } from '../../../src/engine/load-failed.js';
import { ingestFiles } from '../../../src/ingest/index.js';
import type { EngineSetup } from '../../../src/pipeline/ports.js';
import { recordingLog } from '../support.js';

const FAKE = join(import.meta.dirname, '../../support/fake-artillery.mjs');
const PLUGINS = join(import.meta.dirname, '../../../artillery');
const policy = resolvePolicy(defaultConfig(), 'smoke');
const TOKEN = 'ghs_0123456789abcdefghij';
beforeAll(() => chmodSync(FAKE, 0o755));

function engine(fake: Record<string, string>, more: { env?: Record<string, string>; processEnv?: NodeJS.ProcessEnv } = {}) {
  return createArtilleryEngine({
    artillery: { path: FAKE, version: '2.0.21' },
    script: 'examples/artillery/isectech.yml',
    targetUrl: 'http://127.0.0.1:3000',
    env: more.env ?? {},
    flags: ['--quiet'],
    secrets: [TOKEN],
    processEnv: { ...process.env, ...more.processEnv, ...fake },
    stopTimeoutMs: 5_000,
  });
}

function load(signal = new AbortController().signal) {
  const workDir = mkdtempSync(join(tmpdir(), 'perf-gate-artillery-engine-'));
  return { stage: 'smoke', policy, workDir, signal, log: recordingLog() };
}

describe('the Artillery engine', () => {
  it('hands over the plugin’s request files, with the version, and logs progress', async () => {
    const l = load();
    const out = await engine({}).run(l);
    expect(out).toMatchObject({ toolVersion: '2.0.21', cancelled: false, notes: [], scriptThresholds: [] });
    if (out.measured.kind !== 'files') throw new Error('expected files');
    expect(out.measured.files).toHaveLength(1);
    expect(out.measured.files[0]).toMatch(new RegExp(`^${l.workDir}/smoke\\.requests\\.\\d+-1\\.jsonl$`));
    const doc = await ingestFiles(out.measured.files);
    expect(doc.meta).toMatchObject({ tool: 'artillery', aggregateOnly: false });
    expect(l.log.lines).toContain('info: artillery: Phase started: steady (index: 0, duration: 1s)');
    expect(l.log.lines.some((x) => /^info: stage smoke: Artillery exited with code 0 after \d+s · 1 request file and the report$/.test(x))).toBe(true);
  });

  it('falls back to the report, aggregate only, with a note, when the plugin wrote nothing', async () => {
    const l = load();
    const out = await engine({ FAKE_ARTILLERY_MODE: 'report-only' }).run(l);
    expect(out.measured).toEqual({ kind: 'files', files: [join(l.workDir, 'smoke.report.json')] });
    expect(out.notes[0]).toMatch(/^artillery-plugin-perf-gate wrote no request lines .*aggregates only/);
  });

  it('throws LoadFailedError with the tail of Artillery’s stderr when it measured nothing', async () => {
    const err = await engine({ FAKE_ARTILLERY_MODE: 'fail', FAKE_ARTILLERY_STDERR: 'Error: unknown phase key "durtion"' }).run(load()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadFailedError);
    expect(err).toMatchObject({ stage: 'smoke', tool: 'artillery' });
    expect((err as Error).message).toBe('Artillery exited with code 1 and measured nothing:\n  Error: unknown phase key "durtion"');
  });

  it('throws LoadFailedError when the executable cannot start', async () => {
    const e = createArtilleryEngine({ artillery: { path: '/nonexistent/artillery', version: '2.0.21' }, script: 's.yml', env: {}, flags: [], secrets: [], processEnv: process.env });
    await expect(e.run(load())).rejects.toThrow(/could not start Artillery \(\/nonexistent\/artillery\): it does not exist/);
  });

  it('stops Artillery with SIGINT when the signal fires and returns what it measured, cancelled', async () => {
    const controller = new AbortController();
    const l = load(controller.signal);
    const running = engine({ FAKE_ARTILLERY_MODE: 'wait' }).run(l);
    // The stand-in writes its lines at once; give it a moment to install its SIGINT handler.
    for (let i = 0; i < 200 && !l.log.lines.some((x) => x.includes('Phase started')); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    const out = await running;
    expect(out).toMatchObject({ cancelled: true, stoppedEarly: 'Artillery was stopped before the stage ended (SIGINT)', notes: [] });
    if (out.measured.kind !== 'files') throw new Error('expected files');
    expect(out.measured.files).toHaveLength(1);
    expect(existsSync(join(l.workDir, 'smoke.report.json'))).toBe(false);
  });

  it('starts Artillery with the plugin on and no secret in its environment', async () => {
    const l = load();
    const record = join(l.workDir, 'record.json');
    await engine(
      { FAKE_ARTILLERY_RECORD: record },
      {
        env: { TENANT: 'acme', LEAK: `x-${TOKEN}` },
        processEnv: { 'INPUT_GITHUB-TOKEN': TOKEN, INPUT_STAGES: 'smoke', GITHUB_TOKEN: 'other', ACTIONS_RUNTIME_TOKEN: 'rt', MY_COPY: TOKEN, ARTILLERY_PLUGINS: '{"expect":{}}' },
      },
    ).run(l);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; env: Record<string, string> };
    expect(seen.argv).toEqual(['run', '--output', join(l.workDir, 'smoke.report.json'), '--target', 'http://127.0.0.1:3000', '--quiet', 'examples/artillery/isectech.yml']);
    const names = Object.keys(seen.env);
    for (const name of ['INPUT_GITHUB-TOKEN', 'INPUT_STAGES', 'GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'MY_COPY', 'LEAK']) expect(names, name).not.toContain(name);
    expect(Object.values(seen.env).some((v) => v.includes(TOKEN))).toBe(false);
    expect(seen.env).toMatchObject({
      TENANT: 'acme',
      BASE_URL: 'http://127.0.0.1:3000',
      PERF_GATE_STAGE: 'smoke',
      PERF_GATE_ARTILLERY_REQUESTS: join(l.workDir, 'smoke.requests'),
      ARTILLERY_PLUGIN_PATH: pluginParent(),
      ARTILLERY_PLUGINS: '{"expect":{},"perf-gate":{}}',
      ARTILLERY_DISABLE_TELEMETRY: 'true',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    });
    expect(l.log.lines).toContain("warning: LEAK holds the github-token, which never reaches the script (it is the pull request's code): LEAK is not passed to Artillery");
  });

  it('says when the stage cannot be watched (no live output)', async () => {
    const out = await engine({}).run({ ...load(), watch: { atSeconds: [4], maxSeconds: 10, look: () => false } });
    expect(out.watch).toEqual({ kind: 'unwatched', why: "Artillery's request lines are read after it exits" });
  });
});

describe('the Artillery engine entry', () => {
  const setup = (over: Partial<EngineSetup>): EngineSetup => ({
    config: defaultConfig(),
    stages: ['smoke'],
    script: 'examples/artillery/isectech.yml',
    env: {},
    flags: [],
    secrets: [],
    processEnv: { PATH: '/nonexistent' },
    names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' },
    ...over,
  });

  it.each([
    { what: 'installed by the caller', over: { installed: { artillery: { path: FAKE, version: '2.0.21' } } }, why: 'Artillery 2.0.21 (installed)' },
    { what: 'named by PERF_GATE_ARTILLERY', over: { processEnv: { PATH: process.env.PATH, PERF_GATE_ARTILLERY: FAKE } }, why: 'Artillery 2.0.21 (PERF_GATE_ARTILLERY)' },
  ])('is ready with an Artillery $what', async ({ over, why }) => {
    const prepared = await artilleryEngine.prepare(setup(over));
    expect(prepared).toMatchObject({ ready: true, why });
  });

  it('is ready with the artillery on PATH', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'perf-gate-artillery-bin-'));
    symlinkSync(FAKE, join(bin, 'artillery'));
    const prepared = await artilleryEngine.prepare(setup({ processEnv: { PATH: `${bin}:${process.env.PATH ?? ''}` } }));
    expect(prepared).toMatchObject({ ready: true, why: 'Artillery 2.0.21 (PATH)' });
  });

  it.each([
    { what: 'no Artillery', over: {}, why: 'artillery is not on PATH (and PERF_GATE_ARTILLERY is not set)' },
    { what: 'PERF_GATE_ARTILLERY naming something else', over: { processEnv: { PATH: '/nonexistent', PERF_GATE_ARTILLERY: '/bin/false' } }, why: 'PERF_GATE_ARTILLERY names /bin/false, which does not answer `artillery version`' },
    { what: 'no script', over: { script: undefined, installed: { artillery: { path: FAKE, version: '2.0.21' } } }, why: 'no --script given' },
  ])('is not ready with $what', async ({ over, why }) => {
    const prepared = await artilleryEngine.prepare(setup(over as Partial<EngineSetup>));
    expect(prepared).toMatchObject({ ready: false, why });
  });
});

describe('Artillery command line and variables', () => {
  it('puts the report, the target and the flags before the script', () => {
    expect(artilleryArgs({ script: 's.yml', reportFile: 'r.json', flags: ['-e', 'staging'] })).toEqual(['run', '--output', 'r.json', '-e', 'staging', 's.yml']);
  });

  it('lets perf-gate’s variables win over the script’s env of the same name', () => {
    const vars = artilleryVariables({ stage: 'load', env: { PERF_GATE_STAGE: 'x', A: '1' }, requestsBase: '/w/load.requests', pluginParent: '/p', processEnv: { ARTILLERY_PLUGIN_PATH: '/mine' } });
    expect(vars).toEqual({ A: '1', PERF_GATE_STAGE: 'load', PERF_GATE_ARTILLERY_REQUESTS: '/w/load.requests', ARTILLERY_PLUGIN_PATH: '/p:/mine', ARTILLERY_PLUGINS: '{"perf-gate":{}}', ARTILLERY_DISABLE_TELEMETRY: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  });

  it.each([
    { output: '\nVERSION INFO:\n\nArtillery: 2.0.21\nNode.js:   v20.20.2\n', version: '2.0.21' },
    { output: 'Artillery: 2.1.0-abc123\n', version: '2.1.0-abc123' },
    { output: 'command not found', version: undefined },
  ])('reads the version of $output', ({ output, version }) => {
    expect(parseArtilleryVersion(output)).toBe(version);
  });

  it('finds the plugin shipped in the package', () => {
    expect(pluginParent()).toBe(PLUGINS);
  });
});

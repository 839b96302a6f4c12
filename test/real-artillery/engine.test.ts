/**
 * The Artillery engine with a real Artillery (PERF_GATE_TEST_ARTILLERY) against the example API on
 * 127.0.0.1: the plugin's request lines and the report of one run agree; through the pipeline a stage
 * with the dashboard made 3× slower (the API's fault switch) fails naming GET /api/dashboard/metrics; a
 * cancelled stage returns what ran; no Action input or token reaches Artillery's scripts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { RunView } from '../../src/document/run-view.js';
import { createArtilleryEngine } from '../../src/engine/artillery/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { StoredBaseline } from '../../src/pipeline/ports.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { fakeStore, fixedClock, recordingLog } from '../pipeline/fakes.js';
import { ARTILLERY_TEST_ENV, REAL_ARTILLERY, SKIPPED, warnIfSkipped } from '../support/real-artillery.js';

const SCRIPT = 'examples/artillery/isectech.yml';
/** 8 s at 5 arrivals/s: 40 virtual users of 12 requests. */
const SHORT = ['--overrides', JSON.stringify({ config: { phases: [{ duration: 8, arrivalRate: 5 }] } })];
const ADMIN_TOKEN = 'isectech-admin';
const TOKEN = 'ghs_realArtilleryToken0123456789';
const DASHBOARD = 'GET /api/dashboard/metrics';
let server: RunningServer;
warnIfSkipped('real Artillery: engine');

async function setFaults(faults: unknown): Promise<void> {
  const res = await fetch(`${server.url}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`the example API refused the faults: ${res.status}`);
}

function engine(options: { script?: string; flags?: string[]; env?: Record<string, string>; processEnv?: NodeJS.ProcessEnv } = {}) {
  return createArtilleryEngine({
    artillery: REAL_ARTILLERY!,
    script: options.script ?? SCRIPT,
    targetUrl: server.url,
    env: options.env ?? {},
    flags: options.flags ?? SHORT,
    secrets: [TOKEN],
    processEnv: { ...process.env, ...ARTILLERY_TEST_ENV, ...options.processEnv },
  });
}

const workDir = () => mkdtempSync(join(tmpdir(), 'perf-gate-real-artillery-'));

describe.skipIf(REAL_ARTILLERY === undefined)(`the Artillery engine, real Artillery ${REAL_ARTILLERY ? REAL_ARTILLERY.version : `(${SKIPPED})`}`, () => {
  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 11 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('hands over request lines that agree with the report of the same run', { timeout: 120_000 }, async () => {
    const dir = workDir();
    const log = recordingLog();
    const out = await engine().run({ stage: 'smoke', policy: resolvePolicy(parseConfig({}), 'smoke'), workDir: dir, signal: new AbortController().signal, log });
    expect(out).toMatchObject({ toolVersion: REAL_ARTILLERY!.version, cancelled: false, notes: [] });
    if (out.measured.kind !== 'files') throw new Error('expected files');
    expect(out.measured.files.length).toBeGreaterThanOrEqual(1);
    const stream = new RunView(await ingestFiles(out.measured.files));
    const report = new RunView(await ingestFiles([join(dir, 'smoke.report.json')]));
    const requests = stream.value('http.requests', 'count')!;
    expect(requests).toBe(report.value('http.requests', 'count'));
    // 40 virtual users of 12 requests; one whose capture failed on a loaded runner ends early.
    expect(requests).toBeGreaterThan(400);
    expect(requests).toBeLessThanOrEqual(480);
    expect([...stream.scopesByTag('http.response_time', 'name').keys()].sort()).toEqual([...report.scopesByTag('http.response_time', 'name').keys()].sort());
    expect(stream.errors({})).toEqual(report.errors({}));
    expect(log.lines.some((l) => l.startsWith('info: artillery: Phase started'))).toBe(true);
  });

  it('fails a 3× slower dashboard through the pipeline, naming GET /api/dashboard/metrics', { timeout: 180_000 }, async () => {
    const stages = planStages(parseConfig({}), ['smoke']);
    const stage = async (stored: StoredBaseline) =>
      runPipeline(
        { stages, workDir: workDir(), signal: new AbortController().signal, cancelledNote: 'cancelled' },
        { engine: engine(), baselines: fakeStore({ smoke: stored }), clock: fixedClock('2026-12-03T07:00:00Z'), log: recordingLog() },
      );
    await setFaults({ latency: {} });
    const base = (await stage({ history: [] })).runs[0]!;
    expect(base.current.meta).toMatchObject({ tool: 'artillery', toolVersion: REAL_ARTILLERY!.version, aggregateOnly: false });
    await setFaults({ latency: { '/api/dashboard': 3 } });
    try {
      const slow = (await stage({ baseline: base.current, history: [] })).runs[0]!;
      expect(slow.report.outcome).toBe('fail');
      const failed = slow.report.findings.filter((f) => f.outcome === 'fail' && f.kind === 'latency').map((f) => f.scope?.value ?? 'whole run');
      expect(failed).toContain(DASHBOARD);
    } finally {
      await setFaults({ latency: {} });
    }
  });

  it('returns what ran when the stage is cancelled', { timeout: 120_000 }, async () => {
    const controller = new AbortController();
    const log = recordingLog();
    const running = engine({ flags: ['--overrides', JSON.stringify({ config: { phases: [{ duration: 60, arrivalRate: 3 }] } })] }).run({
      stage: 'smoke', policy: resolvePolicy(parseConfig({}), 'smoke'), workDir: workDir(), signal: controller.signal, log,
    });
    for (let i = 0; i < 600 && !log.lines.some((l) => l.includes('Phase started')); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 3_000));
    controller.abort();
    const out = await running;
    expect(out.cancelled).toBe(true);
    if (out.measured.kind !== 'files') throw new Error('expected files');
    const doc = await ingestFiles(out.measured.files);
    expect(new RunView(doc).value('http.requests', 'count')).toBeGreaterThan(0);
  });

  it('passes no Action input, token or secret to the script', { timeout: 120_000 }, async () => {
    const dir = workDir();
    const dump = join(dir, 'env.json');
    await engine({
      script: join(import.meta.dirname, 'env-dump.yml'),
      flags: [],
      env: { DUMP_FILE: dump },
      processEnv: { 'INPUT_GITHUB-TOKEN': TOKEN, INPUT_STAGES: 'smoke', GITHUB_TOKEN: 'gh-token', GH_TOKEN: 'gh', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc', GITHUB_OUTPUT: '/tmp/out', COPY_OF_TOKEN: TOKEN },
    }).run({ stage: 'smoke', policy: resolvePolicy(parseConfig({}), 'smoke'), workDir: dir, signal: new AbortController().signal, log: recordingLog() });
    const seen = JSON.parse(readFileSync(dump, 'utf8')) as { names: string[]; values: string[] };
    for (const name of ['INPUT_GITHUB-TOKEN', 'INPUT_STAGES', 'GITHUB_TOKEN', 'GH_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'GITHUB_OUTPUT', 'COPY_OF_TOKEN']) expect(seen.names, name).not.toContain(name);
    expect(seen.values.some((v) => v.includes(TOKEN))).toBe(false);
    expect(seen.names).toEqual(expect.arrayContaining(['PERF_GATE_STAGE', 'BASE_URL', 'ARTILLERY_DISABLE_TELEMETRY', 'PERF_GATE_ARTILLERY_REQUESTS', 'DUMP_FILE']));
  });
});

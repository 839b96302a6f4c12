/**
 * Where the time went, with the real k6 (the first of PERF_GATE_TEST_K6) against the example API in its own
 * process, a fresh one per run, its /metrics scraped while the load runs: a baseline, the same code again
 * (no hint), then three injected faults — the dashboard's handler 3× slower, which the hints must put in
 * waiting (server time) and not on the CPU (it waits on a timer); keep-alive lost (every response says
 * `Connection: close`), which they must put in connection setup; and a handler that burns CPU, which they
 * must put on CPU per request. Issue 13 §2, "request phases" and "service resources".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { endpointMemory } from '../../src/engine/memory-sources.js';
import { resourceHints } from '../../src/report/resource-words.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { timeHints } from '../../src/report/words.js';
import { fakeStore, fixedClock, recordingLog } from '../pipeline/fakes.js';
import { setFaults, startApiProcess, type ApiProcess } from '../support/example-api-process.js';
import { K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

warnIfSkipped('real k6: where the time went');

const KNOBS = { VUS: '3', DURATION: '6s', THINK: '0.1', WS_EVERY: '3', EXPORT_EVERY: '4' };
const CONFIG = parseConfig({});
let api: ApiProcess | undefined;

/** One smoke stage on a fresh API with these faults, judged against `baseline` when given. */
async function measure(faults: unknown, baseline?: RunDocument) {
  await api?.close();
  api = await startApiProcess(9);
  await setFaults(api, faults);
  const engine = createK6Engine({ k6: MAIN_K6!, script: 'examples/k6/isectech.js', baseUrl: api.url, env: KNOBS, flags: [], secrets: [], processEnv: { ...process.env, ...K6_TEST_ENV } });
  const result = await runPipeline(
    { stages: planStages(CONFIG, ['smoke']), workDir: mkdtempSync(join(tmpdir(), 'perf-gate-real-phases-')), signal: new AbortController().signal, cancelledNote: 'cancelled' },
    { engine, memory: endpointMemory(`${api.url}/metrics`, { warning: () => {} }, 500), baselines: fakeStore({ smoke: baseline ? { baseline, history: [] } : { history: [] } }), clock: fixedClock('2026-12-03T10:00:00Z'), log: recordingLog() },
  );
  return result.runs[0]!;
}

describe.skipIf(MAIN_K6 === undefined)(`where the time went and which resource moved, real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}`, () => {
  let baseline: RunDocument;
  beforeAll(async () => {
    baseline = (await measure({})).current;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('the same code again gives no hint', async () => {
    const run = await measure({}, baseline);
    expect(timeHints(run.report.scopes)).toEqual([]);
    expect(resourceHints(run.report)).toEqual([]);
    expect(run.report.resources?.changes.find((c) => c.resource === 'cpuPerRequest')?.moved, JSON.stringify(run.report.resources)).toBe(false);
  }, 60_000);

  it('a slower handler is put in waiting (server time), on the endpoint that slowed', async () => {
    const run = await measure({ latency: { '/api/dashboard': 3 } }, baseline);
    const hints = timeHints(run.report.scopes);
    const dashboard = hints.find((h) => h.includes('GET /api/dashboard/metrics'));
    expect(dashboard, hints.join('\n')).toMatch(/GET \/api\/dashboard\/metrics: \+[\d.]+ ms mean per request, of which \+[\d.]+ ms waiting \(server time\)/);
    expect(hints.filter((h) => /connection setup/.test(h))).toEqual([]);
    expect(resourceHints(run.report).join('\n')).not.toMatch(/CPU per request/);
  }, 60_000);

  it('a handler that burns CPU is put on CPU per request, beside the latency it cost', async () => {
    const run = await measure({ cpuBurnMs: { '/api/dashboard': 20 } }, baseline);
    const cpu = run.report.resources?.changes.find((c) => c.resource === 'cpuPerRequest');
    expect(cpu?.moved, JSON.stringify(run.report.resources)).toBe(true);
    expect(resourceHints(run.report).join('\n'), JSON.stringify(run.report.findings.map((f) => [f.kind, f.severity, f.scope?.value]))).toMatch(/^Which resource moved with the latency — CPU per request [\d.]+ → [\d.]+ ms \(\+[\d.]+ %\)/);
  }, 60_000);

  it('keep-alive lost is put in connection setup, on the whole run', async () => {
    const run = await measure({ noKeepAlive: true }, baseline);
    const hints = timeHints(run.report.scopes);
    expect(hints.find((h) => h.includes('All requests')), hints.join('\n')).toMatch(/All requests: .*connection setup [\d.]+ ms → [\d.]+ ms per request \(×[\d.]+\): connections are no longer reused/);
  }, 60_000);
});

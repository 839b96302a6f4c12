/**
 * Capacity, with the real k6 (the first of PERF_GATE_TEST_K6) against the example API in its own process: the
 * stress stage of examples/k6/isectech.js, shortened (steps of 10 VUs up to 30, 4 s ramps and holds), once
 * as it is and once with every API request burning 3 ms of CPU. The burn caps what one event loop serves,
 * so the latency breaks away earlier as the VUs grow: the capacity must drop, and the report must say so.
 * Issue 13 §2, "capacity".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { capacityText } from '../../src/report/capacity-words.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fakeStore, fixedClock, recordingLog } from '../pipeline/fakes.js';
import { setFaults, startApiProcess, type ApiProcess } from '../support/example-api-process.js';
import { K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

warnIfSkipped('real k6: capacity');

const KNOBS = { TARGET_VUS: '10', STRESS_FACTOR: '3', RAMP_UP: '4s', DURATION: '4s', RAMP_DOWN: '2s', THINK: '0.05', WS_EVERY: '1000', EXPORT_EVERY: '1000' };
const CONFIG = parseConfig({});
let api: ApiProcess | undefined;

async function stress(faults: unknown, baseline?: RunDocument) {
  await api?.close();
  api = await startApiProcess(11);
  await setFaults(api, faults);
  const engine = createK6Engine({ k6: MAIN_K6!, script: 'examples/k6/isectech.js', baseUrl: api.url, env: KNOBS, flags: [], secrets: [], processEnv: { ...process.env, ...K6_TEST_ENV } });
  const result = await runPipeline(
    { stages: planStages(CONFIG, ['stress']), workDir: mkdtempSync(join(tmpdir(), 'perf-gate-real-capacity-')), signal: new AbortController().signal, cancelledNote: 'cancelled' },
    { engine, baselines: fakeStore({ stress: baseline ? { baseline, history: [] } : { history: [] } }), clock: fixedClock('2026-12-03T10:00:00Z'), log: recordingLog() },
  );
  return { ...result.runs[0]!, full: result.report };
}

describe.skipIf(MAIN_K6 === undefined)(`capacity of a stress stage, real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}`, () => {
  afterAll(async () => {
    await api?.close();
  });

  it('drops when every request burns CPU, and the report says by how much', async () => {
    const baseline = await stress({});
    const base = baseline.report.capacity?.current;
    expect(base?.sustainedRps, JSON.stringify(baseline.report.capacity)).toBeGreaterThan(0);
    const burnt = await stress({ cpuBurnMs: { '/api': 3 } }, baseline.current);
    const c = burnt.report.capacity;
    expect(c?.change, JSON.stringify(c)).toBeLessThan(-0.2);
    const line = capacityText(c!);
    expect(line).toMatch(/^Capacity [\d.,]+ → [\d.,]+ req\/s \(−[\d.]+ %\)/);
    expect(renderMarkdown(burnt.full)).toContain(line.slice(0, 30));
  }, 120_000);
});

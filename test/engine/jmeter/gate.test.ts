/**
 * The same gate for JMeter: examples/jmeter/isectech.jmx run through the pipeline by the registry's JMeter
 * engine with the stand-in JMeter (test/support/stand-in-jmeter.mjs — not JMeter: no real JMeter can run
 * here, see its header) against the example API. A baseline run, the same code again (not failed), then
 * the dashboard made 3× slower through the API's fault switch: the stage fails, naming that endpoint and
 * no other, with the smoke preset's SLOs judged on JMeter's own metrics. The API runs at ×2 latency so its
 * simulated time outweighs a busy runner's event-loop delay (the API shares this process). A load test:
 * it runs with test:e2e, one file at a time (under test:core's parallel files, once, only the whole run
 * was failed, not the dashboard).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../examples/isectech-api/src/index.js';
import { parseConfig } from '../../../src/config/schema.js';
import { planStages } from '../../../src/pipeline/plan-stages.js';
import type { StoredBaseline } from '../../../src/pipeline/ports.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { fakeStore, fixedClock, recordingLog } from '../../pipeline/fakes.js';
import { isectechPlanEngine, tempDir } from './support.js';

const ADMIN_TOKEN = 'isectech-admin';
const config = parseConfig({ stages: { smoke: { workload: { connections: 3, duration: '8s' } } } });
let server: RunningServer;

async function setFaults(faults: unknown): Promise<void> {
  const res = await fetch(`${server.url}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`the example API refused the faults: ${res.status}`);
}

async function stage(stored: StoredBaseline) {
  const prepared = await isectechPlanEngine(config, server.url);
  const log = recordingLog();
  const result = await runPipeline(
    { stages: planStages(config, ['smoke']), workDir: tempDir('perf-gate-jmeter-gate-'), signal: new AbortController().signal, cancelledNote: 'cancelled' },
    { engine: prepared.engine, baselines: fakeStore({ smoke: stored }), clock: fixedClock('2026-12-03T10:00:00Z'), log },
  );
  return { run: result.runs[0]!, log };
}

describe('a JMeter stage through the gate (stand-in JMeter, example API)', () => {
  beforeAll(async () => {
    const { startServer } = await import('../../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 13, latencyScale: 2 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('passes the same code, and fails a 3× slower dashboard naming it', async () => {
    await setFaults({ latency: {} });
    const { run: base } = await stage({ history: [] });
    expect(base.current.meta.tool).toBe('jmeter');
    expect(base.current.meta.roles).toEqual({ latency: 'elapsed', requests: 'samples', failures: 'failed' });
    // The smoke preset's SLOs (k6's names) are judged on JMeter's elapsed and failed.
    expect(base.report.notes.join('\n')).toContain("judged on jmeter's elapsed and failed");
    const stored: StoredBaseline = { baseline: base.current, history: [] };

    const same = await stage(stored);
    expect(same.run.report.outcome, same.run.report.findings.map((f) => `${f.outcome} ${f.kind} ${f.scope?.value ?? ''} ${f.change ?? ''}`).join('\n')).not.toBe('fail');

    await setFaults({ latency: { '/api/dashboard': 3 } });
    const slow = await stage(stored);
    expect(slow.run.report.outcome).toBe('fail');
    const named = slow.run.report.findings.filter((f) => f.outcome === 'fail' && f.kind === 'latency' && (f.change ?? 0) > 0).map((f) => f.scope?.value ?? 'whole run');
    expect(named).toContain('GET /api/dashboard/metrics');
    expect(named.filter((n) => n !== 'GET /api/dashboard/metrics' && n !== 'whole run')).toEqual([]);
    await setFaults({ latency: {} });
  }, 90_000);
});

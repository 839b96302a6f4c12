/**
 * A sequential stage with every real k6 of PERF_GATE_TEST_K6, through the pipeline, against the example
 * API (a fresh process for each run): a baseline run, then the same stage sequential (planned 12 s, budget 16 s, a look every 4 s) with the
 * dashboard made 3× slower through the API's fault switch — stopped at a look by SIGINT, failed, the run
 * whole (not partial) — and with the fault off again: not failed, stopped at a look or run to the budget
 * the script was told (PERF_GATE_STAGE_DURATION; the smoke stage would last 12 s on its own). A look needs 8
 * time windows to fail (the gate's short-run rule), so the first that can stop for a regression is at 8 s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { StoredBaseline } from '../../src/pipeline/ports.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { fakeStore, fixedClock, recordingLog } from '../pipeline/fakes.js';
import { startApiProcess, setFaults, type ApiProcess } from '../support/example-api-process.js';
import { K6_TEST_ENV, REAL_K6S, SKIPPED, warnIfSkipped, type RealK6 } from '../support/real-k6.js';

const KNOBS = { VUS: '3', DURATION: '12s', THINK: '0.1', WS_EVERY: '3', EXPORT_EVERY: '4' };
// The additive jitter of sub-millisecond endpoints, set for this 2-core machine: the 403 answers of
// `GET /api/tenants/{id}/settings (other tenant)` take ~0.5 ms, and between two fresh API processes under
// CI's load their median moved by +46 % (0.25 ms) in one A/A — beyond the 0.05 ms default, which was set from
// one observation. The user's knob for a noisy runner; the default itself is an open item (issue 9 §6).
const NOISY_RUNNER = { runToRunNoiseMs: 0.3 };
const PLAIN = parseConfig(NOISY_RUNNER);
const SEQUENTIAL = parseConfig({ ...NOISY_RUNNER, stages: { smoke: { sequential: { duration: '12s', maxDuration: '16s', lookEvery: '4s' } } } });

let server: ApiProcess | undefined;

warnIfSkipped('real k6: sequential stage');

/**
 * A fresh example API (its own process, seed 9) with these faults, for each measurement: the runs write to
 * its store (alerts are created), so a second run on the same server meets more data than the first — a
 * real drift between the runs that an A/A comparison must not be handed (it once failed a p95 on it).
 */
async function freshServer(faults: unknown): Promise<void> {
  await server?.close();
  server = await startApiProcess(9);
  await setFaults(server, faults);
}

async function stage(k6: RealK6, config: typeof PLAIN, stored: StoredBaseline) {
  const engine = createK6Engine({ k6, script: 'examples/k6/isectech.js', baseUrl: server!.url, env: KNOBS, flags: [], secrets: [], processEnv: { ...process.env, ...K6_TEST_ENV } });
  const log = recordingLog();
  const result = await runPipeline(
    { stages: planStages(config, ['smoke']), workDir: mkdtempSync(join(tmpdir(), 'perf-gate-real-seq-')), signal: new AbortController().signal, cancelledNote: 'cancelled' },
    { engine, baselines: fakeStore({ smoke: stored }), clock: fixedClock('2026-12-02T10:00:00Z'), log },
  );
  return { run: result.runs[0]!, log };
}

describe.skipIf(REAL_K6S.length === 0)(`a sequential stage, real k6 ${REAL_K6S.length > 0 ? REAL_K6S.map((k) => `v${k.version}`).join(', ') : `(${SKIPPED})`}`, () => {
  // The API in its own process: in this one, the looks (live ingest, a judgement every 4 s) would delay its
  // event loop while the sequential run is measured and not while its baseline is.
  afterAll(async () => {
    await server?.close();
  });

  it.each(REAL_K6S.map((k6) => ({ k6, version: k6.version })))('k6 v$version: a 3× slower dashboard stops the load at a look; the same code is not failed', async ({ k6 }) => {
    await freshServer({ latency: {} });
    const { run: base } = await stage(k6, PLAIN, { history: [] });
    const stored: StoredBaseline = { baseline: base.current, history: [] };

    await freshServer({ latency: { '/api/dashboard': 3 } });
    const slow = await stage(k6, SEQUENTIAL, stored);
    const q = slow.run.report.sequential!;
    expect(q.end, slow.log.lines.join('\n')).toBe('regression');
    // Stopped at a look (4, 8 or 12 s after k6's first result), before the 16 s budget.
    expect(q.ranSeconds).toBeLessThan(14);
    expect(slow.run.report.outcome).toBe('fail');
    // Pinned to its endpoint: failed, or warned when the stop left it below minSamples (the exact small-sample test).
    const named = slow.run.report.findings.filter((f) => (f.outcome === 'fail' || f.outcome === 'warn') && f.kind === 'latency' && (f.change ?? 0) > 1).map((f) => f.scope?.value ?? 'whole run');
    expect(named).toContain('GET /api/dashboard/metrics');
    expect(named.filter((n) => n !== 'GET /api/dashboard/metrics' && n !== 'whole run')).toEqual([]);
    // Stopped on purpose: the run is the stage's whole run, not one cut short.
    expect(slow.run.current.meta.partial).toBe(false);
    expect(slow.log.lines.filter((l) => /k6 exited with code/.test(l)).join('\n')).toMatch(/stopped early on purpose/);
    expect(slow.log.lines.filter((l) => l.startsWith('warning:') && /stopped before/.test(l))).toEqual([]);

    await freshServer({ latency: {} });
    const same = await stage(k6, SEQUENTIAL, stored);
    const r = same.run.report.sequential!;
    expect(same.run.report.outcome, same.run.report.findings.filter((f) => f.outcome === 'fail').map((f) => `${f.kind} ${f.scope?.value ?? 'whole run'} ${f.statistic ?? ''} ${f.change ?? ''}`).join('\n')).not.toBe('fail');
    expect(['within-limits', 'full-length']).toContain(r.end);
    // Run to the budget, or stopped at a look: the one at 12 s may stop it once every question is decided
    // within limits (a clean-clone CI run stopped there at 12.05 s).
    if (r.end === 'full-length') expect(r.ranSeconds).toBeGreaterThan(14);
    else expect(r.ranSeconds).toBeLessThan(14);
    expect(r.ranSeconds).toBeLessThan(17);
  }, 120_000);
});

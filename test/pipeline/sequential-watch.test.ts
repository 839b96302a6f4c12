/**
 * A sequential stage through the pipeline, with a fake engine that plays a run second by second: at each
 * look it hands over the run so far (a synthetic run of that length) and stops when told, as k6's live
 * output does. The gate's decision at a look is tested in test/gate/sequential.test.ts; this is the wiring:
 * what the engine is asked, the α left for the end, and the report's record.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { LoadOutput, StageLoad, StoredBaseline } from '../../src/pipeline/ports.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { sequentialText } from '../../src/report/words.js';
import { lognormal, syntheticRun } from '../gate/synthetic.js';
import { fakeEngine, fakeStore, fixedClock, recordingLog } from './fakes.js';

const RATE = 25;
/** Two endpoints for `seconds`, GET /b `factor` times slower than in the baseline. */
function run(seconds: number, factor: number, seed: number): RunDocument {
  const n = Math.round(RATE * seconds);
  return syntheticRun({
    seconds,
    endpoints: {
      'GET /a': { latencies: lognormal(n, 80, 0.3, seed) },
      'GET /b': { latencies: lognormal(n, 120, 0.3, seed + 100).map((v) => v * factor) },
    },
  });
}

const config = parseConfig({ stages: { seq: { sequential: { duration: '40s', maxDuration: '60s', lookEvery: '10s' } } } });
const [planned] = planStages(config, ['seq']);

/** Plays the run: the run so far at each look; stopped at the first look that says so, else the whole budget. */
function playing(factor: number, seed: number, obey = true) {
  const asked: { atSeconds: readonly number[]; maxSeconds: number }[] = [];
  const engine = fakeEngine(async (load: StageLoad): Promise<LoadOutput> => {
    const base = { toolVersion: '1.8.1', cancelled: false, scriptThresholds: [], notes: [] };
    if (!load.watch || !obey) return { ...base, measured: { kind: 'document', document: run(40, factor, seed) }, ...(load.watch ? { watch: { kind: 'unwatched', why: 'this fake does not look' } } : {}) };
    asked.push({ atSeconds: load.watch.atSeconds, maxSeconds: load.watch.maxSeconds });
    for (const at of load.watch.atSeconds) {
      if (await load.watch.look(run(at, factor, seed), at)) return { ...base, measured: { kind: 'document', document: run(at + 0.5, factor, seed) }, watch: { kind: 'stopped' } };
    }
    return { ...base, measured: { kind: 'document', document: run(load.watch.maxSeconds, factor, seed) }, watch: { kind: 'ran' } };
  });
  return { engine, asked };
}

async function stage(factor: number, stored: StoredBaseline, obey = true) {
  const { engine, asked } = playing(factor, 7, obey);
  const log = recordingLog();
  const result = await runPipeline(
    { stages: [planned!], workDir: '/work', signal: new AbortController().signal, cancelledNote: 'cancelled' },
    { engine, baselines: fakeStore({ seq: stored }), clock: fixedClock('2026-12-02T10:00:00Z'), log },
  );
  return { report: result.runs[0]!.report, asked, log };
}

const withBaseline = (): StoredBaseline => ({ baseline: run(40, 1, 1), history: [] });

describe('a sequential stage in the pipeline', () => {
  it('asks the engine to look every 10 s up to the budget and to run no longer than it', async () => {
    const { asked } = await stage(1, withBaseline());
    expect(asked[0]).toEqual({ atSeconds: [10, 20, 30, 40, 50], maxSeconds: 60 });
  });

  it('stops the same code at an early look, passes, and says how much time it saved', async () => {
    const { report, log } = await stage(1, withBaseline());
    expect(report.outcome).toBe('pass');
    const q = report.sequential!;
    expect(q.end).toBe('within-limits');
    expect(q.stoppedAtLook).toBeLessThan(40);
    expect(q.ranSeconds).toBeLessThan(40);
    expect(q.finalAlpha).toBeCloseTo(0.05 - 0.001 * q.looks.length, 12);
    expect(log.lines.some((l) => /look at \d+ s .* every question is within its limits/.test(l))).toBe(true);
    expect(sequentialText(q)).toMatch(/^Sequential: stopped at \d+(\.\d)? s of the 40 s planned — every question was within its limits .* of the planned time saved; judged at the end at α 0\.04\d\.$/);
  });

  it('stops a 1.6× slower endpoint at the first look and fails it, naming the endpoint', async () => {
    const { report } = await stage(1.6, withBaseline());
    expect(report.outcome).toBe('fail');
    expect(report.sequential).toMatchObject({ end: 'regression', stoppedAtLook: 10, finalAlpha: 0.049 });
    expect(report.findings.some((f) => f.outcome === 'fail' && f.scope?.value === 'GET /b')).toBe(true);
    expect(report.findings.some((f) => f.outcome === 'fail' && f.scope?.value === 'GET /a')).toBe(false);
  });

  it('without a baseline, looks only to stop at the planned length', async () => {
    const { report, asked } = await stage(1, { history: [] });
    expect(asked[0]).toEqual({ atSeconds: [40], maxSeconds: 40 });
    expect(report.sequential).toMatchObject({ end: 'no-baseline', finalAlpha: 0.05 });
    expect(sequentialText(report.sequential!)).toContain('no baseline to compare with');
  });

  it('an engine that cannot look runs the load as it is and is judged at the full α, saying so', async () => {
    const { report } = await stage(1, withBaseline(), false);
    expect(report.sequential).toMatchObject({ end: 'unwatched', finalAlpha: 0.05, looks: [] });
    expect(sequentialText(report.sequential!)).toBe('Sequential: not applied — this fake does not look; the load ran 40 s, judged at the end at α 0.05.');
  });

  it('a stage without `sequential` gets no watch and no record', async () => {
    const plain = planStages(parseConfig({}), ['smoke'])[0]!;
    let watched: unknown = 'unset';
    const engine = fakeEngine((load) => {
      watched = load.watch;
      return { measured: { kind: 'document', document: run(20, 1, 3) }, cancelled: false, scriptThresholds: [], notes: [] };
    });
    const result = await runPipeline({ stages: [plain], workDir: '/w', signal: new AbortController().signal, cancelledNote: 'c' }, { engine, baselines: fakeStore(), clock: fixedClock('2026-12-02T10:00:00Z'), log: recordingLog() });
    expect(watched).toBeUndefined();
    expect(result.runs[0]!.report.sequential).toBeUndefined();
  });
});

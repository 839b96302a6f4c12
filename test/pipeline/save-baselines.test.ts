import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { BaselineWrite, LoadOutput } from '../../src/pipeline/ports.js';
import { runPipeline, type StageRun } from '../../src/pipeline/run-pipeline.js';
import { saveBaselines } from '../../src/pipeline/save-baselines.js';
import { noBaseline } from '../../src/pipeline/no-baseline.js';
import { fakeEngine, fakeStore, fixedClock, recordingLog } from './fakes.js';

const RECORDED = join(import.meta.dirname, '../fixtures/k6/smoke-aa.ndjson.gz');
let runs: readonly StageRun[];

beforeAll(async () => {
  // smoke, load and stress; load stopped early (partial).
  const engine = fakeEngine((load): LoadOutput => ({
    measured: { kind: 'files', files: [RECORDED] },
    cancelled: false,
    ...(load.stage === 'load' ? { stoppedEarly: 'k6 was stopped before the stage ended (killed)' } : {}),
    scriptThresholds: [],
    notes: [],
  }));
  ({ runs } = await runPipeline(
    { stages: planStages(defaultConfig(), ['smoke', 'load', 'stress']), workDir: '/w', signal: new AbortController().signal, cancelledNote: '' },
    { engine, baselines: noBaseline, clock: fixedClock('2026-12-01T10:00:00Z'), log: recordingLog() },
  ));
});

describe('saveBaselines', () => {
  it.each<{ what: string; writes: Record<string, BaselineWrite>; calls: string[]; lines: string[] }>([
    {
      what: 'every whole run is written; a partial one is not, with a warning',
      writes: {},
      calls: ['write smoke', 'write stress'],
      lines: ['info: wrote smoke', 'warning: Stage load is partial: its run does not become the baseline.', 'info: wrote stress'],
    },
    {
      what: 'a newer stored baseline kept is said as a fact; a failed write warns and the next stage is still written',
      writes: { smoke: { status: 'kept', message: 'kept smoke' }, stress: { status: 'failed', message: 'stress failed' } },
      calls: ['write smoke', 'write stress'],
      lines: ['info: kept smoke', 'warning: Stage load is partial: its run does not become the baseline.', 'warning: stress failed'],
    },
    {
      what: 'a refused write (no permission) stops: no later stage is tried',
      writes: { smoke: { status: 'refused', message: 'no permission' } },
      calls: ['write smoke'],
      lines: ['warning: no permission'],
    },
  ])('$what', async ({ writes, calls, lines }) => {
    const store = fakeStore({}, writes);
    const log = recordingLog();
    await saveBaselines(runs, store, log);
    expect(store.calls).toEqual(calls);
    expect(log.lines).toEqual(lines);
  });
});

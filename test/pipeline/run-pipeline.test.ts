import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import type { MemorySample, RunDocument } from '../../src/document/run-document.js';
import { scriptThresholds } from '../../src/engine/k6-script-thresholds.js';
import { LoadFailedError } from '../../src/engine/load-failed.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { LoadOutput, StoredBaseline } from '../../src/pipeline/ports.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { fakeEngine, fakeMemory, fakeStore, fixedClock, recordingLog } from './fakes.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/k6');
const fixture = (name: string): string => join(FIXTURES, `${name}.ndjson.gz`);
const NOW = '2026-12-01T10:00:00.000Z';
const WORK = '/work/dir';
const CANCELLED = 'The caller stopped it (partial).';
const config = defaultConfig();

/** k6-like output: the recorded run's NDJSON to ingest, k6 v0.49.0. */
function files(name: string, extra: Partial<LoadOutput> = {}): LoadOutput {
  return { measured: { kind: 'files', files: [fixture(name)] }, toolVersion: '0.49.0', cancelled: false, scriptThresholds: [], notes: [], ...extra };
}

let baseline: RunDocument;
let aaStart: number;
beforeAll(async () => {
  baseline = await ingestFiles([fixture('smoke-baseline')], { stage: 'smoke' });
  aaStart = Date.parse((await ingestFiles([fixture('smoke-aa')], { stage: 'smoke' })).meta.start);
});

interface Row {
  what: string;
  stage: string;
  output: () => LoadOutput | Promise<LoadOutput>;
  stored?: () => StoredBaseline | Error;
  samples?: MemorySample[];
  expected: { outcome: string; partial: boolean; toolVersion?: string; firstNote?: string; hasBaseline: boolean; logged?: string; memory?: boolean };
}

describe('runPipeline: one stage, fake ports', () => {
  it.each<Row>([
    {
      what: 'a first run: no baseline, inconclusive; the tool version is recorded',
      stage: 'smoke',
      output: () => files('smoke-aa'),
      expected: { outcome: 'inconclusive', partial: false, toolVersion: '0.49.0', firstNote: 'No baseline: regressions cannot be judged on a first run; absolute thresholds still apply.', hasBaseline: false },
    },
    {
      what: 'the A/A run against the stored baseline passes',
      stage: 'smoke',
      output: () => files('smoke-aa'),
      stored: () => ({ baseline, history: [] }),
      expected: { outcome: 'pass', partial: false, toolVersion: '0.49.0', hasBaseline: true },
    },
    {
      what: 'the regressed run against the stored baseline fails',
      stage: 'smoke',
      output: () => files('smoke-regressed'),
      stored: () => ({ baseline, history: [] }),
      expected: { outcome: 'fail', partial: false, hasBaseline: true },
    },
    {
      what: 'a stored baseline of another load tool is set aside, said first: judged as a first run, never compared',
      stage: 'smoke',
      output: () => files('smoke-aa'),
      stored: () => ({ baseline: { ...baseline, meta: { ...baseline.meta, tool: 'jmeter' } }, history: [] }),
      expected: {
        outcome: 'inconclusive',
        partial: false,
        firstNote: 'The stored baseline of stage smoke was measured with jmeter, this run with k6: latencies of different load tools are not comparable, so the run was judged without a baseline. A baseline written from this run starts k6\'s.',
        hasBaseline: false,
        logged: "warning: The stored baseline of stage smoke was measured with jmeter, this run with k6: latencies of different load tools are not comparable, so the run was judged without a baseline. A baseline written from this run starts k6's.",
      },
    },
    {
      what: "cancelled by the caller's signal: partial, with the caller's note first",
      stage: 'smoke',
      output: () => files('smoke-aa', { cancelled: true, stoppedEarly: 'k6 was stopped before the stage ended (external-abort)' }),
      stored: () => ({ baseline, history: [] }),
      expected: { outcome: 'pass', partial: true, firstNote: CANCELLED, hasBaseline: true },
    },
    {
      what: 'stopped from outside (k6 killed): partial, without the cancelled note',
      stage: 'smoke',
      output: () => files('smoke-aa', { stoppedEarly: 'k6 was stopped before the stage ended (killed)' }),
      expected: { outcome: 'inconclusive', partial: true, firstNote: 'No baseline: regressions cannot be judged on a first run; absolute thresholds still apply.', hasBaseline: false },
    },
    {
      what: "the script's own thresholds are judged: crossed, they fail a stage that has no SLOs",
      stage: 'stress',
      output: () =>
        files('smoke-errors', {
          scriptThresholds: scriptThresholds(JSON.parse(readFileSync(join(FIXTURES, 'smoke-errors.summary-export.json'), 'utf8'))),
          notes: ['k6 exited 99'],
        }),
      expected: { outcome: 'fail', partial: false, firstNote: 'No baseline: regressions cannot be judged on a first run; absolute thresholds still apply.', hasBaseline: false },
    },
    {
      what: 'a store that cannot be read: one warning, judged without a baseline',
      stage: 'smoke',
      output: () => files('smoke-regressed'),
      stored: () => new Error('baseline file b.json: no such file'),
      expected: { outcome: 'inconclusive', partial: false, hasBaseline: false, logged: 'warning: baseline file b.json: no such file — judging without a baseline.' },
    },
    {
      what: 'a document the engine built is taken as it is, with the memory samples attached',
      stage: 'smoke',
      output: async () => ({ measured: { kind: 'document', document: await ingestFiles([fixture('smoke-aa')], { stage: 'smoke' }) }, cancelled: false, scriptThresholds: [], notes: [] }),
      stored: () => ({ baseline, history: [] }),
      samples: [{ t: aaStart, rssBytes: 50_000_000 }, { t: aaStart + 1000, rssBytes: 51_000_000 }],
      expected: { outcome: 'pass', partial: false, hasBaseline: true, memory: true },
    },
  ])('$what', async ({ stage, output, stored, samples, expected }) => {
    const engine = fakeEngine(output);
    const memory = fakeMemory(samples ?? []);
    const store = fakeStore(stored ? { [stage]: stored() } : {});
    const log = recordingLog();
    const { runs, notRun, report } = await runPipeline(
      { stages: planStages(config, [stage]), workDir: WORK, signal: new AbortController().signal, cancelledNote: CANCELLED },
      { engine, memory, baselines: store, clock: fixedClock(NOW), log },
    );
    expect(engine.asked).toEqual([`run ${stage} in ${WORK}`]);
    expect(store.calls).toEqual([`read ${stage}`]);
    const run = runs[0]!;
    expect(memory.calls).toEqual([`start ${stage}`, `stop ${stage} ${Date.parse(run.current.meta.start)}..${Date.parse(NOW)}`]);
    expect(notRun).toEqual([]);
    expect(report.generatedAt).toBe(NOW);
    expect(run.endedAt).toBe(Date.parse(NOW));
    expect(run.report.outcome).toBe(expected.outcome);
    expect(report.verdict).toBe(expected.outcome);
    expect(run.current.meta.partial).toBe(expected.partial);
    expect(run.report.currentRun.partial).toBe(expected.partial);
    if (expected.toolVersion) expect(run.current.meta.toolVersion).toBe(expected.toolVersion);
    if (expected.firstNote) expect(run.report.notes[0]).toBe(expected.firstNote);
    else expect(run.report.notes).not.toContain(CANCELLED);
    expect(run.baseline !== undefined).toBe(expected.hasBaseline);
    expect(run.report.baselineRun !== undefined).toBe(expected.hasBaseline);
    expect(log.lines).toContain(`group: stage ${stage}`);
    expect(log.lines).toContain(`info: stage ${stage}: ${expected.outcome}`);
    if (expected.logged) expect(log.lines).toContain(expected.logged);
    if (expected.memory) expect(run.current.memory).toEqual({ source: 'fake memory', samples });
    else expect(run.current.memory).toBeUndefined();
  });

  it('records why the load ended early in the run document, once', async () => {
    const engine = fakeEngine(() => files('smoke-aa', { stoppedEarly: 'k6 was stopped before the stage ended (killed)' }));
    const { runs } = await runPipeline({ stages: planStages(config, ['smoke']), workDir: WORK, signal: new AbortController().signal, cancelledNote: CANCELLED }, { engine, baselines: fakeStore(), clock: fixedClock(NOW), log: recordingLog() });
    expect(runs[0]!.current.meta.warnings.filter((w) => w.startsWith('k6 was stopped'))).toEqual(['k6 was stopped before the stage ended (killed)']);
  });

  it("judges the script's thresholds as findings of origin script, next to the engine's note", async () => {
    const fromScript = scriptThresholds(JSON.parse(readFileSync(join(FIXTURES, 'smoke-errors.summary-export.json'), 'utf8')));
    const engine = fakeEngine(() => files('smoke-errors', { scriptThresholds: fromScript, notes: ['k6 exited 99'] }));
    const { runs } = await runPipeline({ stages: planStages(config, ['stress']), workDir: WORK, signal: new AbortController().signal, cancelledNote: CANCELLED }, { engine, baselines: fakeStore(), clock: fixedClock(NOW), log: recordingLog() });
    const failing = runs[0]!.report.findings.filter((f) => f.outcome === 'fail').map((f) => `${f.kind} ${f.metric} ${f.limit.kind === 'threshold' ? f.limit.expression : f.limit.kind}`);
    // Crossed in the recorded run (its --summary-export says false for the other two).
    expect(failing.sort()).toEqual(['threshold checks rate>0.99', 'threshold http_req_failed rate<0.01']);
    expect(runs[0]!.report.notes.at(-1)).toBe('k6 exited 99');
  });
});

describe('runPipeline: several stages, the signal, a failed load', () => {
  it('runs the stages in order and reports them together', async () => {
    const engine = fakeEngine(() => files('smoke-aa'));
    const store = fakeStore();
    const { runs, notRun, report } = await runPipeline({ stages: planStages(config, ['smoke', 'load']), workDir: WORK, signal: new AbortController().signal, cancelledNote: CANCELLED }, { engine, baselines: store, clock: fixedClock(NOW), log: recordingLog() });
    expect(engine.asked).toEqual([`run smoke in ${WORK}`, `run load in ${WORK}`]);
    expect(store.calls).toEqual(['read smoke', 'read load']);
    expect(runs.map((r) => r.stage)).toEqual(['smoke', 'load']);
    expect(report.stages.map((s) => s.stage)).toEqual(['smoke', 'load']);
    expect(notRun).toEqual([]);
  });

  it.each([
    {
      what: 'the signal fires during the first stage: it is reported (partial), the second is not run',
      answer: (abort: () => void) => () => {
        abort();
        return files('smoke-aa', { cancelled: true });
      },
      ran: ['smoke'],
      notRun: ['load'],
      memory: ['start smoke', 'stop smoke <window>'],
    },
    {
      what: 'the signal fires before the load started (the engine throws): no stage is run, memory stops without a window',
      answer: (abort: () => void) => () => {
        abort();
        throw new Error('This operation was aborted');
      },
      ran: [],
      notRun: ['smoke', 'load'],
      memory: ['start smoke', 'stop smoke no window'],
    },
  ])('$what', async ({ answer, ran, notRun: expectedNotRun, memory: expectedMemory }) => {
    const controller = new AbortController();
    const engine = fakeEngine(answer(() => controller.abort()));
    const memory = fakeMemory([]);
    const { runs, notRun } = await runPipeline({ stages: planStages(config, ['smoke', 'load']), workDir: WORK, signal: controller.signal, cancelledNote: CANCELLED }, { engine, memory, baselines: fakeStore(), clock: fixedClock(NOW), log: recordingLog() });
    expect(engine.asked).toEqual([`run smoke in ${WORK}`]);
    expect(runs.map((r) => r.stage)).toEqual(ran);
    expect(notRun).toEqual(expectedNotRun);
    expect(memory.calls.map((c) => c.replace(/\d+\.\.\d+$/, '<window>'))).toEqual(expectedMemory);
    if (runs[0]) expect(runs[0].report.notes[0]).toBe(CANCELLED);
  });

  it('a failed load throws, after stopping the memory sampler; nothing is read or judged', async () => {
    const engine = fakeEngine(() => {
      throw new LoadFailedError('smoke', 'k6', 'k6 stopped on an exception in the script (exit code 107)');
    });
    const memory = fakeMemory([]);
    const store = fakeStore();
    await expect(runPipeline({ stages: planStages(config, ['smoke', 'load']), workDir: WORK, signal: new AbortController().signal, cancelledNote: CANCELLED }, { engine, memory, baselines: store, clock: fixedClock(NOW), log: recordingLog() }))
      .rejects.toThrow(LoadFailedError);
    expect(memory.calls).toEqual(['start smoke', 'stop smoke no window']);
    expect(store.calls).toEqual([]);
  });
});

/**
 * The stage pipeline the Action, the CLI and the demo share: per stage, run the load (sampling memory
 * meanwhile), ingest what it measured, read the baseline, compare; then one report of all stages. What
 * each caller does with the report — comment, status, exit code, files — stays in the caller.
 */
import type { StagePolicy } from '../config/policy.js';
import type { MemorySample, RunDocument } from '../document/run-document.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import type { Report, StageReport } from '../gate/verdict.js';
import type { HistoryEntry } from '../document/history-entry.js';
import { measuredRun } from './measured-run.js';
import type { PlannedStage } from './plan-stages.js';
import type { BaselineStore, Clock, LoadEngine, LoadOutput, Log, MemorySampler, StoredBaseline } from './ports.js';
import { withScriptThresholds } from './script-thresholds.js';
import { sequentialStage } from './sequential-watch.js';
import { stageIngestOptions } from './stage-ingest.js';

export interface PipelinePorts {
  readonly engine: LoadEngine;
  /** Absent: no memory is sampled. */
  readonly memory?: MemorySampler;
  readonly baselines: BaselineStore;
  readonly clock: Clock;
  readonly log: Log;
}

export interface PipelineInput {
  /** The stages in order, with their policies (planStages). */
  readonly stages: readonly PlannedStage[];
  /** A folder for the engine's files. */
  readonly workDir: string;
  /** Aborting it stops the running stage's load (reported, partial) and runs no further stage. */
  readonly signal: AbortSignal;
  /** The commit measured and labels, recorded in every ingested run document. */
  readonly gitSha?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** The first note of a stage the signal stopped, in the caller's words ("The workflow was cancelled: …"). */
  readonly cancelledNote: string;
}

/** One stage that ran. */
export interface StageRun {
  readonly stage: string;
  readonly report: StageReport;
  /** What was measured, as it is stored as a baseline. */
  readonly current: RunDocument;
  readonly baseline?: RunDocument;
  /** The store's history of earlier runs of the stage, oldest first. */
  readonly history: readonly HistoryEntry[];
  /** When the stage's load ended (ms since epoch): a rollback's clock starts here. */
  readonly endedAt: number;
}

export interface PipelineResult {
  readonly runs: readonly StageRun[];
  /** Stages not run because the signal fired first. */
  readonly notRun: readonly string[];
  /** The report of the stages that ran (made at `clock.now()`). */
  readonly report: Report;
}

/**
 * Runs the stages one after the other and reports them.
 *
 * @throws LoadFailedError when a stage's load tool failed (nothing to judge); IngestError when its output
 *   cannot be read; ConfigError when the policy names what the runs do not have.
 */
export async function runPipeline(input: PipelineInput, ports: PipelinePorts): Promise<PipelineResult> {
  const runs: StageRun[] = [];
  const notRun: string[] = [];
  for (const planned of input.stages) {
    const run = input.signal.aborted ? undefined : await inGroup(ports.log, `stage ${planned.stage}`, () => runStage(planned, input, ports));
    if (run) runs.push(run);
    else notRun.push(planned.stage);
  }
  return { runs, notRun, report: buildReport(runs.map((r) => r.report), ports.clock.now()) };
}

function inGroup<T>(log: Log, title: string, fn: () => Promise<T>): Promise<T> {
  return log.group ? log.group(title, fn) : fn();
}

/** One stage; undefined when the signal fired before its load started. */
async function runStage({ stage, policy }: PlannedStage, input: PipelineInput, ports: PipelinePorts): Promise<StageRun | undefined> {
  const { log, clock } = ports;
  // A sequential stage judges while the load runs, so it needs its baseline before.
  const early = policy.sequential ? await readBaseline(ports.baselines, stage, log) : undefined;
  const sequential = policy.sequential && early ? sequentialStage(stage, policy, policy.sequential, early, log) : undefined;
  const sampling = ports.memory?.start(stage);
  let measured: { output: LoadOutput; current: RunDocument; policy: StagePolicy; endedAt: number } | undefined;
  let samples: MemorySample[] = [];
  try {
    let output: LoadOutput;
    try {
      // The engine learns how the pipeline would ingest its output, to build the same document itself.
      output = await ports.engine.run({
        stage,
        policy,
        workDir: input.workDir,
        signal: input.signal,
        log,
        ingest: stageIngestOptions(stage, policy, input),
        ...(sequential ? { watch: sequential.watch } : {}),
      });
    } catch (err) {
      if (input.signal.aborted) return undefined;
      throw err;
    }
    const endedAt = clock.now().getTime();
    const judgedBy = withScriptThresholds(policy, output.scriptThresholds);
    measured = { output, current: await measuredRun(stage, judgedBy, output, input), policy: judgedBy, endedAt };
  } finally {
    // Stopped on every path: a polling sampler's timer would keep the process alive.
    const window = measured ? { startMs: Date.parse(measured.current.meta.start), endMs: measured.endedAt } : undefined;
    samples = (await sampling?.stop(window)) ?? [];
  }
  const { output, endedAt } = measured;
  const current: RunDocument = samples.length > 0 && ports.memory ? { ...measured.current, memory: { source: ports.memory.source, samples } } : measured.current;
  // A baseline of another tool is set aside here; the looks of a sequential stage could not judge with it either.
  const stored = ofThisTool(early ?? (await readBaseline(ports.baselines, stage, log)), current.meta.tool, stage, log);
  // What the looks spent of α is not spent twice: the end is judged at what is left.
  const endPolicy = sequential ? { ...measured.policy, alpha: sequential.finalAlpha() } : measured.policy;
  const judged = compareRuns({ ...(stored.baseline ? { baseline: stored.baseline } : {}), current, policy: endPolicy, history: stored.history });
  const notes = [...(output.cancelled ? [input.cancelledNote] : []), ...(stored.otherTool ? [stored.otherTool] : []), ...judged.notes, ...output.notes];
  log.info(`stage ${stage}: ${judged.outcome}`);
  return {
    stage,
    report: { ...judged, ...(sequential ? { sequential: sequential.summary(output, current.meta.durationSeconds) } : {}), ...(output.shards ? { shards: output.shards } : {}), notes },
    current,
    ...(stored.baseline ? { baseline: stored.baseline } : {}),
    history: stored.history,
    endedAt,
  };
}

/**
 * The stored baseline when the same load tool measured it; else none, with a warning and a note for the
 * report: runs of different tools are not compared (gate/same-tool.ts), so the stage is judged as a first
 * run — its regressions inconclusive, said so, never passed on a comparison of two tools.
 */
function ofThisTool(stored: StoredBaseline, tool: string, stage: string, log: Log): StoredBaseline & { readonly otherTool?: string } {
  if (!stored.baseline || stored.baseline.meta.tool === tool) return stored;
  const note = `The stored baseline of stage ${stage} was measured with ${stored.baseline.meta.tool}, this run with ${tool}: latencies of different load tools are not comparable, so the run was judged without a baseline. A baseline written from this run starts ${tool}'s.`;
  log.warning(note);
  return { history: stored.history, otherTool: note };
}

/** The stage's baseline and history; none, with a warning, when the store cannot be read. */
async function readBaseline(store: BaselineStore, stage: string, log: Log): Promise<StoredBaseline> {
  try {
    return await store.read(stage);
  } catch (err) {
    log.warning(`${err instanceof Error ? err.message : String(err)} — judging without a baseline.`);
    return { history: [] };
  }
}

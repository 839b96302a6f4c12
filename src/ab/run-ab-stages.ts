/**
 * The A/B stage pipeline: per stage, interleaved rounds against the baseline service and the candidate
 * (ab/run-rounds.ts), the measured round pairs judged by the paired comparison (gate/compare.ts with
 * `ab`), then one report of all stages — what the CLI and the Action run when a baseline URL is given
 * instead of a stored baseline.
 */
import { armRun } from '../document/arm-run.js';
import type { RunDocument } from '../document/run-document.js';
import { judgeStage, type AbInput } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import type { PlannedStage } from '../pipeline/plan-stages.js';
import type { Clock, EngineSetup, LoadEngineEntry, Log } from '../pipeline/ports.js';
import type { PipelineResult, StageRun } from '../pipeline/run-pipeline.js';
import type { AbRun } from './ab-run.js';
import type { Arm } from './arm.js';
import { AbNothingMeasuredError } from './ab-errors.js';
import { runAbRounds } from './run-rounds.js';

export { AbNothingMeasuredError };

export interface AbPipelineInput {
  readonly stages: readonly PlannedStage[];
  readonly pairs: number;
  readonly roundDurationS: number;
  readonly urls: Readonly<Record<Arm, string>>;
  readonly workDir: string;
  readonly signal: AbortSignal;
  readonly gitSha?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** The first note of a stage the signal stopped. */
  readonly cancelledNote: string;
}

export interface AbPipelinePorts {
  /** The engine registry entry, prepared for each round (its URL and round env). */
  readonly engine: LoadEngineEntry;
  readonly setup: EngineSetup;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * Runs each stage's A/B rounds and judges the pairs; `baseline` of each StageRun is the baseline service's
 * rounds added up, `current` the candidate's.
 *
 * @throws AbArmError when an arm is unreachable or dies (no verdict on one side's data);
 *   AbNothingMeasuredError when no pair measured; LoadFailedError, IngestError, ConfigError as the pipeline.
 */
export async function runAbPipeline(input: AbPipelineInput, ports: AbPipelinePorts): Promise<PipelineResult> {
  const runs: StageRun[] = [];
  const notRun: string[] = [];
  for (const { stage, policy } of input.stages) {
    if (input.signal.aborted) {
      notRun.push(stage);
      continue;
    }
    const run = await inGroup(ports.log, `stage ${stage} (A/B rounds)`, async () => {
      // Rounds have their own length (--round-duration) and are judged only as pairs, after the last one.
      if (policy.sequential) ports.log.warning(`stage ${stage}: its 'sequential' settings do not apply in A/B mode; the rounds run as planned (docs/sequential.md)`);
      const ab = await runAbRounds({
        stage,
        pairs: input.pairs,
        roundDurationS: input.roundDurationS,
        urls: input.urls,
        engine: ports.engine,
        setup: ports.setup,
        policy,
        workDir: input.workDir,
        signal: input.signal,
        log: ports.log,
        clock: ports.clock,
        ...(input.gitSha !== undefined ? { gitSha: input.gitSha } : {}),
        ...(input.labels !== undefined ? { labels: input.labels } : {}),
      });
      const paired = abInputOf(ab);
      if (!paired.arms) {
        if (input.signal.aborted) return undefined;
        throw new AbNothingMeasuredError(`stage ${stage}: no pair of A/B rounds measured both services, so there is nothing to compare (${paired.input.failedRounds.map((r) => `round ${r.round + 1} ${r.arm}: ${r.reason}`).join('; ') || 'no round ran'})`);
      }
      const { baseline, current } = paired.arms;
      const judged = judgeStage({ baseline, current, policy, ab: paired.input });
      const notes = [...(input.signal.aborted ? [input.cancelledNote] : []), ...judged.report.notes];
      ports.log.info(`stage ${stage}: ${judged.report.outcome} (${paired.input.pairs.length} A/B pairs)`);
      const endedAt = Math.max(...ab.rounds.map((r) => Date.parse(r.endedAt)));
      return { stage, report: { ...judged.report, notes }, current, baseline, history: [], endedAt } satisfies StageRun;
    });
    if (run) runs.push(run);
    else notRun.push(stage);
  }
  return { runs, notRun, report: buildReport(runs.map((r) => r.report), ports.clock.now()) };
}

/**
 * The comparison's view of an A/B run: the pairs whose two rounds both measured, each arm's measured pairs
 * added up, and every failed round (its pair left out).
 */
export function abInputOf(ab: AbRun): { readonly input: AbInput; readonly arms?: { readonly baseline: RunDocument; readonly current: RunDocument } } {
  const failedRounds: AbInput['failedRounds'][number][] = [];
  const pairs: { pair: number; baseline: RunDocument; current: RunDocument }[] = [];
  for (let pair = 0; pair < ab.pairs; pair++) {
    const rounds = ab.rounds.filter((r) => r.pair === pair);
    for (const r of rounds) if (r.outcome.kind === 'failed') failedRounds.push({ round: r.index, arm: r.arm, reason: r.outcome.reason });
    const b = rounds.find((r) => r.arm === 'baseline')?.outcome;
    const c = rounds.find((r) => r.arm === 'candidate')?.outcome;
    if (b?.kind === 'measured' && c?.kind === 'measured') pairs.push({ pair, baseline: b.document, current: c.document });
  }
  const input: AbInput = { pairs, plannedRounds: 2 * ab.pairs, failedRounds, roundSeconds: ab.roundDurationS };
  if (pairs.length === 0) return { input };
  return { input, arms: { baseline: armRun(pairs.map((p) => p.baseline)), current: armRun(pairs.map((p) => p.current)) } };
}

function inGroup<T>(log: Log, title: string, fn: () => Promise<T>): Promise<T> {
  return log.group ? log.group(title, fn) : fn();
}

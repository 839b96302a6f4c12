/**
 * A sequential stage in the pipeline: the looks the engine takes while the load runs (a LoadWatch), each
 * judged against the stored baseline at its look's level (gate/sequential.ts decides), and what became of
 * them for the report. The gate decides; this file only keeps the record and the α that is left.
 */
import type { SequentialPolicy, StagePolicy } from '../config/policy.js';
import type { RunDocument } from '../document/run-document.js';
import { judgeStage } from '../gate/compare.js';
import { judgeLook, sequentialLooks, type Look } from '../gate/sequential.js';
import type { SequentialLook, SequentialSummary } from '../gate/verdict.js';
import type { LoadOutput, LoadWatch, Log, StoredBaseline } from './ports.js';

export interface SequentialStage {
  /** What the engine is asked to do while the load runs. */
  readonly watch: LoadWatch;
  /**
   * The α the whole run is judged at once the load has ended: the stage's α less the α of every look
   * held (Bonferroni over the looks actually taken, whatever stopped the load).
   */
  finalAlpha(): number;
  /** The record for the report, from what the engine says of the watch and how long the load ran. */
  summary(output: Pick<LoadOutput, 'watch' | 'cancelled'>, ranSeconds: number): SequentialSummary;
}

/**
 * The looks of a sequential stage. Interim looks are at the policy's steps up to the budget; the final
 * one is the end of the load (the script is told to run to the budget). Without a baseline there is nothing
 * for a look to settle: the load is stopped at its planned length.
 *
 * @example
 * const seq = sequentialStage('load', policy, policy.sequential, stored, log);
 * await engine.run({ …, watch: seq.watch }); compareRuns({ …, policy: { ...policy, alpha: seq.finalAlpha() } })
 */
export function sequentialStage(stage: string, policy: StagePolicy, sequential: SequentialPolicy, stored: StoredBaseline, log: Log): SequentialStage {
  const looks = sequentialLooks({ plannedSeconds: sequential.plannedSeconds, maxSeconds: sequential.maxSeconds, everySeconds: sequential.everySeconds, alpha: policy.alpha });
  const final = looks[looks.length - 1]!;
  const interim = looks.filter((l) => !l.final);
  const held: SequentialLook[] = [];
  let stoppedAtLook: number | undefined;
  let stoppedFor: 'regression' | 'within-limits' | 'no-baseline' | undefined;

  const judge = (run: RunDocument, look: Look): SequentialLook => {
    const baseline = stored.baseline;
    if (!baseline) return { atSeconds: look.atSeconds, alpha: 0, decision: look.atSeconds >= sequential.plannedSeconds ? 'no-baseline' : 'open' };
    try {
      const { findings } = judgeStage({ baseline, current: run, policy: { ...policy, alpha: look.alpha }, history: stored.history });
      const decision = judgeLook(findings, { look, finalSeconds: final.atSeconds, finalAlpha: final.alpha, limitConfidence: policy.limitConfidence });
      if (decision.stop) return { atSeconds: look.atSeconds, alpha: look.alpha, decision: decision.because === 'regression' ? 'regression' : 'within-limits' };
      return { atSeconds: look.atSeconds, alpha: look.alpha, decision: 'open', open: decision.open };
    } catch (err) {
      // Early in a run the policy may name what has not been measured yet (an endpoint the script reaches
      // later): the load runs on and the end decides, where the same error is the user's.
      return { atSeconds: look.atSeconds, alpha: 0, decision: 'not-judged', why: err instanceof Error ? err.message : String(err) };
    }
  };

  const watch: LoadWatch = {
    // Without a baseline the only look that matters is the planned end.
    atSeconds: stored.baseline ? interim.map((l) => l.atSeconds) : [sequential.plannedSeconds],
    maxSeconds: stored.baseline ? sequential.maxSeconds : sequential.plannedSeconds,
    look(run, atSeconds) {
      const look = interim.find((l) => l.atSeconds === atSeconds) ?? { atSeconds, alpha: 0, final: false };
      const record = judge(run, look);
      held.push(record);
      log.info(`stage ${stage}: look at ${atSeconds} s (${run.meta.durationSeconds.toFixed(0)} s measured) — ${lookLine(record)}`);
      if (record.decision === 'open' || record.decision === 'not-judged') return false;
      stoppedAtLook = atSeconds;
      stoppedFor = record.decision;
      return true;
    },
  };

  const finalAlpha = (): number => Math.max(0, policy.alpha - held.reduce((sum, l) => sum + l.alpha, 0));
  return {
    watch,
    finalAlpha,
    summary(output, ranSeconds) {
      const base = { plannedSeconds: sequential.plannedSeconds, maxSeconds: sequential.maxSeconds, ranSeconds, looks: [...held], finalAlpha: finalAlpha() };
      if (output.watch?.kind === 'unwatched') return { ...base, end: 'unwatched', why: output.watch.why };
      if (output.watch === undefined) return { ...base, end: 'unwatched', why: 'this engine cannot look at the run while the load runs' };
      if (output.cancelled) return { ...base, end: 'cancelled' };
      if (output.watch.kind === 'stopped') {
        return stoppedFor !== undefined && stoppedAtLook !== undefined ? { ...base, end: stoppedFor, stoppedAtLook } : { ...base, end: 'budget' };
      }
      return { ...base, end: 'full-length' };
    },
  };
}

function lookLine(l: SequentialLook): string {
  switch (l.decision) {
    case 'regression':
      return `a regression is confirmed (α ${l.alpha}): stopping the load`;
    case 'within-limits':
      return `every question is within its limits (α ${l.alpha}): stopping the load`;
    case 'no-baseline':
      return 'no baseline to compare with: stopping at the planned length';
    case 'open':
      return l.open ? `still open: ${l.open.slice(0, 5).join(', ')}${l.open.length > 5 ? ` and ${l.open.length - 5} more` : ''}` : 'no baseline to compare with yet';
    case 'not-judged':
      return `not judged yet (${l.why ?? 'unknown'}); the load runs on`;
  }
}

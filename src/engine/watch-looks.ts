/**
 * A sequential stage's looks while its load runs, for any engine that can see the run so far: at each
 * of the watch's times, the run so far is handed to `look`; a true answer stops the load. Past the budget
 * (`maxSeconds`, plus a little for the tool's own start and graceful stop) the load is stopped whatever
 * the script does, so a script that ignores `PERF_GATE_STAGE_DURATION` cannot run the stage past it.
 */
import type { RunDocument } from '../document/run-document.js';
import type { LoadWatch } from '../pipeline/ports.js';
import type { EngineLog } from './log.js';

/** How long past the budget a load may run before it is stopped: the tool's start-up and ramp-down. */
export const BUDGET_SLACK_SECONDS = 5;

export interface RunningLooks {
  /** The load ended (on its own or stopped): no further look. */
  end(): void;
  /** Why the load was stopped, once it was: a look, or the budget. */
  readonly stoppedBy: 'look' | 'budget' | undefined;
}

/**
 * Starts the looks now (call it as the load starts). Looks run one at a time: one that takes long
 * delays the next, never overlaps it.
 *
 * @param snapshot the run so far, or undefined while nothing was measured yet (the look is skipped)
 * @param stop ends the load gracefully; called once at most
 * @example
 * const looks = startLooks(watch, () => live.snapshot(), () => stopper.abort(), log);
 * try { await runTheLoad(); } finally { looks.end(); }
 */
export function startLooks(watch: LoadWatch, snapshot: () => RunDocument | undefined, stop: () => void, log: EngineLog, now: () => number = Date.now): RunningLooks {
  const startedMs = now();
  let ended = false;
  let stoppedBy: RunningLooks['stoppedBy'];
  let timer: NodeJS.Timeout | undefined;
  const halt = (why: 'look' | 'budget'): void => {
    if (ended || stoppedBy !== undefined) return;
    stoppedBy = why;
    stop();
  };
  const budgetTimer = setTimeout(() => {
    if (ended || stoppedBy !== undefined) return;
    log.warning(`the load ran past the stage's budget of ${watch.maxSeconds} s (does the script read PERF_GATE_STAGE_DURATION?): stopping it`);
    halt('budget');
  }, (watch.maxSeconds + BUDGET_SLACK_SECONDS) * 1000);
  budgetTimer.unref?.();

  const next = (i: number): void => {
    if (ended || stoppedBy !== undefined || i >= watch.atSeconds.length) return;
    const at = watch.atSeconds[i]!;
    timer = setTimeout(() => void lookAt(i, at), Math.max(0, startedMs + at * 1000 - now()));
  };
  const lookAt = async (i: number, at: number): Promise<void> => {
    if (ended) return;
    const run = snapshot();
    if (run !== undefined) {
      try {
        if (await watch.look(run, at)) halt('look');
      } catch (err) {
        // A look that cannot judge (a bug) must not end the load or the stage: the final judgement decides.
        log.warning(`the look at ${at} s failed, the load runs on: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    next(i + 1);
  };
  next(0);
  return {
    end: () => {
      ended = true;
      if (timer) clearTimeout(timer);
      clearTimeout(budgetTimer);
    },
    get stoppedBy() {
      return stoppedBy;
    },
  };
}

import type { BaselineStore, Log } from './ports.js';
import type { StageRun } from './run-pipeline.js';

/**
 * Stores each stage's run as its baseline, logging what became of it. A partial run (stopped before the
 * stage ended) is never a baseline; a store that refuses (no permission) is not asked for the next stage.
 */
export async function saveBaselines(runs: readonly StageRun[], store: BaselineStore, log: Log): Promise<void> {
  for (const run of runs) {
    if (run.report.currentRun.partial) {
      log.warning(`Stage ${run.stage} is partial: its run does not become the baseline.`);
      continue;
    }
    const written = await store.write(run.stage, run.current);
    switch (written.status) {
      case 'written':
      case 'kept':
        log.info(written.message);
        break;
      case 'failed':
        log.warning(written.message);
        break;
      case 'refused':
        log.warning(written.message);
        return;
    }
  }
}

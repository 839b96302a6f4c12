import type { PerfGateConfig } from '../config/schema.js';
import type { Report } from '../gate/verdict.js';
import { BaselineBranch, branchStore } from '../github/baseline-store.js';
import type { GitHubClient } from '../github/octokit.js';
import { FileBaselineStore } from '../pipeline/file-store.js';
import { noBaseline } from '../pipeline/no-baseline.js';
import type { BaselineStore } from '../pipeline/ports.js';
import type { StageRun } from '../pipeline/run-pipeline.js';
import { saveBaselines } from '../pipeline/save-baselines.js';
import { isDefaultBranchPush, type RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';

/** The `baseline` input as the pipeline's baseline store. */
export function baselineStore(io: ActionIo, inputs: ActionInputs, config: PerfGateConfig, ctx: RunContext, client: GitHubClient | undefined): BaselineStore {
  const b = inputs.baseline;
  // History entries describe the latency the gate judges, so the noise and percentile baselines learned from them are of that metric.
  const latency = config.latencyMetric !== undefined ? { latencyMetric: config.latencyMetric } : {};
  switch (b.kind) {
    case 'none':
      return noBaseline;
    case 'file':
      return new FileBaselineStore({ path: b.path, perStage: inputs.stages.length > 1, ingest: { groupBy: config.groupBy, maxScopes: config.maxScopes }, log: io, ...latency });
    case 'branch':
      if (!client) return withoutToken;
      return branchStore(new BaselineBranch(client, { owner: ctx.owner, repo: ctx.repo, branch: b.branch }), { sha: ctx.sha, fromFork: ctx.pullRequest?.fromFork ?? false, log: io, ...latency });
  }
}

/** The baseline branch without a github-token: nothing can be read (the pipeline warns) or written. */
const withoutToken: BaselineStore = {
  read: () => Promise.reject(new Error('No github-token: the baseline branch cannot be read')),
  write: () => Promise.resolve({ status: 'refused', message: 'No github-token: the baseline branch cannot be written.' }),
};

/**
 * Moves the baselines when `update-baseline` says so: `always`, or `auto` on a push to the default
 * branch whose gate did not fail (or whose regression was accepted by the PR's label).
 */
export async function updateBaselines(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, store: BaselineStore, report: Report, runs: readonly StageRun[], accepted: boolean): Promise<void> {
  const wanted = inputs.updateBaseline === 'always' || (inputs.updateBaseline === 'auto' && isDefaultBranchPush(ctx) && (report.verdict !== 'fail' || accepted));
  if (!wanted || inputs.baseline.kind === 'none') return;
  // Without a token the branch was not read either (the warning said so); saying it again helps no one.
  if (inputs.baseline.kind === 'branch' && !client) return;
  await saveBaselines(runs, store, io);
}

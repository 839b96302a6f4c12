import type { Report } from '../gate/verdict.js';
import { dispatchWorkflow, repositoryDispatch } from '../github/dispatch.js';
import { describeGitHubError } from '../github/errors.js';
import type { GitHubClient } from '../github/octokit.js';
import type { Clock } from '../pipeline/ports.js';
import type { StageRun } from '../pipeline/run-pipeline.js';
import { isDeploymentRun, type RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';
import { headlineOf } from '../report/words.js';

/**
 * After a deployment whose gate failed, dispatches the rollback workflow (or repository_dispatch) at
 * once, and says how long after the failing stage's end it went out. True when it was dispatched.
 */
export async function rollback(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, report: Report, runs: readonly StageRun[], clock: Clock): Promise<boolean> {
  const r = inputs.rollback;
  if (!r || report.verdict !== 'fail' || !isDeploymentRun(ctx)) return false;
  if (!client) {
    io.error('The gate failed after a deployment, but there is no github-token to dispatch the rollback.');
    return false;
  }
  const failedStage = runs.find((s) => s.report.outcome === 'fail') ?? runs[runs.length - 1]!;
  const reason = `perf-gate ${failedStage.report.stage}: ${headlineOf(report)}`.slice(0, 1000);
  const reportUrl = ctx.runUrl ?? '';
  try {
    switch (r.kind) {
      case 'workflow':
        await dispatchWorkflow(client, {
          owner: ctx.owner,
          repo: ctx.repo,
          workflow: r.workflow,
          ref: r.ref ?? (ctx.defaultBranch ? ctx.defaultBranch : ctx.ref.replace(/^refs\/heads\//, '')),
          inputs: { ...r.inputs, reason, 'failed-sha': ctx.sha, report: reportUrl },
        });
        break;
      case 'repository-dispatch':
        await repositoryDispatch(client, { owner: ctx.owner, repo: ctx.repo, eventType: r.eventType, payload: { reason, failed_sha: ctx.sha, report: reportUrl, verdict: report.verdict, stage: failedStage.report.stage } });
        break;
    }
  } catch (err) {
    io.error(`Dispatching the rollback failed: ${describeGitHubError(err)}`);
    return false;
  }
  const seconds = (clock.now().getTime() - failedStage.endedAt) / 1000;
  const what = r.kind === 'workflow' ? `workflow ${r.workflow}` : `repository_dispatch '${r.eventType}'`;
  io.warning(`Rollback dispatched (${what}) ${seconds.toFixed(1)} s after the stage ended.`);
  io.setOutput('rollback-seconds', seconds.toFixed(1));
  await io.summary(`\n> **Rollback dispatched**: ${what}, ${seconds.toFixed(1)} s after stage ${failedStage.report.stage} ended.\n`);
  return true;
}

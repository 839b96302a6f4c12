/** What the Action writes back to GitHub about a report: the PR comment and a commit status per stage. */
import type { Report, StageReport } from '../gate/verdict.js';
import { findComment, upsertComment } from '../github/comment.js';
import { describeGitHubError, isPermissionError } from '../github/errors.js';
import type { GitHubClient } from '../github/octokit.js';
import { setCommitStatus } from '../github/status.js';
import type { RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';
import { findingMessage } from '../report/words.js';

/** Posts or updates the PR comment (the `comment` input); returns its id, '' when none was written. */
export async function comment(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, report: Report, marker: string, markdown: string): Promise<string> {
  if (inputs.comment === 'never' || !ctx.pullRequest) return '';
  if (!client) {
    io.warning('No github-token: the PR comment is skipped (the job summary has the report).');
    return '';
  }
  if (inputs.comment === 'on-change' && report.verdict === 'pass') {
    // Only update a comment that already exists (so a fixed regression is seen as fixed); post none for a pass.
    const existing = await upsertIfExists(client, ctx, marker, markdown);
    return existing;
  }
  try {
    const r = await upsertComment(client, { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullRequest.number, marker, body: markdown });
    io.info(`PR comment ${r.action}: ${r.id}`);
    return String(r.id);
  } catch (err) {
    if (isPermissionError(err)) {
      io.warning(`The PR comment was skipped: the token cannot write to this repository${ctx.pullRequest.fromFork ? ' (a pull request from a fork gets a read-only token)' : ''}. The job summary has the report.`);
      return '';
    }
    throw err;
  }
}

async function upsertIfExists(client: GitHubClient, ctx: RunContext, marker: string, body: string): Promise<string> {
  const target = { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullRequest!.number, marker };
  if (!(await findComment(client, target))) return '';
  return String((await upsertComment(client, { ...target, body })).id);
}

/** One commit status per stage, `perf-gate/<stage>`: failure when the stage failed. */
export async function statuses(io: ActionIo, ctx: RunContext, client: GitHubClient | undefined, report: Report): Promise<void> {
  if (!client || !ctx.sha) return;
  for (const stage of report.stages) {
    const state = stage.outcome === 'fail' ? 'failure' : 'success';
    const failing = stage.findings.filter((f) => f.outcome === 'fail').length;
    const description = stage.outcome === 'fail' ? `${failing} breach${failing === 1 ? '' : 'es'}: ${firstFailure(stage)}` : `${stage.outcome}`;
    try {
      await setCommitStatus(client, { owner: ctx.owner, repo: ctx.repo, sha: ctx.sha, context: `perf-gate/${stage.stage}`, state, description, ...(ctx.runUrl ? { targetUrl: ctx.runUrl } : {}) });
    } catch (err) {
      if (isPermissionError(err)) {
        io.warning(`The commit status perf-gate/${stage.stage} was skipped: the token has no 'statuses: write'.`);
        return;
      }
      io.warning(`Setting the commit status failed: ${describeGitHubError(err)}`);
    }
  }
}

/** The first failing finding of a stage in words, for the commit status's description. */
function firstFailure(stage: StageReport): string {
  const f = stage.findings.find((x) => x.outcome === 'fail');
  return f ? findingMessage(f) : '';
}

import type { Finding, Report, StageReport } from '../gate/verdict.js';
import { buildReport } from '../gate/report.js';
import { describeGitHubError } from '../github/errors.js';
import type { GitHubClient } from '../github/octokit.js';
import { isDefaultBranchPush, type RunContext } from './context.js';
import type { ActionIo } from './io.js';

/**
 * An intended regression, accepted by a PR label: its failures become warnings marked "accepted", so the
 * gate passes and the comment says what was accepted. The baseline then moves on merge.
 */
export function acceptRegressions(report: Report, label: string): Report {
  const accept = (f: Finding): Finding => (f.outcome === 'fail' ? { ...f, outcome: 'warn', severity: 'warn', accepted: true } : f);
  const stages: StageReport[] = report.stages.map((s) => {
    const findings = s.findings.map(accept);
    const outcome = s.outcome === 'fail' ? (findings.some((f) => f.outcome === 'fail') ? 'fail' : 'warn') : s.outcome;
    return {
      ...s,
      outcome,
      findings,
      scopes: s.scopes.map((row) => (row.outcome === 'fail' ? { ...row, outcome: 'warn' } : row)),
      notes: report.verdict === 'fail' ? [...s.notes, `Regressions accepted by the '${label}' label: failures are shown as warnings and the baseline moves on merge.`] : s.notes,
    };
  });
  return { ...buildReport(stages, new Date(report.generatedAt)), acceptedBy: label };
}

/**
 * Whether the gate's failure is an accepted regression: the PR carries the label, or — on the push after
 * its merge, which carries no label — the commit's PR did.
 */
export async function regressionAccepted(io: ActionIo, ctx: RunContext, client: GitHubClient | undefined, label: string): Promise<boolean> {
  if (ctx.pullRequest) return ctx.pullRequest.labels.includes(label);
  // After the merge of an accepted PR, the push to the default branch carries no label: ask for the PR.
  if (!client || !isDefaultBranchPush(ctx)) return false;
  try {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.sha });
    return data.some((pr) => pr.labels.some((l) => l.name === label));
  } catch (err) {
    io.debug(`looking up the PR of ${ctx.sha}: ${describeGitHubError(err)}`);
    return false;
  }
}

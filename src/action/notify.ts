/**
 * `notify-webhook`: a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat, Teams' Slack
 * connector all take `{ "text": … }`) told when a run on the default branch fails, with the issues that
 * track it. The URL is a secret: it is masked and never printed. A webhook that fails is a warning.
 */
import type { Report } from '../gate/verdict.js';
import { headlineOf } from '../report/words.js';
import type { RunContext } from './context.js';
import type { ActionIo } from './io.js';
import { onDefaultBranch, type TrackedIssues } from './regression-issues.js';

/** The message: verdict and headline, where (repository, branch, commit), the run, and the issues. */
export function notifyText(report: Report, ctx: RunContext, issues: TrackedIssues): string {
  const where = `${ctx.owner}/${ctx.repo}${ctx.defaultBranch ? `@${ctx.defaultBranch}` : ''}${ctx.sha ? ` ${ctx.sha.slice(0, 7)}` : ''}`;
  const run = ctx.runUrl ? ` — <${ctx.runUrl}|the run>` : '';
  const link = (n: number): string => `<${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/issues/${n}|#${n}>`;
  const tracked = [...issues.opened.map((n) => `${link(n)} (new)`), ...issues.updated.map(link)];
  return `perf-gate: ${report.verdict} on ${where}: ${headlineOf(report)}${run}${tracked.length > 0 ? ` · tracked in ${tracked.join(', ')}` : ''}`;
}

/** Posts the message when the run failed on the default branch; true when it was delivered. */
export async function notifyWebhook(io: ActionIo, url: string | undefined, report: Report, ctx: RunContext, issues: TrackedIssues, fetcher: typeof fetch = fetch): Promise<boolean> {
  if (url === undefined || report.verdict !== 'fail' || !onDefaultBranch(ctx)) return false;
  try {
    const res = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: notifyText(report, ctx, issues) }), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) {
      io.warning(`notify-webhook: the webhook answered ${res.status} ${res.statusText}; nobody was told.`);
      return false;
    }
    io.info('notify-webhook: told the webhook of the failing run.');
    return true;
  } catch (err) {
    // The fetch error may quote the URL: say only what kind of failure it was.
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err instanceof Error ? err.name : 'error');
    io.warning(`notify-webhook: the webhook could not be reached (${cause}); nobody was told.`);
    return false;
  }
}

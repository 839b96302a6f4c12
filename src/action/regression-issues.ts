/**
 * `open-issue: true`: on the default branch, a regression is tracked as a GitHub issue until it is gone —
 * one per stage and endpoint (the whole run, memory and the like are "endpoints" of their own), opened at
 * the first failing run with the findings, the trend and the commits in range, updated while it stays,
 * closed with a comment at the first run where that endpoint passes again. A failure to write an issue is
 * a warning: the verdict is already out.
 */
import type { Finding, Report, StageReport } from '../gate/verdict.js';
import { describeGitHubError, isPermissionError } from '../github/errors.js';
import type { GitHubClient } from '../github/octokit.js';
import { closeTracking, openTrackingIssues, trackRegression, trackingKey, type TrackingIssue } from '../github/tracking-issues.js';
import type { StageRun } from '../pipeline/run-pipeline.js';
import { renderTrend } from '../report/trend.js';
import { ALL_REQUESTS, latencyMetricOf, scopeLabel } from '../report/view.js';
import { findingMessage } from '../report/words.js';
import { formatChange, formatNumber } from '../report/format.js';
import { seriesName, shiftText } from '../report/history-words.js';
import { entriesOfLatency, historyEntry } from '../document/history-entry.js';
import { RunView } from '../document/run-view.js';
import { historySeries, historyShiftFindings, type HistoryShiftFinding } from '../gate/history-shifts.js';
import type { RunContext } from './context.js';
import type { ActionIo } from './io.js';

/** The label perf-gate's tracking issues carry (and are found by). */
export const ISSUE_LABEL = 'perf-gate';

/** Whether this run measured the default branch (a push, a schedule or a dispatch on it): only those open issues. */
export function onDefaultBranch(ctx: RunContext): boolean {
  return ctx.defaultBranch !== undefined && ctx.ref === `refs/heads/${ctx.defaultBranch}` && ctx.pullRequest === undefined;
}

/** What a finding is about, as the issue's key names it: the endpoint, `all requests`, or the run-level kind (`memory`). */
function placeOf(f: Finding, latencyMetric: string): string {
  if (f.scope !== undefined || f.metric === latencyMetric || f.metric.startsWith(`${latencyMetric}{`)) return scopeLabel(f, latencyMetric);
  return f.kind === 'memory' || f.kind === 'leak' || f.kind === 'degradation' ? f.kind : scopeLabel(f, latencyMetric);
}

export interface TrackedIssues {
  readonly opened: readonly number[];
  readonly updated: readonly number[];
  readonly closed: readonly number[];
}

const NONE: TrackedIssues = { opened: [], updated: [], closed: [] };

/** Opens, updates and closes the tracking issues of the stages in `report` (default-branch runs only). */
export async function trackRegressions(io: ActionIo, ctx: RunContext, client: GitHubClient | undefined, report: Report, runs: readonly StageRun[], enabled: boolean): Promise<TrackedIssues> {
  if (!enabled) return NONE;
  if (!onDefaultBranch(ctx)) {
    io.info('open-issue: this run is not of the default branch, so no issue is opened or closed (a pull request has its comment).');
    return NONE;
  }
  if (!client) {
    io.warning("open-issue: no github-token, so no issue is opened or closed.");
    return NONE;
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const done = { opened: [] as number[], updated: [] as number[], closed: [] as number[] };
  try {
    const open = await openTrackingIssues(client, repo, ISSUE_LABEL);
    for (const stage of report.stages) {
      const run = runs.find((r) => r.stage === stage.stage);
      const latencyMetric = latencyMetricOf(stage.scopes);
      const failing = new Map<string, Finding[]>();
      for (const f of stage.findings.filter((x) => x.outcome === 'fail')) {
        const place = placeOf(f, latencyMetric);
        failing.set(place, [...(failing.get(place) ?? []), f]);
      }
      for (const [place, findings] of failing) {
        const key = `${stage.stage} · ${place}`;
        const r = await trackRegression(client, repo, ISSUE_LABEL, open, {
          key,
          title: `perf-gate: ${place} regressed in stage ${stage.stage}`,
          body: issueBody(ctx, stage, place, findings, run),
          update: `Still regressed at ${short(ctx.sha)}${ctx.runUrl ? ` ([run](${ctx.runUrl}))` : ''}:\n\n${findings.map((f) => `- ${findingMessage(f)}`).join('\n')}`,
        });
        (r.action === 'opened' ? done.opened : done.updated).push(r.number);
        io.info(`open-issue: ${r.action} #${r.number} (${key})`);
      }
      if (run) await trackShifts(client, repo, open, ctx, stage.stage, latencyMetric, run, done, io);
      // An endpoint this run judged and passed has returned; one it did not judge stays open.
      const passed = new Set(stage.scopes.filter((s) => s.outcome === 'pass').map((s) => (s.scope === undefined ? ALL_REQUESTS : scopeLabel(s, latencyMetric))));
      if (stage.outcome === 'pass') for (const kind of ['memory', 'leak', 'degradation']) passed.add(kind);
      for (const issue of open.values()) {
        const place = placeIn(issue, stage.stage);
        if (place === undefined || failing.has(place) || !passed.has(place)) continue;
        await closeTracking(client, repo, issue, `Returned at ${short(ctx.sha)}${ctx.runUrl ? ` ([run](${ctx.runUrl}))` : ''}: ${place} passes in stage ${stage.stage} again. Closed by perf-gate.`);
        done.closed.push(issue.number);
        io.info(`open-issue: closed #${issue.number} (${issue.key})`);
      }
    }
  } catch (err) {
    if (isPermissionError(err)) io.warning("open-issue: the token cannot write issues (give the job 'issues: write'); none was opened or closed.");
    else io.warning(`open-issue: ${describeGitHubError(err)}`);
  }
  return done;
}

/** The level a shift's issue records as the one before it (`<!-- perf-gate:level-before=151.2 -->`). */
const LEVEL_BEFORE = /^<!-- perf-gate:level-before=([\d.e+-]+) -->$/m;

/**
 * A rise in the history of the default branch that this run made detectable (it was not in the history
 * without this run): one issue per stage, series and onset, opened once; closed when this run's value of
 * the series is back within the minimum change of the level before the shift.
 */
async function trackShifts(client: GitHubClient, repo: { owner: string; repo: string }, open: ReadonlyMap<string, TrackingIssue>, ctx: RunContext, stage: string, latencyMetric: string, run: StageRun, done: { opened: number[]; updated: number[]; closed: number[] }, io: ActionIo): Promise<void> {
  // One series: the stored runs of the metric this stage judges, and this run's figures of it.
  const history = entriesOfLatency(run.history, latencyMetric, new RunView(run.current).roles.latency);
  const entries = [...history, historyEntry(run.current, ctx.sha || 'this run', latencyMetric)];
  const now = historyShiftFindings(entries);
  const before = historyShiftFindings(history).shifts;
  const at = (sha: string): number => entries.findIndex((e) => e.sha === sha);
  const same = (a: HistoryShiftFinding, b: HistoryShiftFinding): boolean => seriesName(a.series) === seriesName(b.series) && Math.abs(at(a.beganAt) - at(b.beganAt)) <= 1;
  for (const s of now.shifts.filter((x) => x.change > 0 && !before.some((b) => same(b, x)))) {
    const name = seriesName(s.series);
    const key = `${stage} · shift of ${name} from ${s.beganAt.slice(0, 7)}`;
    const range = `[${s.lastBefore.slice(0, 7)}…${s.settledAt.slice(0, 7)}](${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/compare/${s.lastBefore}...${s.settledAt})`;
    const trend = renderTrend(entries.map((e) => ({ label: `${e.sha.slice(0, 7)}${e.sha === s.beganAt ? ' (shift)' : ''}`, p95: e.p95 ?? Number.NaN })), `stage ${stage}: p95 of all requests per run on the default branch (ms)`);
    const r = await trackRegression(client, repo, ISSUE_LABEL, open, {
      key,
      title: `perf-gate: ${name} shifted ${formatChange(s.change)} in stage ${stage}`,
      body: [
        `<!-- perf-gate:level-before=${s.before} -->`,
        `The history of stage **${stage}** on the default branch shifted: ${shiftText(s)}. Each run may have stayed under the limit; the level moved.`,
        '',
        `Commits in range: ${range}`,
        ...(trend ? ['', trend] : []),
        '',
        `perf-gate closes this issue when ${name} is back within the minimum change of ${formatNumber(s.before)} ms.`,
      ].join('\n'),
      update: `Seen again at ${ctx.sha.slice(0, 7)}: ${shiftText(s)}.`,
    });
    (r.action === 'opened' ? done.opened : done.updated).push(r.number);
    io.info(`open-issue: ${r.action} #${r.number} (${key})`);
  }
  // A shift's issue closes when the series is back near its old level in this run.
  const last = historySeries(entries);
  for (const issue of open.values()) {
    const prefix = trackingKey(`${stage} · shift of `);
    if (!issue.key.startsWith(prefix)) continue;
    const level = Number(LEVEL_BEFORE.exec(issue.body)?.[1]);
    const series = last.find((x) => issue.key.startsWith(trackingKey(`${stage} · shift of ${seriesName(x)} from `)));
    const value = series?.points.at(-1)?.value;
    if (!Number.isFinite(level) || value === undefined || value > level * (1 + 0.05)) continue;
    await closeTracking(client, repo, issue, `Returned at ${ctx.sha.slice(0, 7)}: ${seriesName(series!)} is ${formatNumber(value)} ms, within 5 % of ${formatNumber(level)} ms before the shift. Closed by perf-gate.`);
    done.closed.push(issue.number);
  }
}

/** The endpoint an issue of `stage` tracks, or undefined for another stage's issue. */
function placeIn(issue: TrackingIssue, stage: string): string | undefined {
  const prefix = trackingKey(`${stage} · `);
  if (!issue.key.startsWith(prefix) || issue.key.startsWith(trackingKey(`${stage} · shift of `))) return undefined;
  return issue.key.slice(prefix.length);
}

function short(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : 'this run';
}

function issueBody(ctx: RunContext, stage: StageReport, place: string, findings: readonly Finding[], run: StageRun | undefined): string {
  const base = stage.baselineRun?.gitSha;
  const head = ctx.sha;
  const range = base && head && base !== head
    ? `[${short(base)}…${short(head)}](${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/compare/${base}...${head}) — the commits between the baseline and this run.`
    : head ? `at ${short(head)} (the baseline's commit is not recorded).` : 'not known (the run has no commit).';
  const points = [...(run?.history ?? []).map((h) => ({ label: h.sha.slice(0, 7), p95: h.p95 ?? Number.NaN })), { label: short(head), p95: stage.scopes.find((s) => s.scope === undefined)?.current?.p95 ?? Number.NaN }];
  const trend = renderTrend(points, `stage ${stage.stage}: p95 of all requests per run on the default branch (ms)`);
  return [
    `**${place}** regressed in stage **${stage.stage}** on the default branch${ctx.runUrl ? ` ([run](${ctx.runUrl}))` : ''}.`,
    '',
    ...findings.map((f) => `- ${findingMessage(f)}`),
    '',
    `Commits in range: ${range}`,
    ...(trend ? ['', trend] : []),
    '',
    `perf-gate keeps this issue up to date while the regression stays, and closes it when ${place} passes again in stage ${stage.stage}.`,
  ].join('\n');
}

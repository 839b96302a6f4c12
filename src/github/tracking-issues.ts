/**
 * Issues that track a regression until it is gone: one open issue per key (perf-gate's is `stage · endpoint`),
 * found by the label it carries and the hidden marker in its body, opened or updated in place, and closed
 * with a comment when the metric returns. The words are the caller's; this file only talks to GitHub.
 */
import type { GitHubClient } from './octokit.js';

/** The hidden line that ties an issue to its key: `<!-- perf-gate:track=smoke · GET /api/alerts -->`. */
export function trackingMarker(key: string): string {
  // A `--` would end the HTML comment early and show the rest of the key in the issue.
  return `<!-- perf-gate:track=${key.replace(/--/g, '- -').replace(/[\r\n]/g, ' ')} -->`;
}

export interface TrackingIssue {
  readonly number: number;
  readonly key: string;
  readonly title: string;
  readonly body: string;
}

const MARKER = /^<!-- perf-gate:track=(.*) -->$/m;

/** The open issues with `label` that carry a tracking marker, by key (the oldest when two carry one key). */
export async function openTrackingIssues(client: GitHubClient, repo: { owner: string; repo: string }, label: string): Promise<Map<string, TrackingIssue>> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repo, state: 'open', labels: label, per_page: 100 }, (response) =>
    response.data.flatMap((i) => {
      // The issues API lists pull requests too.
      if (i.pull_request) return [];
      const key = MARKER.exec(i.body ?? '')?.[1];
      return key === undefined ? [] : [{ number: i.number, key, title: i.title, body: i.body ?? '' }];
    }),
  );
  const byKey = new Map<string, TrackingIssue>();
  for (const i of issues.sort((a, b) => a.number - b.number)) if (!byKey.has(i.key)) byKey.set(i.key, i);
  return byKey;
}

export interface TrackedRegression {
  readonly key: string;
  readonly title: string;
  /** The whole body; the marker is put first. */
  readonly body: string;
  /** A comment added to an issue that was already open (this run still shows the regression). */
  readonly update: string;
}

/**
 * Opens the issue of `regression`, or updates the open one (body replaced, a comment added). Returns its
 * number and what was done.
 * @throws the Octokit error of a failed request
 */
export async function trackRegression(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  label: string,
  open: ReadonlyMap<string, TrackingIssue>,
  regression: TrackedRegression,
): Promise<{ number: number; action: 'opened' | 'updated' }> {
  const body = `${trackingMarker(regression.key)}\n${regression.body}`;
  const existing = open.get(trackingKey(regression.key));
  if (existing) {
    if (existing.body !== body || existing.title !== regression.title) await client.rest.issues.update({ ...repo, issue_number: existing.number, title: regression.title, body });
    await client.rest.issues.createComment({ ...repo, issue_number: existing.number, body: regression.update });
    return { number: existing.number, action: 'updated' };
  }
  const { data } = await client.rest.issues.create({ ...repo, title: regression.title, body, labels: [label] });
  return { number: data.number, action: 'opened' };
}

/** Closes a tracking issue as completed, saying why in a comment first. */
export async function closeTracking(client: GitHubClient, repo: { owner: string; repo: string }, issue: TrackingIssue, why: string): Promise<void> {
  await client.rest.issues.createComment({ ...repo, issue_number: issue.number, body: why });
  await client.rest.issues.update({ ...repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
}

/** The key as the marker holds it (what `openTrackingIssues` reads back). */
export function trackingKey(key: string): string {
  return MARKER.exec(trackingMarker(key))![1]!;
}

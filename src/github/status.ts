import type { GitHubClient } from './octokit.js';

/** GitHub's limit on a commit status description. */
export const MAX_STATUS_DESCRIPTION = 140;

export type CommitState = 'success' | 'failure' | 'error' | 'pending';

export interface CommitStatusParams {
  owner: string;
  repo: string;
  sha: string;
  /** e.g. `perf-gate/smoke`: the name branch protection can require. */
  context: string;
  state: CommitState;
  /** Cut to 140 characters (with an ellipsis) when longer. */
  description: string;
  /** Where the status links to, e.g. the workflow run. */
  targetUrl?: string;
}

/**
 * Sets the commit status `context` on `sha` (POST /repos/{owner}/{repo}/statuses/{sha}); needs
 * `statuses: write`.
 *
 * @returns the status id GitHub assigned
 * @throws the Octokit error of a failed request
 */
export async function setCommitStatus(client: GitHubClient, params: CommitStatusParams): Promise<{ id: number }> {
  const { data } = await client.rest.repos.createCommitStatus({
    owner: params.owner,
    repo: params.repo,
    sha: params.sha,
    context: params.context,
    state: params.state,
    description: truncateDescription(params.description),
    ...(params.targetUrl ? { target_url: params.targetUrl } : {}),
  });
  return { id: data.id };
}

/**
 * One line of at most `limit` characters (code points, so an emoji is never split), ending in `…` when cut.
 *
 * @example
 * truncateDescription('a'.repeat(150)).length // => 140
 */
export function truncateDescription(text: string, limit = MAX_STATUS_DESCRIPTION): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  if (chars.length <= limit) return oneLine;
  return `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}

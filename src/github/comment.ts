import type { GitHubClient } from './octokit.js';

/** GitHub refuses issue comments longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536;

export interface CommentTarget {
  owner: string;
  repo: string;
  /** The pull request (or issue) number. */
  issueNumber: number;
  /** A hidden marker carrying an id, e.g. `<!-- perf-gate:id=smoke -->`: one comment per marker. */
  marker: string;
}

export interface UpsertCommentParams extends CommentTarget {
  /** The whole comment; it should start with the marker (it is put in front when it is missing). */
  body: string;
}

export interface UpsertCommentResult {
  id: number;
  action: 'created' | 'updated' | 'unchanged';
}

export interface FoundComment {
  id: number;
  body: string;
}

/**
 * The comment that carries `marker`, looked for on every page of the issue's comments (a busy pull
 * request has more than 100, and a marker past the first page must still be found). A comment whose body
 * starts with the marker wins over one that merely contains it (a quote); among equals, the oldest.
 */
export async function findComment(client: GitHubClient, target: CommentTarget): Promise<FoundComment | undefined> {
  if (!target.marker.trim()) throw new Error('upsertComment: the marker must not be empty');
  const matches = await client.paginate(
    client.rest.issues.listComments,
    { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 },
    (response) => response.data
      .filter((c) => (c.body ?? '').includes(target.marker))
      .map((c) => ({ id: c.id, body: c.body ?? '' })),
  );
  return matches.find((c) => c.body.trimStart().startsWith(target.marker)) ?? matches[0];
}

/**
 * Creates the comment that carries `marker`, or updates it in place: a pull request gets one perf-gate
 * comment per marker, however often the job runs. An identical body is left alone (no request, no
 * "edited" mark). A body over GitHub's 65,536-character limit is cut, with a note saying so.
 *
 * @throws the Octokit error of a failed request (see `isPermissionError` for a read-only token)
 */
export async function upsertComment(client: GitHubClient, params: UpsertCommentParams): Promise<UpsertCommentResult> {
  const body = fitComment(params.body.includes(params.marker) ? params.body : `${params.marker}\n${params.body}`);
  const existing = await findComment(client, params);
  if (existing) {
    if (normalize(existing.body) === normalize(body)) return { id: existing.id, action: 'unchanged' };
    const { data } = await client.rest.issues.updateComment({ owner: params.owner, repo: params.repo, comment_id: existing.id, body });
    return { id: data.id, action: 'updated' };
  }
  const { data } = await client.rest.issues.createComment({ owner: params.owner, repo: params.repo, issue_number: params.issueNumber, body });
  return { id: data.id, action: 'created' };
}

/** The body cut to GitHub's limit, ending with a note that says how much was left out. */
export function fitComment(body: string, limit = MAX_COMMENT_LENGTH): string {
  if (body.length <= limit) return body;
  const note = (cut: number) => `\n\n… (${cut} characters cut: GitHub allows ${limit} in a comment; the job summary has the full report)\n`;
  let keep = limit - note(body.length).length;
  // Do not split a surrogate pair.
  if (keep > 0 && /[\uD800-\uDBFF]/.test(body.charAt(keep - 1))) keep--;
  return body.slice(0, keep) + note(body.length - keep);
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}

/**
 * Making sense of what Octokit throws, for the Action: is it a missing permission (skip the step with one
 * warning: a fork PR's token is read-only), and one line that says what failed and why — never the token.
 * Octokit's `RequestError` is read by shape (status, request, response), and wrapped errors are followed
 * through their `cause`, so an error re-thrown by the baseline store is classified like the original.
 */

interface RequestErrorShape {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** The Octokit request error in `err` or its `cause` chain. */
export function findRequestError(err: unknown): RequestErrorShape | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 10; depth++) {
    if (typeof e !== 'object') return undefined;
    const o = e as Partial<RequestErrorShape> & { cause?: unknown };
    if (typeof o.status === 'number' && typeof o.message === 'string' && 'request' in o) return o as RequestErrorShape;
    e = o.cause;
  }
  return undefined;
}

/** The HTTP status of the GitHub error in `err` (or its causes), if there is one. */
export function gitHubStatus(err: unknown): number | undefined {
  return findRequestError(err)?.status;
}

/** True when `err` is a primary or secondary rate limit (403/429 with no requests left, or GitHub says so). */
export function isRateLimitError(err: unknown): boolean {
  const e = findRequestError(err);
  if (!e || (e.status !== 403 && e.status !== 429)) return false;
  return header(e, 'x-ratelimit-remaining') === '0' || header(e, 'retry-after') !== undefined || /rate limit/i.test(gitHubMessage(e));
}

/**
 * True when the token may not do what was asked, so the caller should skip the step with a warning:
 * - 403 that is not a rate limit ("Resource not accessible by integration": a read-only `GITHUB_TOKEN`,
 *   as every pull request from a fork gets, or a `permissions:` block without the scope);
 * - 404 on a write (GitHub hides a private repository, or a route the token may not use, behind 404).
 *
 * A 404 on a read (a missing branch, file or comment) is not a permission error: it means "not there".
 */
export function isPermissionError(err: unknown): boolean {
  const e = findRequestError(err);
  if (!e) return false;
  if (e.status === 403) return !isRateLimitError(err);
  if (e.status === 404) {
    const method = (e.request?.method ?? 'GET').toUpperCase();
    return method !== 'GET' && method !== 'HEAD';
  }
  return false;
}

/** The permission (workflow `permissions:` key) a REST route needs, for the hint in a 403. */
export function permissionFor(method: string, path: string): string | undefined {
  const write = method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD';
  const level = write ? 'write' : 'read';
  if (/\/repos\/[^/]+\/[^/]+\/git\//.test(path)) return `contents: ${level}`;
  if (/\/repos\/[^/]+\/[^/]+\/issues\//.test(path)) return write ? 'pull-requests: write (or issues: write)' : 'pull-requests: read';
  if (/\/repos\/[^/]+\/[^/]+\/statuses\//.test(path)) return `statuses: ${level}`;
  if (/\/repos\/[^/]+\/[^/]+\/actions\//.test(path)) return `actions: ${level}`;
  if (/\/repos\/[^/]+\/[^/]+\/dispatches$/.test(path)) return 'contents: write (a token with repo scope)';
  if (/\/repos\/[^/]+\/[^/]+\/(commits|pulls)\b/.test(path)) return `pull-requests: ${level}`;
  return undefined;
}

/**
 * One line for the log: what was asked, what GitHub answered, and what to do about it.
 *
 * @example
 * describeGitHubError(err)
 * // => "GitHub API POST /repos/acme/shop/issues/7/comments answered 403: Resource not accessible by integration
 * //     — the token lacks 'pull-requests: write (or issues: write)'; a pull request from a fork gets a read-only GITHUB_TOKEN"
 */
export function describeGitHubError(err: unknown): string {
  const e = findRequestError(err);
  if (!e) return redact(err instanceof Error ? err.message : String(err));
  const method = (e.request?.method ?? '').toUpperCase();
  const path = pathOf(e.request?.url);
  const what = `GitHub API ${method} ${path}`.replace(/\s+/g, ' ').trim();
  const message = gitHubMessage(e);
  if (!e.response) {
    const cause = causeText(e);
    return redact(`${what} could not be reached: ${message}${cause ? ` (${cause})` : ''}`);
  }
  const details = validationDetails(e);
  const base = `${what} answered ${e.status}: ${message}${details ? ` (${details})` : ''}`;
  return redact(`${base}${hint(e, method, path)}`);
}

function hint(e: RequestErrorShape, method: string, path: string): string {
  if (isRateLimitError(e)) {
    const reset = Number(header(e, 'x-ratelimit-reset'));
    const retryAfter = Number(header(e, 'retry-after'));
    if (Number.isFinite(reset) && reset > 0) return ` — the API rate limit is exhausted until ${new Date(reset * 1000).toISOString()}`;
    if (Number.isFinite(retryAfter) && retryAfter > 0) return ` — a secondary rate limit: GitHub asks to wait ${retryAfter} s`;
    return ' — a rate limit';
  }
  switch (e.status) {
    case 401:
      return ' — the token is invalid or expired: check the github-token input';
    case 403: {
      const accepted = header(e, 'x-accepted-github-permissions');
      const needs = accepted ? accepted.replace(/=/g, ': ').replace(/,\s*/g, ', ') : permissionFor(method, path);
      return ` — the token lacks ${needs ? `'${needs}'` : 'a permission'}; a pull request from a fork gets a read-only GITHUB_TOKEN`;
    }
    case 404:
      return isPermissionError(e)
        ? ` — not found, which for a write usually means the token cannot see the repository or lacks '${permissionFor(method, path) ?? 'write access'}'`
        : '';
    default:
      return e.status >= 500 ? ' — a GitHub server error, still failing after retries' : '';
  }
}

function header(e: RequestErrorShape, name: string): string | undefined {
  const v = e.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

function gitHubMessage(e: RequestErrorShape): string {
  const data = e.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  // Octokit appends " - https://docs.github.com/…" to GitHub's message.
  return e.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}

function validationDetails(e: RequestErrorShape): string {
  const data = e.response?.data;
  if (!data || typeof data !== 'object') return '';
  const errors = (data as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return '';
  return errors
    .map((x: unknown) => {
      if (typeof x === 'string') return x;
      if (x && typeof x === 'object') {
        const o = x as { message?: unknown; field?: unknown; code?: unknown };
        if (typeof o.message === 'string') return o.message;
        return [o.field, o.code].filter((p) => typeof p === 'string').join(' ');
      }
      return '';
    })
    .filter(Boolean)
    .join('; ');
}

function causeText(e: RequestErrorShape): string {
  const cause = (e as { cause?: unknown }).cause;
  if (!(cause instanceof Error)) return '';
  const inner = (cause as { cause?: unknown }).cause;
  const code = inner && typeof inner === 'object' ? (inner as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : cause.message;
}

function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/** Masks anything that looks like a token: GitHub token prefixes and `access_token=` query values. */
function redact(text: string): string {
  return text
    .replace(/\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,}/g, '$1***')
    .replace(/(access_token=)[^&\s]+/gi, '$1***');
}

import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';

/** Where the GitHub layer writes: the Action passes `core.debug` / `core.info` / `core.warning`. */
export interface GitHubLog {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export interface CreateOctokitOptions {
  /** The token (`github-token` input). It is given to Octokit only and never logged. */
  token: string;
  /** REST API root: `GITHUB_API_URL` on GitHub Enterprise, a local server in tests. */
  baseUrl?: string;
  log?: GitHubLog;
  /**
   * The length, in ms, of one "second" of waiting. Rate-limit waits of N s last N × retryDelayMs and the
   * back-off between 5xx retries is 1, 4, 9 × retryDelayMs. Default 1000 (real seconds); tests pass 1.
   */
  retryDelayMs?: number;
  /**
   * Minimum spacing of write requests (and 3 × that for requests that notify people, like a new comment).
   * Undefined keeps the throttling plugin's defaults (1 s and 3 s, as GitHub asks); tests pass 0.
   */
  writeSpacingMs?: number;
  /** The longest rate-limit wait accepted, in (scaled) seconds; a later reset gives up at once. Default 60. */
  maxRateLimitWaitSeconds?: number;
  /** Retries after a rate limit (primary or secondary). Default 2. */
  rateLimitRetries?: number;
  /** Retries after a 5xx or a network failure. Default 3. */
  serverErrorRetries?: number;
}

const PerfGateOctokit = Octokit.plugin(retry, throttling);

/** The Octokit the GitHub layer works with: REST methods, `paginate`, retry and throttling. */
export type GitHubClient = InstanceType<typeof PerfGateOctokit>;

/**
 * Statuses the retry plugin must not repeat: client errors, plus 409/422 (the baseline store resolves ref
 * conflicts itself, by re-reading) and 429 (rate limits belong to the throttling plugin).
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

/**
 * The one place an Octokit is made: `@octokit/rest` with the retry plugin (5xx and network failures,
 * back-off 1, 4, 9 s) and the throttling plugin (a rate limit whose reset is at most
 * `maxRateLimitWaitSeconds` away is waited out and retried at most `rateLimitRetries` times; a later
 * reset fails the request at once with a warning that says when the limit resets).
 *
 * Octokit's own request log goes to `log.debug` (one line per request, method, path and status); the
 * token never appears in it, and any message that would contain it is masked.
 *
 * @example
 * const client = createOctokit({ token, baseUrl: process.env.GITHUB_API_URL, log: { debug: core.debug, info: core.info, warning: core.warning } });
 */
export function createOctokit(options: CreateOctokitOptions): GitHubClient {
  const log = options.log ?? { debug: () => {}, info: () => {}, warning: () => {} };
  const token = options.token;
  const mask = (message: unknown): string => {
    const text = typeof message === 'string' ? message : String(message);
    return token.length >= 4 ? text.split(token).join('***') : text;
  };
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const rateLimitRetries = options.rateLimitRetries ?? 2;

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const what = `${request.method} ${request.url}`;
    if (retryAfter <= maxWait && retryCount < rateLimitRetries) {
      log.warning(`GitHub ${kind} reached on ${what}; waiting ${retryAfter} s before retry ${retryCount + 1} of ${rateLimitRetries}.`);
      return true;
    }
    const why = retryAfter > maxWait
      ? `it resets in ${retryAfter} s, longer than the ${maxWait} s perf-gate waits`
      : `it was still exhausted after ${rateLimitRetries} retries`;
    log.warning(`GitHub ${kind} reached on ${what}; giving up because ${why}.`);
    return false;
  };

  const spacing = options.writeSpacingMs;
  const groups = spacing === undefined ? {} : {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing * 3 }),
  };

  return new PerfGateOctokit({
    ...(token ? { auth: token } : {}),
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'perf-gate',
    log: {
      debug: (m: unknown) => log.debug(mask(m)),
      info: (m: unknown) => log.debug(mask(m)),
      // Octokit logs every failed request as an error, including the expected 404 of a first run.
      error: (m: unknown) => log.debug(mask(m)),
      warn: (m: unknown) => log.warning(mask(m)),
    },
    retry: {
      doNotRetry: DO_NOT_RETRY,
      retries: options.serverErrorRetries ?? 3,
      retryAfterBaseValue: retryDelayMs,
    },
    throttle: {
      retryAfterBaseValue: retryDelayMs,
      onRateLimit: onLimit('API rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      ...groups,
    },
  });
}

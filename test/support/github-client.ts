import { createOctokit, type CreateOctokitOptions, type GitHubClient } from '../../src/github/octokit.js';
import type { GitHubApiServer } from './github-api-server.js';

export const TOKEN = 'ghs_TESTtoken0123456789abcdefABCDEF';

export interface LoggedClient {
  client: GitHubClient;
  /** Every line the client logged, as `level: message`. */
  lines: string[];
}

/**
 * An Octokit for the local server with waits shrunk for tests: a "second" of retry waiting is 1 ms and
 * write requests are not spaced.
 */
export function testClient(server: GitHubApiServer, options: Partial<CreateOctokitOptions> = {}): LoggedClient {
  const lines: string[] = [];
  const client = createOctokit({
    token: TOKEN,
    baseUrl: server.url,
    retryDelayMs: 1,
    writeSpacingMs: 0,
    log: {
      debug: (m) => lines.push(`debug: ${m}`),
      info: (m) => lines.push(`info: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
    },
    ...options,
  });
  return { client, lines };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => {
    throw new Error('expected the request to fail');
  }, (e: unknown) => e);
}

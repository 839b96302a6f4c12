import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeGitHubError, isPermissionError, isRateLimitError } from '../../src/github/errors.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { TOKEN, testClient, failure } from '../support/github-client.js';

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const params = { owner: OWNER, repo: REPO, issue_number: 3 };

let server: GitHubApiServer;
beforeEach(async () => {
  server = await startGitHubApiServer();
});
afterEach(async () => {
  await server.close();
});

describe('createOctokit: server errors', () => {
  it.each([500, 502, 503])('retries a %i and then succeeds', async (status) => {
    const { client } = testClient(server);
    server.inject(LIST, { kind: 'status', status }, 2);
    const { data } = await client.rest.issues.listComments(params);
    expect(data).toEqual([]);
    expect(server.callsTo(LIST).map((c) => c.status)).toEqual([status, status, 200]);
  });

  it('retries a write too (the comment is created once)', async () => {
    const { client } = testClient(server);
    server.inject(CREATE, { kind: 'status', status: 502 });
    await client.rest.issues.createComment({ ...params, body: 'hello' });
    expect(server.state.comments(3)).toHaveLength(1);
  });

  it('backs off 1, 4, 9 units between retries and gives up after 3 with the status in the message', async () => {
    const { client } = testClient(server, { retryDelayMs: 5 });
    server.inject(LIST, { kind: 'status', status: 500 }, 10);
    const err = await failure(client.rest.issues.listComments(params));
    const at = server.callsTo(LIST).map((c) => c.at);
    expect(at).toHaveLength(4);
    // Waits are at least 5, 20 and 45 ms (never shorter; they may be longer on a busy machine).
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(4);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(19);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(44);
    expect(describeGitHubError(err)).toBe(`GitHub API GET /repos/${OWNER}/${REPO}/issues/3/comments answered 500: Internal Server Error — a GitHub server error, still failing after retries`);
  });

  it.each([403, 404, 409, 422])('does not retry a %i', async (status) => {
    const { client } = testClient(server);
    server.inject(LIST, { kind: 'status', status }, 5);
    await failure(client.rest.issues.listComments(params));
    expect(server.callsTo(LIST)).toHaveLength(1);
  });
});

describe('createOctokit: rate limits', () => {
  it.each([403, 429] as const)('waits out a short primary rate limit (%i) and retries', async (status) => {
    const { client, lines } = testClient(server, { retryDelayMs: 20 });
    server.inject(LIST, { kind: 'rate-limit', status, resetInSeconds: 1 });
    await client.rest.issues.listComments(params);
    const [first, second] = server.callsTo(LIST);
    expect([first?.status, second?.status]).toEqual([status, 200]);
    // The reset is 1-2 s away and Octokit adds 1 s: at least 2 "seconds" of 20 ms.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(39);
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(/^warning: GitHub API rate limit reached on GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments; waiting [23] s before retry 1 of 2\.$/),
    ]);
  });

  it('honours retry-after of a secondary rate limit', async () => {
    const { client, lines } = testClient(server, { retryDelayMs: 20 });
    server.inject(CREATE, { kind: 'secondary-rate-limit', status: 403, retryAfterSeconds: 3 });
    await client.rest.issues.createComment({ ...params, body: 'x' });
    const [first, second] = server.callsTo(CREATE);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(59);
    expect(lines.some((l) => /secondary rate limit reached .* waiting 3 s/.test(l))).toBe(true);
  });

  it('retries at most twice, then fails', async () => {
    const { client } = testClient(server);
    server.inject(LIST, { kind: 'rate-limit', status: 403, resetInSeconds: 1 }, 5);
    const err = await failure(client.rest.issues.listComments(params));
    expect(server.callsTo(LIST)).toHaveLength(3);
    expect(isRateLimitError(err)).toBe(true);
  });

  it('gives up at once when the reset is far away, saying when it resets', async () => {
    const { client, lines } = testClient(server);
    server.inject(LIST, { kind: 'rate-limit', status: 403, resetInSeconds: 3600 });
    const err = await failure(client.rest.issues.listComments(params));
    expect(server.callsTo(LIST)).toHaveLength(1);
    expect(lines).toContainEqual(expect.stringMatching(/giving up because it resets in 360\d s, longer than the 60 s perf-gate waits/));
    expect(isPermissionError(err)).toBe(false);
    expect(describeGitHubError(err)).toMatch(/answered 403: API rate limit exceeded for installation ID 4242\. — the API rate limit is exhausted until \d{4}-\d\d-\d\dT/);
  });
});

describe('createOctokit: the token', () => {
  it('is sent to GitHub and never logged, not even in failures', async () => {
    const { client, lines } = testClient(server);
    await client.rest.issues.listComments(params);
    server.inject(CREATE, { kind: 'status', status: 403 });
    const err = await failure(client.rest.issues.createComment({ ...params, body: 'x' }));
    const seen = JSON.stringify(lines) + describeGitHubError(err) + String((err as Error).message);
    expect(lines.length).toBeGreaterThan(0);
    expect(server.calls.map((c) => c.token)).toEqual([TOKEN, TOKEN]);
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(TOKEN.slice(4));
  });

  it('reaches GitHub at the given base URL', async () => {
    const { client } = testClient(server);
    await client.rest.issues.listComments(params);
    expect(server.calls).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertComment } from '../../src/github/comment.js';
import { describeGitHubError, isPermissionError, permissionFor } from '../../src/github/errors.js';
import { setCommitStatus } from '../../src/github/status.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer, type Route } from '../support/github-api-server.js';
import { TOKEN, testClient, failure } from '../support/github-client.js';

let server: GitHubApiServer;
beforeEach(async () => {
  server = await startGitHubApiServer();
});
afterEach(async () => {
  await server.close();
});

describe('isPermissionError and describeGitHubError against the server', () => {
  it('a read-only token (fork PR): 403 on the comment, named as a missing permission', async () => {
    server.state.readOnlyTokens.add(TOKEN);
    const { client } = testClient(server);
    const err = await failure(upsertComment(client, { owner: OWNER, repo: REPO, issueNumber: 4, marker: '<!-- m -->', body: '<!-- m -->\nx' }));
    expect(isPermissionError(err)).toBe(true);
    expect(describeGitHubError(err)).toBe(
      `GitHub API POST /repos/${OWNER}/${REPO}/issues/4/comments answered 403: Resource not accessible by integration` +
      " — the token lacks 'issues: write; pull_requests: write'; a pull request from a fork gets a read-only GITHUB_TOKEN",
    );
  });

  it('404 on a write (a private repository the token cannot see) is a permission error', async () => {
    const { client } = testClient(server);
    server.inject('POST /repos/{owner}/{repo}/statuses/{sha}', { kind: 'status', status: 404 });
    const err = await failure(setCommitStatus(client, { owner: OWNER, repo: REPO, sha: 'a'.repeat(40), context: 'perf-gate/smoke', state: 'success', description: 'ok' }));
    expect(isPermissionError(err)).toBe(true);
    expect(describeGitHubError(err)).toMatch(/answered 404: Not Found — not found, which for a write usually means the token cannot see the repository or lacks 'statuses: write'/);
  });

  it('404 on a read (a missing branch) is not', async () => {
    const { client } = testClient(server);
    const err = await failure(client.rest.git.getRef({ owner: OWNER, repo: REPO, ref: 'heads/nope' }));
    expect(isPermissionError(err)).toBe(false);
    expect(describeGitHubError(err)).toBe(`GitHub API GET /repos/${OWNER}/${REPO}/git/ref/heads%2Fnope answered 404: Not Found`);
  });

  it('a 422 lists GitHub\'s validation errors', async () => {
    const { client } = testClient(server);
    const err = await failure(client.rest.repos.createCommitStatus({ owner: OWNER, repo: REPO, sha: 'b'.repeat(40), state: 'success', description: 'd'.repeat(141) }));
    expect(describeGitHubError(err)).toMatch(/answered 422: Validation Failed \(description is too long \(maximum is 140 characters\)\)$/);
    expect(isPermissionError(err)).toBe(false);
  });

  it('an unreachable server says so, with the cause', async () => {
    const url = server.url;
    await server.close();
    const { client } = testClient({ ...server, url }, { serverErrorRetries: 0 });
    const err = await failure(client.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 1 }));
    expect(describeGitHubError(err)).toMatch(/^GitHub API GET \/repos\/octo-org\/octo-repo\/issues\/1\/comments could not be reached: .*ECONNREFUSED/);
    server = await startGitHubApiServer();
  });
});

describe('isPermissionError (shapes)', () => {
  const requestError = (status: number, method: string, extra: object = {}) =>
    Object.assign(new Error('x'), { status, request: { method, url: 'https://api.github.com/repos/o/r/git/refs' }, response: { headers: {}, data: { message: 'x' } }, ...extra });
  it.each([
    { what: '403 on a write', err: requestError(403, 'POST'), expected: true },
    { what: '403 on a read', err: requestError(403, 'GET'), expected: true },
    { what: '403 rate limit', err: requestError(403, 'GET', { response: { headers: { 'x-ratelimit-remaining': '0' }, data: { message: 'API rate limit exceeded' } } }), expected: false },
    { what: '404 on a write', err: requestError(404, 'PATCH'), expected: true },
    { what: '404 on a read', err: requestError(404, 'GET'), expected: false },
    { what: '401 bad credentials', err: requestError(401, 'GET'), expected: false },
    { what: '422', err: requestError(422, 'POST'), expected: false },
    { what: 'wrapped 403', err: new Error('outer', { cause: requestError(403, 'POST') }), expected: true },
    { what: 'plain error', err: new Error('403'), expected: false },
    { what: 'not an error', err: 'Resource not accessible by integration', expected: false },
  ])('$what → $expected', ({ err, expected }) => {
    expect(isPermissionError(err)).toBe(expected);
  });
});

describe('describeGitHubError (shapes)', () => {
  it('masks anything that looks like a token', () => {
    expect(describeGitHubError(new Error(`failed with ghp_${'a'.repeat(36)} and ?access_token=secret`))).toBe('failed with ghp_*** and ?access_token=***');
  });
  it('a 401 points at the token input', () => {
    const err = Object.assign(new Error('Bad credentials'), { status: 401, request: { method: 'GET', url: 'https://api.github.com/repos/o/r' }, response: { headers: {}, data: { message: 'Bad credentials' } } });
    expect(describeGitHubError(err)).toBe('GitHub API GET /repos/o/r answered 401: Bad credentials — the token is invalid or expired: check the github-token input');
  });
  it('a plain error is its message', () => {
    expect(describeGitHubError(new Error('boom'))).toBe('boom');
    expect(describeGitHubError(42)).toBe('42');
  });
});

describe('permissionFor', () => {
  it.each<{ route: Route; expected: string }>([
    { route: 'POST /repos/{owner}/{repo}/git/blobs', expected: 'contents: write' },
    { route: 'GET /repos/{owner}/{repo}/git/ref/{ref}', expected: 'contents: read' },
    { route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', expected: 'pull-requests: write (or issues: write)' },
    { route: 'POST /repos/{owner}/{repo}/statuses/{sha}', expected: 'statuses: write' },
    { route: 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', expected: 'actions: write' },
    { route: 'POST /repos/{owner}/{repo}/dispatches', expected: 'contents: write (a token with repo scope)' },
  ])('$route → $expected', ({ route, expected }) => {
    const [method, path] = route.split(' ') as [string, string];
    expect(permissionFor(method, path.replace('{owner}', 'o').replace('{repo}', 'r'))).toBe(expected);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';

/** The stand-in server checked against what GitHub (and git) really do, with plain fetch. */
let server: GitHubApiServer;
beforeEach(async () => {
  server = await startGitHubApiServer();
});
afterEach(async () => {
  await server.close();
});

const api = (path: string) => `${server.url}/repos/${OWNER}/${REPO}${path}`;
async function send(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> & { sha: string }; headers: Headers }> {
  const res = await fetch(api(path), { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : {}, headers: res.headers };
}

describe('github-api-server', () => {
  it('pages issue comments with a Link header as GitHub does', async () => {
    server.state.seedComments(5, 250);
    const first = await send('GET', '/issues/5/comments?per_page=100');
    expect(first.headers.get('link')).toBe(
      `<${api('/issues/5/comments')}?per_page=100&page=2>; rel="next", <${api('/issues/5/comments')}?per_page=100&page=3>; rel="last"`,
    );
    const last = await send('GET', '/issues/5/comments?per_page=100&page=3');
    expect(last.json).toHaveLength(50);
    expect(last.headers.get('link')).toBe(`<${api('/issues/5/comments')}?per_page=100&page=2>; rel="prev", <${api('/issues/5/comments')}?per_page=100&page=1>; rel="first"`);
    const small = await send('GET', '/issues/5/comments');
    expect(small.json).toHaveLength(30);
  });

  it('hashes blobs, trees and commits as git does', async () => {
    expect((await send('POST', '/git/blobs', { content: '', encoding: 'utf-8' })).json.sha).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    const hello = await send('POST', '/git/blobs', { content: Buffer.from('hello\n').toString('base64'), encoding: 'base64' });
    expect(hello.json.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const tree = await send('POST', '/git/trees', { tree: [{ path: 'hello.txt', mode: '100644', type: 'blob', sha: hello.json.sha }] });
    // What `git write-tree` prints for a folder holding only hello.txt.
    expect(tree.json.sha).toBe('aaa96ced2d9a1c8e72c56b253a0e2fe78393feb7');
  });

  it('builds nested trees on a base tree and lists them recursively', async () => {
    const a = (await send('POST', '/git/blobs', { content: 'a' })).json.sha;
    const b = (await send('POST', '/git/blobs', { content: 'b' })).json.sha;
    const t1 = await send('POST', '/git/trees', { tree: [{ path: 'stages/smoke/baseline.json', mode: '100644', type: 'blob', sha: a }, { path: 'README.md', mode: '100644', type: 'blob', sha: a }] });
    const t2 = await send('POST', '/git/trees', { base_tree: t1.json.sha, tree: [{ path: 'stages/load/baseline.json', mode: '100644', type: 'blob', sha: b }, { path: 'README.md', mode: '100644', type: 'blob', sha: null }] });
    const listing = await fetch(`${api(`/git/trees/${t2.json.sha}`)}?recursive=1`).then((r) => r.json()) as { tree: { path: string; type: string }[]; truncated: boolean };
    expect(listing.truncated).toBe(false);
    expect(listing.tree.map((e) => `${e.type} ${e.path}`)).toEqual([
      'tree stages', 'tree stages/load', 'blob stages/load/baseline.json', 'tree stages/smoke', 'blob stages/smoke/baseline.json',
    ]);
  });

  it('creates refs once and moves them only forward unless forced', async () => {
    const blob = (await send('POST', '/git/blobs', { content: 'x' })).json.sha;
    const tree = (await send('POST', '/git/trees', { tree: [{ path: 'x', mode: '100644', type: 'blob', sha: blob }] })).json.sha;
    const root = (await send('POST', '/git/commits', { message: 'root', tree, parents: [] })).json.sha;
    const child = (await send('POST', '/git/commits', { message: 'child', tree, parents: [root] })).json.sha;
    const other = (await send('POST', '/git/commits', { message: 'other root', tree, parents: [] })).json.sha;

    expect((await send('POST', '/git/refs', { ref: 'refs/heads/feature/x', sha: root })).status).toBe(201);
    expect((await send('POST', '/git/refs', { ref: 'refs/heads/feature/x', sha: root })).json.message).toBe('Reference already exists');
    expect((await send('POST', '/git/refs', { ref: 'heads/y', sha: root })).status).toBe(422);
    // Encoded and plain slashes in the ref both work, as on GitHub.
    expect((await send('GET', '/git/ref/heads%2Ffeature%2Fx')).json).toMatchObject({ ref: 'refs/heads/feature/x', object: { sha: root } });
    expect((await send('GET', '/git/ref/heads/feature/x')).status).toBe(200);
    expect((await send('PATCH', '/git/refs/heads%2Ffeature%2Fx', { sha: child, force: false })).status).toBe(200);
    const sideways = await send('PATCH', '/git/refs/heads/feature/x', { sha: other, force: false });
    expect([sideways.status, sideways.json.message]).toEqual([422, 'Update is not a fast forward']);
    expect((await send('PATCH', '/git/refs/heads/feature/x', { sha: other, force: true })).status).toBe(200);
    expect((await send('GET', '/git/ref/heads/missing')).status).toBe(404);
  });

  it('answers injected faults for the next N requests only, and records every call', async () => {
    server.inject('POST /repos/{owner}/{repo}/dispatches', { kind: 'status', status: 403 }, 2);
    const r1 = await send('POST', '/dispatches', { event_type: 'x' });
    expect(r1.status).toBe(403);
    expect(r1.json.message).toBe('Resource not accessible by integration');
    expect(r1.headers.get('x-accepted-github-permissions')).toBe('contents=write');
    expect((await send('POST', '/dispatches', { event_type: 'x' })).status).toBe(403);
    expect((await send('POST', '/dispatches', { event_type: 'x' })).status).toBe(204);
    expect(server.calls.map((c) => [c.route, c.status])).toEqual([
      ['POST /repos/{owner}/{repo}/dispatches', 403],
      ['POST /repos/{owner}/{repo}/dispatches', 403],
      ['POST /repos/{owner}/{repo}/dispatches', 204],
    ]);
  });

  it('sends rate-limit headers like GitHub', async () => {
    server.inject('*', { kind: 'rate-limit', status: 429, resetInSeconds: 30 });
    const r = await send('GET', '/issues/1/comments');
    expect(r.status).toBe(429);
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(r.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 + 29);
    server.inject('*', { kind: 'secondary-rate-limit', status: 403, retryAfterSeconds: 7 });
    const s = await send('GET', '/issues/1/comments');
    expect([s.status, s.headers.get('retry-after')]).toEqual([403, '7']);
    expect(s.json.message).toMatch(/secondary rate limit/);
  });

  it('answers 404 for a route it does not serve', async () => {
    const r = await send('GET', '/contents/README.md');
    expect(r.status).toBe(404);
    expect(server.calls[0]!.route).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitComment, MAX_COMMENT_LENGTH, upsertComment } from '../../src/github/comment.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { testClient } from '../support/github-client.js';

const MARKER = '<!-- perf-gate:id=smoke -->';
const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';

let server: GitHubApiServer;
beforeEach(async () => {
  server = await startGitHubApiServer();
});
afterEach(async () => {
  await server.close();
});

const target = { owner: OWNER, repo: REPO, issueNumber: 7, marker: MARKER };

describe('upsertComment', () => {
  it('creates the comment once, then updates it in place', async () => {
    const { client } = testClient(server);
    const first = await upsertComment(client, { ...target, body: `${MARKER}\nrun 1` });
    const second = await upsertComment(client, { ...target, body: `${MARKER}\nrun 2` });

    expect(first.action).toBe('created');
    expect(second).toEqual({ id: first.id, action: 'updated' });
    const comments = server.state.comments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toBe(`${MARKER}\nrun 2`);
    expect(server.callsTo(CREATE)).toHaveLength(1);
    expect(server.callsTo(UPDATE)).toHaveLength(1);
  });

  it('finds its comment on page 2 behind 150 earlier comments and never posts a duplicate', async () => {
    server.state.seedComments(7, 120);
    const { client } = testClient(server);
    const created = await upsertComment(client, { ...target, body: `${MARKER}\nfirst` });
    server.state.seedComments(7, 30); // 150 others now, ours is number 121: on page 2 of 100
    const again = await upsertComment(client, { ...target, body: `${MARKER}\nsecond` });

    expect(created.action).toBe('created');
    expect(again).toEqual({ id: created.id, action: 'updated' });
    expect(server.state.comments(7).filter((c) => c.body.includes(MARKER))).toHaveLength(1);
    const pages = server.callsTo(LIST).slice(-2).map((c) => c.query);
    expect(pages).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }]);
  });

  it('leaves an identical body alone: no update call, action unchanged', async () => {
    const { client } = testClient(server);
    const body = `${MARKER}\n## perf-gate\nall good`;
    const created = await upsertComment(client, { ...target, body });
    const again = await upsertComment(client, { ...target, body });
    expect(again).toEqual({ id: created.id, action: 'unchanged' });
    expect(server.callsTo(UPDATE)).toHaveLength(0);
  });

  it('keeps comments of other markers (another job) apart', async () => {
    const { client } = testClient(server);
    const smoke = await upsertComment(client, { ...target, body: `${MARKER}\nsmoke` });
    const load = await upsertComment(client, { ...target, marker: '<!-- perf-gate:id=load -->', body: '<!-- perf-gate:id=load -->\nload' });
    expect(load.id).not.toBe(smoke.id);
    expect(server.state.comments(7)).toHaveLength(2);
  });

  it('prefers the comment that starts with the marker over one that quotes it', async () => {
    server.state.seedComments(7, 1, { body: () => `> quoting the bot: ${MARKER}` });
    const [own] = server.state.seedComments(7, 1, { body: () => `${MARKER}\nold`, user: 'github-actions[bot]' });
    const { client } = testClient(server);
    const r = await upsertComment(client, { ...target, body: `${MARKER}\nnew` });
    expect(r).toEqual({ id: own!.id, action: 'updated' });
  });

  it('puts the marker in front of a body that lacks it', async () => {
    const { client } = testClient(server);
    await upsertComment(client, { ...target, body: 'no marker here' });
    expect(server.state.comments(7)[0]!.body).toBe(`${MARKER}\nno marker here`);
  });

  it('cuts a body over 65,536 characters, saying so, and GitHub accepts it', async () => {
    const { client } = testClient(server);
    const r = await upsertComment(client, { ...target, body: `${MARKER}\n${'x'.repeat(70_000)}` });
    expect(r.action).toBe('created');
    const stored = server.state.comments(7)[0]!.body;
    expect(stored.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(stored.startsWith(MARKER)).toBe(true);
    expect(stored).toMatch(/characters cut: GitHub allows 65536/);
  });
});

describe('fitComment', () => {
  it.each([
    { what: 'short body unchanged', body: 'abc', limit: 100, expected: 'abc' },
    { what: 'exactly at the limit unchanged', body: 'a'.repeat(100), limit: 100, expected: 'a'.repeat(100) },
  ])('$what', ({ body, limit, expected }) => {
    expect(fitComment(body, limit)).toBe(expected);
  });

  it('never splits a surrogate pair', () => {
    const body = '😀'.repeat(200);
    const out = fitComment(body, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

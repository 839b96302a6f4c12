import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchWorkflow, repositoryDispatch, workflowId } from '../../src/github/dispatch.js';
import { setCommitStatus, truncateDescription } from '../../src/github/status.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { testClient } from '../support/github-client.js';

let server: GitHubApiServer;
beforeEach(async () => {
  server = await startGitHubApiServer();
});
afterEach(async () => {
  await server.close();
});

const SHA = 'c0ffee'.padEnd(40, '0');

describe('setCommitStatus', () => {
  it('posts the status on the commit', async () => {
    const { client } = testClient(server);
    const r = await setCommitStatus(client, { owner: OWNER, repo: REPO, sha: SHA, context: 'perf-gate/smoke', state: 'failure', description: '2 breaches: p95 +31 %', targetUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(r.id).toBeGreaterThan(0);
    expect(server.calls).toEqual([expect.objectContaining({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/statuses/${SHA}`,
      body: { context: 'perf-gate/smoke', state: 'failure', description: '2 breaches: p95 +31 %', target_url: 'https://github.com/o/r/actions/runs/1' },
      status: 201,
    })]);
  });

  it('cuts a long description to 140 characters and leaves out an absent target URL', async () => {
    const { client } = testClient(server);
    await setCommitStatus(client, { owner: OWNER, repo: REPO, sha: SHA, context: 'perf-gate/load', state: 'success', description: 'x'.repeat(300) });
    const body = server.calls[0]!.body as Record<string, unknown>;
    expect((body['description'] as string).length).toBe(140);
    expect(body).not.toHaveProperty('target_url');
    expect(server.state.repo().statuses[0]).toMatchObject({ sha: SHA, state: 'success', context: 'perf-gate/load' });
  });
});

describe('truncateDescription', () => {
  it.each([
    { what: 'short unchanged', text: 'pass', expected: 'pass' },
    { what: 'newlines become spaces', text: 'a\nb  c', expected: 'a b c' },
    { what: 'exactly 140 unchanged', text: 'y'.repeat(140), expected: 'y'.repeat(140) },
    { what: '141 cut with an ellipsis', text: 'y'.repeat(141), expected: `${'y'.repeat(139)}…` },
    { what: 'emoji counted as one, never split', text: '🔥'.repeat(141), expected: `${'🔥'.repeat(139)}…` },
  ])('$what', ({ text, expected }) => {
    expect(truncateDescription(text)).toBe(expected);
  });
});

describe('dispatchWorkflow', () => {
  it('dispatches by file name with string inputs and reports the time taken', async () => {
    const { client } = testClient(server);
    const r = await dispatchWorkflow(client, { owner: OWNER, repo: REPO, workflow: 'rollback.yml', ref: 'main', inputs: { reason: 'p95 +40 %', 'failed-sha': SHA } });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(server.calls).toEqual([expect.objectContaining({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/actions/workflows/rollback.yml/dispatches`,
      body: { ref: 'main', inputs: { reason: 'p95 +40 %', 'failed-sha': SHA } },
      status: 204,
    })]);
  });

  it.each([
    { workflow: 123456 as string | number, path: '123456' },
    { workflow: '987', path: '987' },
    { workflow: '.github/workflows/deploy-rollback.yml', path: 'deploy-rollback.yml' },
  ])('workflow $workflow → /actions/workflows/$path/dispatches', async ({ workflow, path }) => {
    const { client } = testClient(server);
    await dispatchWorkflow(client, { owner: OWNER, repo: REPO, workflow, ref: 'v1.2.3', inputs: {} });
    expect(server.calls[0]!.path).toBe(`/repos/${OWNER}/${REPO}/actions/workflows/${path}/dispatches`);
    expect(server.state.repo().workflowDispatches).toEqual([{ workflow: path, ref: 'v1.2.3', inputs: {} }]);
  });

  it('is retried on a 502 (a rollback must go out)', async () => {
    const { client } = testClient(server);
    server.inject('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { kind: 'status', status: 502 });
    await dispatchWorkflow(client, { owner: OWNER, repo: REPO, workflow: 'rollback.yml', ref: 'main', inputs: {} });
    expect(server.calls.map((c) => c.status)).toEqual([502, 204]);
  });
});

describe('repositoryDispatch', () => {
  it('sends the event type and payload', async () => {
    const { client } = testClient(server);
    const payload = { reason: 'gate failed', failed_sha: SHA, report: 'https://github.com/o/r/actions/runs/9', nested: { stage: 'smoke' } };
    const r = await repositoryDispatch(client, { owner: OWNER, repo: REPO, eventType: 'perf-gate-rollback', payload });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(server.calls).toEqual([expect.objectContaining({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/dispatches`,
      body: { event_type: 'perf-gate-rollback', client_payload: payload },
      status: 204,
    })]);
  });

  it.each([
    { what: 'empty type', eventType: ' ', payload: {}, message: /event type must be 1 to 100 characters/ },
    { what: 'type over 100', eventType: 'e'.repeat(101), payload: {}, message: /event type must be 1 to 100 characters/ },
    { what: '11 payload keys', eventType: 'x', payload: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])), message: /at most 10 top-level keys but got 11/ },
  ])('refuses $what before sending anything', async ({ eventType, payload, message }) => {
    const { client } = testClient(server);
    await expect(repositoryDispatch(client, { owner: OWNER, repo: REPO, eventType, payload })).rejects.toThrow(message);
    expect(server.calls).toHaveLength(0);
  });
});

describe('workflowId', () => {
  it.each([
    { input: 42 as string | number, expected: 42 as string | number },
    { input: ' 42 ', expected: 42 },
    { input: 'rollback.yaml', expected: 'rollback.yaml' },
    { input: './.github/workflows/r.yml', expected: 'r.yml' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(workflowId(input)).toBe(expected);
  });
});

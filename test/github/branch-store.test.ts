import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunDocument } from '../../src/document/run-document.js';
import { BaselineBranch, branchStore } from '../../src/github/baseline-store.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { testClient, TOKEN } from '../support/github-client.js';
import { endingAt, sha, smokeRun } from '../support/github-documents.js';

// The baseline branch behind the pipeline's BaselineStore port, against the local GitHub API server.
let server: GitHubApiServer;
let smoke: RunDocument;
beforeAll(async () => {
  smoke = await smokeRun();
});
beforeEach(async () => {
  server = await startGitHubApiServer();
});
afterEach(async () => {
  await server.close();
});

function store(options: { fromFork?: boolean } = {}) {
  const lines: string[] = [];
  const branch = new BaselineBranch(testClient(server).client, { owner: OWNER, repo: REPO, conflictBackoffMs: 1 });
  return { lines, store: branchStore(branch, { sha: sha(1), fromFork: options.fromFork ?? false, log: { info: (m) => lines.push(m) } }) };
}

describe('branchStore: the baseline branch as a BaselineStore', () => {
  it('a first run: no baseline, no history, said once', async () => {
    const { store: s, lines } = store();
    expect(await s.read('smoke')).toEqual({ history: [] });
    expect(lines).toEqual(['No baseline yet for stage smoke on perf-gate-baselines: regressions are inconclusive on this first run.']);
  });

  it('writes, then reads back the run and its history entry', async () => {
    const { store: s } = store();
    expect(await s.write('smoke', smoke)).toEqual({ status: 'written', message: 'Baseline for smoke updated on perf-gate-baselines.' });
    const back = await s.read('smoke');
    expect(back.baseline).toEqual(smoke);
    expect(back.history.map((h) => h.sha)).toEqual([sha(1)]);
  });

  it('keeps a newer stored baseline, saying why', async () => {
    const { store: s } = store();
    await s.write('smoke', endingAt(smoke, '2026-03-01T12:00:00Z'));
    const r = await s.write('smoke', endingAt(smoke, '2026-03-01T11:00:00Z'));
    expect(r.status).toBe('kept');
    expect(r.message).toMatch(/^Baseline for smoke kept: the stored baseline is newer/);
  });

  it.each([
    { fromFork: false, message: "The baseline was not written: the token cannot push to perf-gate-baselines (needs 'contents: write')." },
    { fromFork: true, message: "The baseline was not written: the token cannot push to perf-gate-baselines (needs 'contents: write'; a fork PR has a read-only token)." },
  ])('a read-only token (fork PR: $fromFork) is refused: no later stage is tried', async ({ fromFork, message }) => {
    server.state.readOnlyTokens.add(TOKEN);
    const { store: s } = store({ fromFork });
    expect(await s.write('smoke', smoke)).toEqual({ status: 'refused', message });
  });

  it('a read that fails says where, for the pipeline to warn', async () => {
    const { store: s } = store();
    await server.close();
    await expect(s.read('smoke')).rejects.toThrow(/^Reading the baseline from perf-gate-baselines failed: /);
    server = await startGitHubApiServer();
  });
});

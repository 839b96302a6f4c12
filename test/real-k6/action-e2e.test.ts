/**
 * The bundled Action (dist/index.js) end to end with a real k6: examples/k6/isectech.js against the
 * example API, the baseline branch, PR comment and status on the local GitHub API server. A push to main
 * seeds the baseline; the pull request's A/A run is judged against it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { runBundledAction } from '../action/run-action.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { binWith, K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

const PR = 12;
const pushPayload = { repository: { default_branch: 'main' } };
const prPayload = { pull_request: { number: PR, labels: [], head: { sha: 'feedc0de00000000000000000000000000000012', repo: { full_name: `${OWNER}/${REPO}` } } }, repository: { default_branch: 'main' } };

let github: GitHubApiServer;
let api: RunningServer;
let bin: string;

function action(event: string, payload: unknown, sha: string) {
  return runBundledAction({
    bin,
    event,
    payload,
    inputs: {
      script: 'examples/k6/isectech.js',
      stages: 'smoke',
      'k6-version': MAIN_K6!.version,
      'target-url': api.url,
      env: 'VUS=3\nDURATION=4s\nTHINK=0.2\nWS_EVERY=3',
      'github-token': 'ghs_realK6e2eTOKEN0123456789',
    },
    env: { ...K6_TEST_ENV, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: github.url, GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main' },
  });
}

warnIfSkipped('real k6: the bundled Action');

describe.skipIf(MAIN_K6 === undefined)(`the bundled Action with real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}, the example API and a local GitHub API`, () => {
  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    api = await startServer({ port: 0, seed: 5 });
    github = await startGitHubApiServer();
    bin = binWith(MAIN_K6!);
  });
  afterAll(async () => {
    await api?.close();
    await github?.close();
  });

  it('a push to main seeds the baseline, then the pull request passes its A/A and gets one comment', async () => {
    const seed = await action('push', pushPayload, 'main000000000000000000000000000000000012');
    expect(seed.code, seed.stdout + seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(new RegExp(`k6 v${MAIN_K6!.version.replace(/\./g, '\\.')}: using .*k6 \\(on PATH\\)`));
    expect(seed.outputs['verdict']).toBe('inconclusive'); // no baseline yet
    const stored = JSON.parse(github.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json')!);
    expect(stored.meta).toMatchObject({ tool: 'k6', toolVersion: MAIN_K6!.version, stage: 'smoke', partial: false });

    const pr = await action('pull_request', prPayload, 'merge00000000000000000000000000000000012');
    expect(pr.code, pr.stdout + pr.stderr).toBe(0);
    expect(pr.outputs['verdict']).not.toBe('fail');
    expect(['pass', 'warn', 'inconclusive']).toContain(pr.outputs['verdict']);
    const report = JSON.parse(readFileSync(pr.outputs['report-json']!, 'utf8'));
    expect(report.stages[0].baselineRun).toMatchObject({ tool: 'k6', toolVersion: MAIN_K6!.version });
    expect(report.stages[0].scopes.some((s: { scope?: { value: string } }) => s.scope?.value === 'GET /api/dashboard/metrics')).toBe(true);
    const mine = github.state.comments(PR).filter((c) => c.body.includes('<!-- perf-gate:id='));
    expect(mine).toHaveLength(1);
    expect(pr.outputs['comment-id']).toBe(String(mine[0]!.id));
    expect(github.state.repo().statuses.at(-1)).toMatchObject({ context: 'perf-gate/smoke', state: 'success' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { fakeK6Bin, runBundledAction } from './run-action.js';

// The bundled Action (dist/index.js) end to end: a local HTTP server speaks GitHub's REST routes (GitHub
// itself cannot be reached here) and a stand-in k6 replays real recorded k6 runs (k6 cannot be installed).

let server: GitHubApiServer;
let bin: string;
const PR = 7;
const prPayload = { pull_request: { number: PR, labels: [], head: { sha: 'feedc0de00000000000000000000000000000001', repo: { full_name: `${OWNER}/${REPO}` } } }, repository: { default_branch: 'main' } };
const pushPayload = { repository: { default_branch: 'main' } };

function action(replay: string, options: { event?: string; payload?: unknown; inputs?: Record<string, string>; env?: Record<string, string>; terminateAfterMs?: number } = {}) {
  return runBundledAction({
    ...(options.terminateAfterMs !== undefined ? { terminateAfterMs: options.terminateAfterMs } : {}),
    bin,
    event: options.event ?? 'pull_request',
    payload: options.payload ?? prPayload,
    inputs: { script: 'test/fixtures/k6/script.js', stages: 'smoke', 'k6-version': '0.49.0', 'github-token': 'ghs_e2eTOKEN0123456789', ...options.inputs },
    env: { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: server.url, GITHUB_SHA: 'main000000000000000000000000000000000001', GITHUB_REF: 'refs/heads/main', FAKE_K6_REPLAY: replay, ...options.env },
  });
}

beforeAll(async () => {
  server = await startGitHubApiServer();
  bin = fakeK6Bin();
  server.state.seedComments(PR, 150);
});
afterAll(() => server.close());

describe('the bundled Action against a local GitHub API', () => {
  it('seeds the baseline branch on a push to main (first run: inconclusive, thresholds still apply)', async () => {
    const r = await action('smoke-baseline', { event: 'push', payload: pushPayload });
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['verdict']).toBe('inconclusive');
    expect(server.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json')).toBeDefined();
  });

  it('passes the A/A run on a PR and posts one comment (past 150 earlier ones)', async () => {
    const r = await action('smoke-aa');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['verdict']).toBe('pass');
    const mine = server.state.comments(PR).filter((c) => c.body.includes('<!-- perf-gate:id='));
    expect(mine).toHaveLength(1);
    expect(r.outputs['comment-id']).toBe(String(mine[0]!.id));
    expect(mine[0]!.body).toMatch(/```mermaid\nxychart-beta/); // p95 trend: the stored history plus this run
    expect(r.summary).toMatch(/perf-gate/);
    for (const name of ['verdict', 'report-json', 'report-markdown', 'comment-id', 'regressions', 'rollback-dispatched']) expect(r.outputs).toHaveProperty(name);
    expect(server.state.repo().statuses.at(-1)).toMatchObject({ context: 'perf-gate/smoke', state: 'success' });
  });

  it('fails the regressed run and updates the same comment in place', async () => {
    const before = server.state.comments(PR).length;
    const r = await action('smoke-regressed');
    expect(r.code).toBe(1);
    expect(r.outputs['verdict']).toBe('fail');
    expect(Number(r.outputs['regressions'])).toBeGreaterThan(0);
    expect(server.state.comments(PR)).toHaveLength(before);
    const mine = server.state.comments(PR).filter((c) => c.body.includes('<!-- perf-gate:id='));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatch(/POST \/api\/alerts/);
    expect(r.outputs['rollback-dispatched']).toBe('false'); // a PR is not a deployment
  });

  it('an accepted regression (PR label) warns instead of failing, and the comment says so', async () => {
    const labelled = { ...prPayload, pull_request: { ...prPayload.pull_request, labels: [{ name: 'perf-gate:accept' }] } };
    const r = await action('smoke-regressed', { payload: labelled });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['verdict']).toBe('warn');
    expect(Number(r.outputs['regressions'])).toBeGreaterThan(0);
    const mine = server.state.comments(PR).filter((c) => c.body.includes('<!-- perf-gate:id='));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatch(/accepted/i);
  });

  it('k6 exit 99 (thresholds crossed) becomes findings, not a crash', async () => {
    const r = await action('smoke-errors');
    expect(r.code).toBe(1);
    expect(r.outputs['verdict']).toBe('fail');
    expect(r.stdout).toMatch(/error rate/);
    expect(r.stdout).not.toMatch(/k6 failed unexpectedly/);
  });

  it('a script error (k6 exit 107) fails quoting k6', async () => {
    const r = await action('smoke-baseline', {
      env: { FAKE_K6_EXIT: '107', FAKE_K6_STDERR: 'time="2026-11-27T10:00:00Z" level=error msg="ReferenceError: foo is not defined\\n\\tat default (file:///script.js:12:3(5))" hint="script exception"\n' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/ReferenceError: foo is not defined/);
  });

  it.each([
    {
      what: 'a threshold on an endpoint no request has (found after the run)',
      yaml: 'stages:\n  smoke:\n    thresholds:\n      "http_req_duration{name:GET /api/alerst}": ["p(95)<500"]\n',
      message: /no point of 'http_req_duration' has name 'GET \/api\/alerst' — did you mean 'GET \/api\/alerts'\?/,
      ranK6: true,
    },
    {
      what: 'a percentile on a rate (found before k6 starts)',
      yaml: 'stages:\n  smoke:\n    thresholds:\n      http_req_failed: ["p(95)<0.01"]\n',
      message: /'p\(95\)<0.01' does not fit 'http_req_failed', a rate metric/,
      ranK6: false,
    },
  ])('a misconfigured gate fails the step with the config error, never a pass: $what', async ({ yaml, message, ranK6 }) => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-action-config-'));
    const config = join(dir, 'perf-gate.yml');
    writeFileSync(config, yaml);
    const record = join(dir, 'k6-record.json');
    const r = await action('smoke-aa', { inputs: { config }, env: { FAKE_K6_RECORD: record } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::/);
    expect(r.stdout).toMatch(message);
    expect(r.outputs['verdict']).toBeUndefined();
    expect(existsSync(record)).toBe(ranK6);
  });

  it('dispatches the rollback at once after a failed post-deploy gate', async () => {
    const r = await action('smoke-regressed', {
      event: 'deployment_status',
      payload: pushPayload,
      inputs: { 'rollback-workflow': 'rollback.yml', 'rollback-inputs': '{"environment":"production"}', comment: 'never', 'update-baseline': 'never' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs['rollback-dispatched']).toBe('true');
    expect(Number(r.outputs['rollback-seconds'])).toBeLessThan(30);
    const d = server.state.repo().workflowDispatches.at(-1)!;
    expect(d.workflow).toBe('rollback.yml');
    expect(d.inputs).toMatchObject({ environment: 'production', 'failed-sha': 'main000000000000000000000000000000000001' });
    expect(String(d.inputs['reason'])).toMatch(/smoke/);
  });

  it('two concurrent writers on the baseline branch lose no update', async () => {
    const [a, b] = await Promise.all([
      action('smoke-aa', { event: 'push', payload: pushPayload, inputs: { stages: 'smoke', 'update-baseline': 'always' }, env: { GITHUB_SHA: 'main000000000000000000000000000000000002' } }),
      action('load-baseline', { event: 'push', payload: pushPayload, inputs: { stages: 'load', 'update-baseline': 'always' }, env: { GITHUB_SHA: 'main000000000000000000000000000000000003' } }),
    ]);
    expect(a.code, a.stdout).toBe(0);
    expect(b.code, b.stdout).toBe(0);
    expect(server.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json')).toBeDefined();
    expect(server.state.readFile('perf-gate-baselines', 'stages/load/baseline.json')).toBeDefined();
    const history = JSON.parse(server.state.readFile('perf-gate-baselines', 'stages/smoke/history.json')!);
    expect(history.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('a cancelled workflow (SIGTERM) stops k6 gracefully and still reports, marked partial', async () => {
    const r = await action('smoke-baseline', { env: { FAKE_K6_DURATION_MS: '6000' }, terminateAfterMs: 2000 });
    expect(r.outputs['verdict']).toBeDefined();
    const report = JSON.parse((await import('node:fs')).readFileSync(r.outputs['report-json']!, 'utf8'));
    expect(report.stages[0].currentRun.partial).toBe(true);
    expect(report.stages[0].notes.join(' ')).toMatch(/cancelled/);
  });

  it('no runner or Action secret reaches k6 or the memory command; the stage variables and `env` do; the token is masked', async () => {
    const token = 'ghs_e2eCANARY0123456789';
    const canaries = {
      INPUT_GITHUB_TOKEN: token,
      ACTIONS_RUNTIME_TOKEN: 'canary-runtime-0123456789',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'canary-oidc-0123456789',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://canary-oidc.invalid/token',
      GITHUB_TOKEN: token,
      GH_TOKEN: 'canary-gh-0123456789',
      INNOCENT_NAME: token,
    };
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-e2e-secrets-'));
    const k6Record = join(dir, 'k6.json');
    const memoryEnv = join(dir, 'memory-env.txt');
    const r = await action('smoke-aa', {
      inputs: { 'github-token': token, 'target-url': 'http://127.0.0.1:18080', env: 'TARGET_VUS=7\nAPI_KEY=for-the-script', 'memory-source': `command:env > '${memoryEnv}'; echo 50000000`, comment: 'never', 'update-baseline': 'never' },
      env: { ...canaries, FAKE_K6_RECORD: k6Record },
    });
    expect(r.code, r.stdout).toBe(0);
    const k6 = JSON.parse(readFileSync(k6Record, 'utf8')) as { environment: Record<string, string>; vars: Record<string, string> };
    const memory = readFileSync(memoryEnv, 'utf8');
    for (const seen of [JSON.stringify(k6), memory]) {
      for (const value of Object.values(canaries)) expect(seen).not.toContain(value);
      expect(seen).toContain('PERF_GATE_STAGE');
      expect(seen).toContain('http://127.0.0.1:18080');
      expect(seen).toContain('for-the-script');
    }
    expect(k6.environment).toMatchObject({ PERF_GATE_STAGE: 'smoke', BASE_URL: 'http://127.0.0.1:18080', TARGET_VUS: '7', API_KEY: 'for-the-script' });
    expect(Object.keys(k6.environment).filter((name) => /^(INPUT_|ACTIONS_)/.test(name))).toEqual([]);
    expect(r.stdout).toContain(`::add-mask::${token}`);
    expect((r.stdout + r.stderr).replaceAll(`::add-mask::${token}`, '')).not.toContain(token);
    // The run document records the k6 that ran.
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'));
    expect(report.stages[0].currentRun.toolVersion).toBe('0.49.0');
  });

  it('a read-only token (fork PR) still reports, skipping the comment with one warning', async () => {
    server.state.readOnlyTokens.add('ghs_forkTOKEN');
    const r = await action('smoke-aa', { inputs: { 'github-token': 'ghs_forkTOKEN' } });
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/perf-gate/);
    expect(r.stdout).toMatch(/comment was skipped/);
    // Only in the runner's mask command, which the runner does not print.
    expect(r.stdout).toContain('::add-mask::ghs_forkTOKEN');
    expect((r.stdout + r.stderr).replaceAll('::add-mask::ghs_forkTOKEN', '')).not.toMatch(/ghs_forkTOKEN/);
  });
  // Last: it moves the smoke baseline to the regressed run.
  it('after the merge of an accepted PR, the push to main moves the baseline despite the regression', async () => {
    const sha = 'merge00000000000000000000000000000000007';
    server.state.repo().pullsByCommit.set(sha, [{ number: PR, labels: [{ name: 'perf-gate:accept' }] }]);
    const before = server.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json');
    const r = await action('smoke-regressed', { event: 'push', payload: pushPayload, env: { GITHUB_SHA: sha } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['verdict']).toBe('warn');
    expect(server.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json')).not.toBe(before);
    expect(JSON.parse(server.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json')!).meta.gitSha).toBe(sha);
  });

});

/**
 * The Action's merge mode (merge/action.yml: the bundle with 'shards'), end to end: shard documents made by
 * the Action as shards in-process (the stand-in k6, test/support/fake-k6.mjs, not k6, replaying recorded
 * real runs; its `inspect` lists the recorded run's thresholds), then the bundled Action merging them
 * against a local server that speaks GitHub's REST routes (GitHub cannot be reached here): one comment
 * with the shards' and regions' figures, one status, the script's thresholds judged once, the baseline
 * written and read, and a missing shard refused by name.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { runAction } from '../../src/action/run.js';
import { splitArgs } from '../../src/engine/split-args.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { recordingIo, runActionInProcess } from './fake-io.js';
import { fakeK6Bin, runBundledAction } from './run-action.js';

const PR = 11;
const prPayload = { pull_request: { number: PR, labels: [], head: { sha: 'feedc0de00000000000000000000000000000011', repo: { full_name: `${OWNER}/${REPO}` } } }, repository: { default_branch: 'main' } };
const pushPayload = { repository: { default_branch: 'main' } };
const REGIONS = ['us-east', 'eu-west'];

let server: GitHubApiServer;
let bin: string;

/** The shard documents of a two-shard smoke test replaying `replay`, one sub-folder per shard as download-artifact makes them. */
async function shardFolder(replay: string, shards: readonly number[] = [1, 2]): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), `perf-gate-shards-${replay}-`));
  for (const i of shards) {
    const temp = mkdtempSync(join(tmpdir(), 'perf-gate-shard-job-'));
    const path = `${bin}:${process.env['PATH'] ?? ''}`;
    const io = recordingIo(
      { script: 'test/fixtures/k6/script.js', stages: 'smoke', 'k6-version': '0.49.0', shard: `${i}/2`, region: REGIONS[i - 1]! },
      { PATH: path, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'abc123', FAKE_K6_REPLAY: replay, FAKE_K6_DURATION_MS: '100' },
      temp,
    );
    await runActionInProcess(runAction, io, temp, path);
    expect(io.calls.filter((c) => c.startsWith('failed:'))).toEqual([]);
    mkdirSync(join(folder, `perf-shard-${i}`));
    cpSync(join(temp, 'perf-gate', 'shard', 'smoke.run.json'), join(folder, `perf-shard-${i}`, 'smoke.run.json'));
    rmSync(temp, { recursive: true, force: true });
  }
  return folder;
}

function merge(folder: string, options: { event?: string; payload?: unknown; inputs?: Record<string, string> } = {}) {
  return runBundledAction({
    bin,
    event: options.event ?? 'pull_request',
    payload: options.payload ?? prPayload,
    inputs: { shards: folder, stages: '', 'github-token': 'ghs_mergeTOKEN0123456789', baseline: 'branch', 'update-baseline': 'auto', comment: 'always', 'job-summary': 'true', 'fail-on': 'fail', ...options.inputs },
    env: { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: server.url, GITHUB_SHA: 'main000000000000000000000000000000000011', GITHUB_REF: 'refs/heads/main', GITHUB_JOB: 'merge' },
  });
}

beforeAll(async () => {
  server = await startGitHubApiServer();
  bin = fakeK6Bin();
});
afterAll(() => server.close());

describe('the Action in merge mode', () => {
  it('records the script thresholds in each shard (k6 inspect), submetrics kept as scopes', async () => {
    const folder = await shardFolder('smoke-baseline');
    const doc = JSON.parse(readFileSync(join(folder, 'perf-shard-2', 'smoke.run.json'), 'utf8')) as { meta: { shard: { thresholds?: Record<string, string[]> } }; scopes: Record<string, unknown> };
    expect(doc.meta.shard.thresholds).toEqual({ http_req_failed: ['rate<0.01'], checks: ['rate>0.99'], 'http_req_duration{name:GET /api/alerts}': ['p(95)<300'], http_req_duration: ['p(95)<500'] });
    expect(doc.scopes).toHaveProperty(['http_req_duration{name:GET /api/alerts}']);
  });

  it('seeds the baseline from merged shards on a push to main', async () => {
    const r = await merge(await shardFolder('smoke-baseline'), { event: 'push', payload: pushPayload });
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['verdict']).toBe('inconclusive');
    const stored = JSON.parse(server.state.readFile('perf-gate-baselines', 'stages/smoke/baseline.json')!) as { meta: { shards?: { count: number; members: unknown[] } } };
    expect(stored.meta.shards).toMatchObject({ count: 2 });
    expect(stored.meta.shards!.members).toHaveLength(2);
  });

  it('passes merged A/A shards on a PR: one comment with each shard and region, one status', async () => {
    const r = await merge(await shardFolder('smoke-aa'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['verdict']).toBe('pass');
    const mine = server.state.comments(PR).filter((c) => c.body.includes('<!-- perf-gate:id='));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatch(/Shards: 2 of 2 merged, their loads started [\d.]+ s apart — 1\/2 us-east [\d,]+ requests \(p95 [\d.]+ ms, [\d.]+ % errors\), 2\/2 eu-west/);
    expect(mine[0]!.body).toMatch(/by region: us-east \(1 shard\) [\d,]+ requests/);
    expect(mine[0]!.body).toMatch(/script's thresholds \(4 metrics, recorded by the shards\) were judged once/);
    expect(server.state.repo().statuses.at(-1)).toMatchObject({ context: 'perf-gate/smoke', state: 'success' });
  });

  it('fails merged regressed shards, naming the endpoint, updating the same comment', async () => {
    const r = await merge(await shardFolder('smoke-regressed'));
    expect(r.code).toBe(1);
    expect(r.outputs['verdict']).toBe('fail');
    const mine = server.state.comments(PR).filter((c) => c.body.includes('<!-- perf-gate:id='));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatch(/POST \/api\/alerts/);
    expect(server.state.repo().statuses.at(-1)).toMatchObject({ context: 'perf-gate/smoke', state: 'failure' });
  });

  it("judges the script's crossed threshold once on the merged run", async () => {
    const r = await merge(await shardFolder('smoke-errors'), { inputs: { baseline: 'none', comment: 'never' } });
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as { stages: { findings: { kind: string; metric?: string; outcome: string; details?: { expression?: string } }[] }[] };
    const failed = report.stages[0]!.findings.filter((f) => f.outcome === 'fail' && f.kind === 'threshold');
    expect(failed.length).toBeGreaterThan(0);
    const keys = failed.map((f) => JSON.stringify(f));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses a missing shard by name, with no verdict; allow-missing-shards judges the rest with a warning', async () => {
    const folder = await shardFolder('smoke-aa', [1]);
    const refused = await merge(folder, { inputs: { comment: 'never' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::shard 2\/2 \(segment 1\/2:1\) is missing: 1 of 2 shard documents given/);
    expect(refused.outputs['verdict']).toBeUndefined();
    const allowed = await merge(folder, { inputs: { comment: 'never', 'allow-missing-shards': 'true' } });
    expect(allowed.outputs['verdict']).toBeDefined();
    expect(allowed.stdout).toMatch(/::warning::shard 2\/2 \(segment 1\/2:1\) is missing: the merged run holds 1 of 2 shards/);
  });

  it.each<{ what: string; inputs: Record<string, string>; says: string }>([
    { what: 'a load input beside shards', inputs: { shards: 'shards', script: 's.js', 'target-url': 'http://127.0.0.1:1' }, says: "'shards' merges and judges the shard jobs' run documents and runs no load, so 'script', 'target-url' would do nothing" },
    { what: 'allow-missing-shards without shards', inputs: { script: 's.js', 'allow-missing-shards': 'true' }, says: "'allow-missing-shards' belongs to merge mode: set 'shards'" },
    { what: 'a negative start tolerance', inputs: { shards: 'shards', 'start-tolerance': '-1' }, says: "'start-tolerance' must be a number of seconds ≥ 0 — got '-1'" },
  ])('refuses $what, naming the input', ({ inputs, says }) => {
    expect(() => parseInputs((name) => inputs[name] ?? '', splitArgs, '1.8.1')).toThrow(says);
  });

  it('takes the folder and, without stages, leaves them to the folder', () => {
    const inputs = parseInputs((name) => ({ shards: 'shards', 'allow-missing-shards': 'true' })[name] ?? '', splitArgs, '1.8.1');
    expect(inputs.merge).toEqual({ dir: 'shards', allowMissingShards: true, startToleranceSeconds: 5 });
    expect(inputs.stages).toEqual([]);
  });
});

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunView } from '../../src/document/run-view.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { BaselineBranch, mergeHistory, stagePaths } from '../../src/github/baseline-store.js';
import { historyEntry, type HistoryEntry } from '../../src/document/history-entry.js';
import { isPermissionError } from '../../src/github/errors.js';
import { seededRng } from '../../src/stats/random.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { testClient } from '../support/github-client.js';
import { endingAt, grownTo, sha, smokeRun } from '../support/github-documents.js';

const BRANCH = 'perf-gate-baselines';
const UPDATE_REF = 'PATCH /repos/{owner}/{repo}/git/refs/{ref}';
const CREATE_REF = 'POST /repos/{owner}/{repo}/git/refs';

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

function store(options: { maxHistory?: number; seed?: number } = {}) {
  const { client } = testClient(server);
  return new BaselineBranch(client, { owner: OWNER, repo: REPO, conflictBackoffMs: 1, random: seededRng(options.seed ?? 1), ...(options.maxHistory ? { maxHistory: options.maxHistory } : {}) });
}

/** The n-th run of the day: ends n minutes after 10:00. */
function nth(n: number): RunDocument {
  return endingAt(smoke, new Date(Date.parse('2026-03-01T10:00:00Z') + n * 60_000).toISOString());
}

function storedHistory(stage = 'smoke'): HistoryEntry[] {
  const text = server.state.readFile(BRANCH, `stages/${stage}/history.json`);
  return text ? (JSON.parse(text) as { entries: HistoryEntry[] }).entries : [];
}

describe('BaselineBranch', () => {
  it('reads nothing on a first run (no branch)', async () => {
    expect(await store().read('smoke')).toBeUndefined();
  });

  it('creates the branch on the first write and reads back the same document', async () => {
    const s = store();
    const r = await s.write('smoke', smoke, { sha: sha(1) });
    expect(r).toMatchObject({ written: true, attempts: 1 });
    expect(server.state.repo().refs.get(`refs/heads/${BRANCH}`)).toBe(r.commitSha);
    // A root commit, created with POST refs, never PATCH.
    expect(server.state.log(BRANCH)).toHaveLength(1);
    expect(server.state.log(BRANCH)[0]!.parents).toEqual([]);
    expect(server.callsTo(CREATE_REF)).toHaveLength(1);
    expect(server.state.readFile(BRANCH, 'README.md')).toMatch(/perf-gate/);

    const back = await s.read('smoke');
    expect(back?.baseline).toEqual(smoke);
    expect(back?.history).toEqual([historyEntry(smoke, sha(1))]);
    expect(await s.read('load')).toBeUndefined();
  });

  it('writes the layout stages/<stage>/{baseline,history}.json, one commit per write on top of the last', async () => {
    const s = store();
    await s.write('smoke', nth(1), { sha: sha(1) });
    await s.write('load', nth(2), { sha: sha(2), message: 'nightly load' });
    await s.write('smoke', nth(3), { sha: sha(3) });

    const log = server.state.log(BRANCH);
    expect(log.map((c) => c.message)).toEqual([`perf-gate: smoke baseline from ${sha(3).slice(0, 7)}`, 'nightly load', `perf-gate: smoke baseline from ${sha(1).slice(0, 7)}`]);
    expect(JSON.parse(server.state.readFile(BRANCH, 'stages/load/baseline.json')!)).toEqual(nth(2));
    expect(JSON.parse(server.state.readFile(BRANCH, 'stages/smoke/baseline.json')!)).toEqual(nth(3));
    expect(storedHistory('smoke').map((e) => e.sha)).toEqual([sha(1), sha(3)]);
    // Every later write builds on the previous tree and moves the ref with force: false.
    for (const c of server.callsTo(UPDATE_REF)) expect(c.body).toMatchObject({ force: false });
    for (const c of server.callsTo('POST /repos/{owner}/{repo}/git/trees').slice(1)) expect(c.body).toHaveProperty('base_tree');
  });

  it('a history entry names the config\'s latencyMetric and describes that metric', async () => {
    await store().write('smoke', smoke, { sha: sha(8), latencyMetric: 'http_req_waiting' });
    const [stored] = storedHistory();
    expect(stored).toEqual(historyEntry(smoke, sha(8), 'http_req_waiting'));
    expect(stored!.latencyMetric).toBe('http_req_waiting');
  });

  it('records compact history entries of the whole-run http_req_duration, with each endpoint\'s level', async () => {
    await store().write('smoke', smoke, { sha: sha(9) });
    const [stored] = storedHistory();
    const view = new RunView(smoke);
    const errors = view.errors({})!;
    const { levels, ...e } = stored!;
    // The levels the run-to-run noise is learned from: the whole run, then every endpoint, each with its count.
    expect(levels?.[0]).toMatchObject({ count: view.value('http_req_duration', 'count') });
    expect(levels?.[0]?.scope).toBeUndefined();
    const endpoints = [...view.scopesByTag('http_req_duration', 'name').keys()].sort();
    expect(levels?.slice(1).map((l) => l.scope?.value)).toEqual(endpoints);
    for (const l of levels!) {
      expect(Number.isFinite(l.logMean)).toBe(true);
      expect(l.se).toBeGreaterThan(0);
    }
    // ln of each percentile the run could bound, which a later comparison averages over stored runs (gate/pooled-baseline.ts).
    expect(levels![0]!.quantiles?.find((x) => x.q === 0.95)?.log).toBe(Math.log(view.value('http_req_duration', 'p(95)')!));
    expect(levels![1]!.quantiles?.map((x) => x.q)).toEqual(expect.arrayContaining([0.5, 0.95]));
    // Compact: about 3.7 kB for this run of ten endpoints, 20 entries a stage at most.
    expect(JSON.stringify(stored).length).toBeLessThan(4500);
    expect(e).toEqual({
      sha: sha(9),
      start: smoke.meta.start,
      end: smoke.meta.end,
      durationSeconds: smoke.meta.durationSeconds,
      p50: view.value('http_req_duration', 'p(50)'),
      p95: view.value('http_req_duration', 'p(95)'),
      p99: view.value('http_req_duration', 'p(99)'),
      throughput: view.value('http_reqs', 'count')! / smoke.meta.durationSeconds,
      errorRate: errors.failed / errors.total,
    });
    expect(e!.p50!).toBeLessThan(e!.p95!);
    expect(e!.p95!).toBeLessThanOrEqual(e!.p99!);
  });

  it('bounds the history to maxHistory, keeping the newest, newest last', async () => {
    const s = store({ maxHistory: 3 });
    for (let i = 1; i <= 5; i++) await s.write('smoke', nth(i), { sha: sha(i) });
    const history = (await s.read('smoke'))!.history;
    expect(history.map((e) => e.sha)).toEqual([sha(3), sha(4), sha(5)]);
  });

  it('never replaces a newer baseline with an older run, but still records the run in the history', async () => {
    const s = store();
    await s.write('smoke', nth(10), { sha: sha(10) });
    const r = await s.write('smoke', nth(5), { sha: sha(5) });

    expect(r.written).toBe(false);
    expect(r.reason).toMatch(/stored baseline is newer/);
    expect(r.commitSha).toBe(server.state.repo().refs.get(`refs/heads/${BRANCH}`));
    const back = (await s.read('smoke'))!;
    expect(back.baseline.meta.end).toBe(nth(10).meta.end);
    expect(back.history.map((e) => e.sha)).toEqual([sha(5), sha(10)]);
  });

  it('commits nothing when the branch already holds exactly this run', async () => {
    const s = store();
    const first = await s.write('smoke', nth(1), { sha: sha(1) });
    const commits = server.state.repo().commits.size;
    const again = await s.write('smoke', nth(1), { sha: sha(1) });
    expect(again).toMatchObject({ written: true, commitSha: first.commitSha });
    expect(server.state.repo().commits.size).toBe(commits);
  });

  it('loses no update when two writers race, and the newer baseline wins', async () => {
    const a = store({ seed: 1 });
    const b = store({ seed: 2 });
    await a.write('smoke', nth(1), { sha: sha(1) });
    // One extra conflict on top of the real race.
    server.inject(UPDATE_REF, { kind: 'status', status: 422, message: 'Update is not a fast forward' });

    const [ra, rb] = await Promise.all([a.write('smoke', nth(3), { sha: sha(3) }), b.write('smoke', nth(2), { sha: sha(2) })]);

    expect(storedHistory().map((e) => e.sha)).toEqual([sha(1), sha(2), sha(3)]);
    expect(JSON.parse(server.state.readFile(BRANCH, 'stages/smoke/baseline.json')!).meta.end).toBe(nth(3).meta.end);
    expect(ra.written).toBe(true);
    // b's run is older: whether it landed first (then replaced) or second (then kept out), it is not the baseline now.
    expect(ra.attempts + rb.attempts).toBeGreaterThanOrEqual(3);
    expect(server.callsTo(UPDATE_REF).filter((c) => c.status === 422).length).toBeGreaterThanOrEqual(1);
    // The branch is a line: every commit builds on the one before.
    const log = server.state.log(BRANCH);
    expect(log.every((c, i) => i === log.length - 1 || c.parents.length === 1)).toBe(true);
  });

  it('re-applies its change on top of a writer that got in just before its ref update', async () => {
    const a = store({ seed: 3 });
    const b = store({ seed: 4 });
    await a.write('smoke', nth(1), { sha: sha(1) });
    // Exactly when a moves the ref, b writes a newer run first: a's update is then not a fast-forward.
    server.inject(UPDATE_REF, { kind: 'before', run: async () => { await b.write('smoke', nth(9), { sha: sha(9) }); } });

    const r = await a.write('smoke', nth(4), { sha: sha(4) });

    expect(r).toMatchObject({ written: false, attempts: 2 });
    expect(r.reason).toMatch(/newer/);
    expect(server.callsTo(UPDATE_REF).map((c) => c.status)).toEqual([200, 422, 200]);
    expect(storedHistory().map((e) => e.sha)).toEqual([sha(1), sha(4), sha(9)]);
    expect(JSON.parse(server.state.readFile(BRANCH, 'stages/smoke/baseline.json')!).meta.end).toBe(nth(9).meta.end);
  });

  it('two first runs racing to create the branch: the loser re-reads and commits on top', async () => {
    const a = store({ seed: 5 });
    const b = store({ seed: 6 });
    server.inject(CREATE_REF, { kind: 'before', run: async () => { await b.write('load', nth(2), { sha: sha(2) }); } });
    const r = await a.write('smoke', nth(1), { sha: sha(1) });

    expect(r).toMatchObject({ written: true, attempts: 2 });
    expect(server.callsTo(CREATE_REF).map((c) => c.status)).toEqual([201, 422]);
    expect(server.state.readFile(BRANCH, 'stages/load/baseline.json')).toBeDefined();
    expect(server.state.readFile(BRANCH, 'stages/smoke/baseline.json')).toBeDefined();
  });

  it('retries a 409 on the ref update and gives up after maxAttempts with a clear error', async () => {
    const s = store();
    await s.write('smoke', nth(1), { sha: sha(1) });
    server.inject(UPDATE_REF, { kind: 'status', status: 409 });
    expect((await s.write('smoke', nth(2), { sha: sha(2) })).attempts).toBe(2);

    server.inject(UPDATE_REF, { kind: 'status', status: 409 }, 5);
    await expect(s.write('smoke', nth(3), { sha: sha(3) })).rejects.toThrow(/met another writer 5 times/);
    expect(storedHistory().map((e) => e.sha)).toEqual([sha(1), sha(2)]);
  });

  it('stores and reads a run document of more than 1 MB through blobs', async () => {
    const big = grownTo(smoke, 1_100_000);
    expect(JSON.stringify(big).length).toBeGreaterThan(1_000_000);
    const s = store();
    await s.write('endurance', big, { sha: sha(7) });
    expect((await s.read('endurance'))!.baseline).toEqual(big);
    expect(server.calls.some((c) => c.path.includes('/contents/'))).toBe(false);
  });

  it('finds the files by walking the tree when GitHub truncates the recursive listing', async () => {
    const s = store();
    await s.write('smoke', smoke, { sha: sha(1) });
    server.state.maxRecursiveTreeEntries = 1;
    expect((await s.read('smoke'))?.baseline).toEqual(smoke);
    expect(server.callsTo('GET /repos/{owner}/{repo}/git/trees/{tree_sha}').at(-1)?.query).toEqual({});
  });

  it('a read-only token: the write fails with a permission error, seen through the wrapping', async () => {
    const s = store();
    await s.write('smoke', nth(1), { sha: sha(1) });
    server.state.readOnlyTokens.add((await import('../support/github-client.js')).TOKEN);
    const err = await s.write('smoke', nth(2), { sha: sha(2) }).then(() => undefined, (e: unknown) => e);
    expect(isPermissionError(err)).toBe(true);
    expect((err as Error).message).toMatch(/answered 403: Resource not accessible by integration — the token lacks 'contents: write'/);
    // Reading still works with a read-only token.
    expect((await s.read('smoke'))?.baseline.meta.end).toBe(nth(1).meta.end);
  });

  it('says which file is broken when the branch holds something that is not a run document', async () => {
    const s = store();
    await s.write('smoke', smoke, { sha: sha(1) });
    const repo = server.state.repo();
    // Overwrite the stored blob in place: the branch now holds garbage at that path.
    const ref = repo.refs.get(`refs/heads/${BRANCH}`)!;
    const tree = repo.trees.get(repo.commits.get(ref)!.tree)!;
    const stages = repo.trees.get(tree.find((e) => e.name === 'stages')!.sha)!;
    const stage = repo.trees.get(stages.find((e) => e.name === 'smoke')!.sha)!;
    repo.blobs.set(stage.find((e) => e.name === 'baseline.json')!.sha, Buffer.from('{"schema":"something-else"}'));
    await expect(s.read('smoke')).rejects.toThrow(/stages\/smoke\/baseline.json on branch perf-gate-baselines is not a run document/);
  });
});

describe('mergeHistory', () => {
  const e = (s: number, endMinute: number): HistoryEntry => ({
    sha: sha(s), start: `2026-03-01T09:${String(endMinute).padStart(2, '0')}:00.000Z`, end: `2026-03-01T10:${String(endMinute).padStart(2, '0')}:00.000Z`,
    durationSeconds: 60, p50: 1, p95: 2, p99: 3, throughput: 4, errorRate: 0,
  });
  it.each([
    { what: 'interleaves by end time', a: [e(1, 1), e(3, 3)], b: [e(2, 2)], max: 20, expected: [1, 2, 3] },
    { what: 'one entry per sha, the later run wins', a: [e(1, 1), e(2, 2)], b: [e(1, 5)], max: 20, expected: [2, 1] },
    { what: 'keeps the newest max', a: [e(1, 1), e(2, 2), e(3, 3)], b: [e(4, 4)], max: 2, expected: [3, 4] },
    { what: 'an old run beyond a full history falls off', a: [e(2, 2), e(3, 3)], b: [e(1, 1)], max: 2, expected: [2, 3] },
  ])('$what', ({ a, b, max, expected }) => {
    expect(mergeHistory(a, b, max).map((x) => x.sha)).toEqual(expected.map(sha));
  });
});

describe('stagePaths', () => {
  it.each(['smoke', 'load-eu_1', 'v2.api'])('accepts %s', (stage) => {
    expect(stagePaths(stage).baseline).toBe(`stages/${stage}/baseline.json`);
  });
  it.each(['', '../x', 'a/b', 'with space', '.hidden'])('refuses %j', (stage) => {
    expect(() => stagePaths(stage)).toThrow(/cannot name a folder/);
  });
});

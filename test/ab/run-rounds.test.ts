import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Arm } from '../../src/ab/arm.js';
import { AbArmError, runAbRounds, type AbRoundsOptions } from '../../src/ab/run-rounds.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import { WorkloadSchema } from '../../src/config/workload.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { LoadFailedError } from '../../src/engine/load-failed.js';
import type { EngineSetup, LoadEngineEntry, LoadOutput } from '../../src/pipeline/ports.js';
import { lognormal, syntheticRun } from '../gate/synthetic.js';
import { recordingLog } from '../pipeline/fakes.js';
import { fakeEngineEntry } from './fake-engine-entry.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/k6/smoke-aa.ndjson.gz');

/** A local service answering 404 to everything: reachable, as an arm's base URL often answers. */
interface Service {
  readonly url: string;
  close(): Promise<void>;
}
async function startService(): Promise<Service> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: one a server had a moment ago. */
async function closedPort(): Promise<number> {
  const service = await startService();
  await service.close();
  return Number(new URL(service.url).port);
}

/** A 20 s round of `requests` requests, every one answered (or, with `refused`, none). */
function round(requests: number, seed: number, options: { refused?: boolean; seconds?: number } = {}): RunDocument {
  return syntheticRun({
    seconds: options.seconds ?? 20,
    endpoints: { 'GET /api/alerts': { latencies: lognormal(requests, 12, 0.2, seed), ...(options.refused ? { status: () => 0, failed: () => true } : { status: () => 200 }) } },
  });
}
const measured = (doc: RunDocument, extra: Partial<LoadOutput> = {}): LoadOutput => ({ measured: { kind: 'document', document: doc }, cancelled: false, scriptThresholds: [], notes: [], ...extra });

const config = {
  ...defaultConfig(),
  workload: WorkloadSchema.parse({ baseUrl: 'http://127.0.0.1:9', requests: [{ path: '/api/alerts' }], duration: '30s', rampUp: '6s' }),
};
const setup: EngineSetup = {
  config,
  stages: ['smoke', 'load'],
  script: 'script.js',
  env: { TARGET_VUS: '4', PERF_GATE_ARM: 'set by the user' },
  flags: [],
  secrets: [],
  processEnv: {},
  names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' },
};

let services: Record<Arm, Service>;
let workDir: string;
beforeEach(async () => {
  services = { baseline: await startService(), candidate: await startService() };
  workDir = mkdtempSync(join(tmpdir(), 'perf-gate-ab-'));
});
afterEach(async () => {
  await services.baseline.close();
  await services.candidate.close();
});

/** A clock that moves one minute on every reading, from 10:00. */
function steppingClock(): { now(): Date } {
  let minute = 0;
  return { now: () => new Date(Date.UTC(2026, 11, 2, 10, minute++)) };
}

function options(engine: LoadEngineEntry, extra: Partial<AbRoundsOptions> = {}): AbRoundsOptions & { log: ReturnType<typeof recordingLog> } {
  return {
    stage: 'smoke',
    pairs: 2,
    roundDurationS: 20,
    urls: { baseline: services.baseline.url, candidate: services.candidate.url },
    engine,
    setup,
    policy: resolvePolicy(config, 'smoke'),
    workDir,
    signal: new AbortController().signal,
    log: recordingLog(),
    clock: steppingClock(),
    probeTimeoutMs: 2_000,
    ...extra,
  } as AbRoundsOptions & { log: ReturnType<typeof recordingLog> };
}

const armOf = (url: string | undefined): Arm | undefined => (url === services.baseline.url ? 'baseline' : url === services.candidate.url ? 'candidate' : undefined);

describe('runAbRounds with a fake engine', () => {
  it('runs the rounds in ABBA order, each against its arm with its env, duration and work folder', async () => {
    const engine = fakeEngineEntry((_s, _l, n) => measured(round(40 + n, n)));
    const o = options(engine, { roundDurationS: 3 });
    const run = await runAbRounds(o);

    expect(run).toMatchObject({ stage: 'smoke', roundDurationS: 3, pairs: 2, urls: { baseline: services.baseline.url, candidate: services.candidate.url } });
    expect(run.rounds.map((r) => [r.index, r.pair, r.arm])).toEqual([[0, 0, 'baseline'], [1, 0, 'candidate'], [2, 1, 'candidate'], [3, 1, 'baseline']]);
    expect(engine.loads.map((l) => armOf(l.setup.targetUrl))).toEqual(['baseline', 'candidate', 'candidate', 'baseline']);
    engine.loads.forEach(({ setup: s, load }, i) => {
      const arm = run.rounds[i]!.arm;
      // The round's variables win over the user's PERF_GATE_ARM; the user's other variables stay.
      expect(s.env).toEqual({ TARGET_VUS: '4', PERF_GATE_ARM: arm, PERF_GATE_ROUND: String(i), PERF_GATE_ROUND_DURATION: '3s' });
      expect(s.stages).toEqual(['smoke']);
      // The embedded engine's workload lasts the round; the ramp shrinks with it (6 s of 30 s → 0.6 s of 3 s).
      expect(s.config.stages['smoke']?.workload).toEqual({ duration: 3, rampUp: 0.6 });
      expect(s.script).toBe('script.js');
      expect(load.stage).toBe('smoke');
      expect(load.workDir).toBe(join(workDir, `round-${i}-${arm}`));
      expect(existsSync(load.workDir)).toBe(true);
    });
    expect(run.rounds.every((r) => r.outcome.kind === 'measured')).toBe(true);
    // The clock is read at each round's start and end: minute 0 and 1, 2 and 3, …
    expect(run.rounds.map((r) => [r.startedAt, r.endedAt])).toEqual([0, 2, 4, 6].map((m) => [new Date(Date.UTC(2026, 11, 2, 10, m)).toISOString(), new Date(Date.UTC(2026, 11, 2, 10, m + 1)).toISOString()]));
    const roundLines = o.log.lines.filter((l) => l.includes('· ') && l.startsWith('info: round'));
    expect(roundLines).toEqual(['info: round 1/4 · baseline · 20 s · 40 requests', 'info: round 2/4 · candidate · 20 s · 41 requests', 'info: round 3/4 · candidate · 20 s · 42 requests', 'info: round 4/4 · baseline · 20 s · 43 requests']);
  });

  it('ingests an engine\'s files into the round\'s document as a stage does, with the commit and labels', async () => {
    const engine = fakeEngineEntry(() => ({ measured: { kind: 'files', files: [FIXTURE] }, toolVersion: '9.9.9', cancelled: false, scriptThresholds: [], notes: [] }));
    const run = await runAbRounds(options(engine, { pairs: 1, gitSha: 'abc123', labels: { pr: '7' } }));
    const doc = run.rounds[0]!.outcome.kind === 'measured' ? run.rounds[0]!.outcome.document : undefined;
    expect(doc?.meta).toMatchObject({ tool: 'k6', toolVersion: '9.9.9', stage: 'smoke', gitSha: 'abc123', labels: { pr: '7' }, partial: false });
  });

  it('records a round whose load failed, names its arm and round, and goes on when the arm still answers', async () => {
    const engine = fakeEngineEntry((_s, _l, n) => {
      if (n === 1) throw new LoadFailedError('smoke', 'k6', 'k6 exited 107: the script threw');
      return measured(round(30, n));
    });
    const o = options(engine);
    const run = await runAbRounds(o);
    expect(run.rounds.map((r) => r.outcome.kind)).toEqual(['measured', 'failed', 'measured', 'measured']);
    expect(run.rounds[1]!.outcome).toEqual({ kind: 'failed', reason: 'candidate round 2/4: k6 exited 107: the script threw' });
    expect(o.log.lines).toContain('warning: round 2/4 · candidate · failed: candidate round 2/4: k6 exited 107: the script threw');
  });

  it('records a round in which almost no request got an answer as failed, not measured', async () => {
    const engine = fakeEngineEntry((_s, _l, n) => measured(round(50, n, { refused: n === 0 })));
    const run = await runAbRounds(options(engine, { pairs: 1 }));
    expect(run.rounds[0]!.outcome).toEqual({ kind: 'failed', reason: 'baseline round 1/2: all 50 requests got no answer (connection refused or timed out)' });
    expect(run.rounds[1]!.outcome.kind).toBe('measured');
  });

  it('stops with AbArmError naming the arm and round when an arm fails two of its rounds in a row', async () => {
    const engine = fakeEngineEntry((s, _l, n) => {
      if (armOf(s.targetUrl) === 'candidate') throw new LoadFailedError('smoke', 'k6', `k6 crashed (${n})`);
      return measured(round(30, n));
    });
    const error = await runAbRounds(options(engine, { pairs: 3 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbArmError);
    expect(error).toMatchObject({ arm: 'candidate', round: 2 });
    expect((error as Error).message).toBe(`the candidate arm (${services.candidate.url}) failed two of its rounds in a row (rounds 2 and 3 of 6): candidate round 2/6: k6 crashed (1); candidate round 3/6: k6 crashed (2) — no verdict on one side's data`);
    // Rounds 0 to 2 ran; nothing after the second failure.
    expect(engine.loads).toHaveLength(3);
  });

  it('a measured round in between resets the count: two failures of one arm that are not in a row go on', async () => {
    // Candidate rounds are 1, 2, 4, 5: rounds 1 and 4 fail, 2 and 5 are measured.
    const engine = fakeEngineEntry((_s, _l, n) => (n === 1 || n === 4 ? measured(round(40, n, { refused: true })) : measured(round(40, n))));
    const run = await runAbRounds(options(engine, { pairs: 3 }));
    expect(run.rounds.map((r) => r.outcome.kind)).toEqual(['measured', 'failed', 'measured', 'measured', 'failed', 'measured']);
  });

  it('stops with AbArmError when an arm does not answer after its failed round (it died mid-run)', async () => {
    const engine = fakeEngineEntry(async (s, _l, n) => {
      if (n === 2) {
        await services.candidate.close();
        throw new LoadFailedError('smoke', 'k6', 'k6 exited 255');
      }
      return measured(round(30, n));
    });
    const error = await runAbRounds(options(engine)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbArmError);
    expect(error).toMatchObject({ arm: 'candidate', round: 2 });
    expect((error as Error).message).toContain(`the candidate arm (${services.candidate.url}) is unreachable after its round 3/4 failed: connection refused (ECONNREFUSED)`);
    expect(engine.loads).toHaveLength(3);
  });

  it('throws AbArmError before any round when an arm is unreachable at the start', async () => {
    const engine = fakeEngineEntry(() => measured(round(30, 1)));
    const url = `http://127.0.0.1:${await closedPort()}`;
    const error = await runAbRounds(options(engine, { urls: { baseline: services.baseline.url, candidate: url } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbArmError);
    expect((error as AbArmError).arm).toBe('candidate');
    expect((error as AbArmError).round).toBeUndefined();
    expect((error as Error).message).toBe(`the candidate arm (${url}) is unreachable before the first A/B round: connection refused (ECONNREFUSED): nothing listens there — start that service and wait until it answers before the A/B stage`);
    expect(engine.prepared).toHaveLength(0);
  });

  it('stops between rounds when aborted, returning the rounds done', async () => {
    const controller = new AbortController();
    const engine = fakeEngineEntry((_s, _l, n) => {
      if (n === 1) controller.abort(new Error('cancelled'));
      return measured(round(30, n));
    });
    const run = await runAbRounds(options(engine, { signal: controller.signal, pairs: 3 }));
    expect(run.rounds.map((r) => [r.arm, r.outcome.kind])).toEqual([['baseline', 'measured'], ['candidate', 'measured']]);
    expect(run.pairs).toBe(3);
    expect(engine.loads).toHaveLength(2);
  });

  it('a round the abort cut short is recorded as failed, and no more rounds run', async () => {
    const controller = new AbortController();
    const engine = fakeEngineEntry((_s, load, n) => {
      if (n === 2) controller.abort(new Error('cancelled'));
      return measured(round(30, n, { seconds: n === 2 ? 7 : 20 }), { cancelled: load.signal.aborted });
    });
    const o = options(engine, { signal: controller.signal, pairs: 3 });
    const run = await runAbRounds(o);
    // (A synthetic document lasts from its first request to its last: 30 spread over 7 s span 6.8 s.)
    expect(run.rounds.map((r) => r.outcome.kind)).toEqual(['measured', 'measured', 'failed']);
    expect(run.rounds[2]!.outcome).toMatchObject({ kind: 'failed', reason: 'candidate round 3/6: cancelled after 6.8 s; a cut round is not compared' });
    expect(engine.loads).toHaveLength(3);
  });

  it('an abort before a round\'s load started records no round', async () => {
    const controller = new AbortController();
    const engine = fakeEngineEntry((_s, load, n) => {
      if (n === 1) {
        controller.abort(new Error('cancelled'));
        load.signal.throwIfAborted();
      }
      return measured(round(30, n));
    });
    const run = await runAbRounds(options(engine, { signal: controller.signal }));
    expect(run.rounds).toHaveLength(1);
  });

  it('warns once when rounds last far longer than asked (a script that ignores PERF_GATE_ROUND_DURATION)', async () => {
    const engine = fakeEngineEntry((_s, _l, n) => measured(round(30, n, { seconds: 90 })));
    const o = options(engine, { roundDurationS: 10 });
    await runAbRounds(o);
    // 30 requests spread over 90 s span 87 s.
    const warnings = o.log.lines.filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual(['warning: baseline round 1/4 ran 1 min 27 s, not 10 s: the load script does not fit its scenarios to PERF_GATE_ROUND_DURATION (see docs/ab-mode.md); rounds take that long']);
  });

  it('says so when the engine cannot run here', async () => {
    const engine: LoadEngineEntry = { name: 'k6', prepare: async () => ({ ready: false, why: 'k6 is not on PATH', fix: 'install k6' }) };
    await expect(runAbRounds(options(engine))).rejects.toThrow('the k6 engine cannot run the A/B rounds: k6 is not on PATH — install k6');
  });

  it.each([
    { what: 'no pairs', extra: { pairs: 0 }, message: 'a whole number of pairs of at least 1 but got 0' },
    { what: 'a round of 0 s', extra: { roundDurationS: 0 }, message: 'must last more than 0 seconds but got 0' },
  ])('refuses $what', async ({ extra, message }) => {
    await expect(runAbRounds(options(fakeEngineEntry(() => measured(round(1, 1))), extra))).rejects.toThrow(message);
  });
});

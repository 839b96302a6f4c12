import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AbRun } from '../../src/ab/ab-run.js';
import type { Arm } from '../../src/ab/arm.js';
import { abInputOf, AbNothingMeasuredError, runAbPipeline } from '../../src/ab/run-ab-stages.js';
import { AbArmError } from '../../src/ab/run-rounds.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { LoadFailedError } from '../../src/engine/load-failed.js';
import type { EngineSetup, LoadOutput } from '../../src/pipeline/ports.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { lognormal, syntheticRun } from '../gate/synthetic.js';
import { recordingLog } from '../pipeline/fakes.js';
import { fakeEngineEntry } from './fake-engine-entry.js';

/** A local service that answers every request: the probe only needs an answer. */
async function startService(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

let services: Record<Arm, { url: string; close(): Promise<void> }>;
beforeEach(async () => {
  services = { baseline: await startService(), candidate: await startService() };
});
afterEach(async () => {
  await services.baseline.close();
  await services.candidate.close();
});

const config = defaultConfig();
const setup: EngineSetup = { config, stages: ['smoke'], script: 's.js', env: {}, flags: [], secrets: [], processEnv: {}, names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' } };

/** Round n on a machine that slows slowly and then by 60 % at once halfway (a CPU hog starts); the candidate's GET /a × slowdown. */
function round(n: number, arm: Arm, slowdown: number): RunDocument {
  const drift = (n < 6 ? 1 : 1.6) * (1 + 0.02 * n);
  const count = 190 + ((n * 37) % 21);
  return syntheticRun({
    startMs: Date.UTC(2026, 11, 2, 10, 0, 20 * n),
    endpoints: {
      'GET /a': { latencies: lognormal(count, 20, 0.3, 10 + n).map((v) => v * drift * (arm === 'candidate' ? slowdown : 1)) },
      'GET /b': { latencies: lognormal(count, 40, 0.3, 50 + n).map((v) => v * drift) },
    },
  });
}
const measured = (doc: RunDocument): LoadOutput => ({ measured: { kind: 'document', document: doc }, cancelled: false, scriptThresholds: [], notes: [] });
const armOf = (url: string | undefined): Arm => (url === services.baseline.url ? 'baseline' : 'candidate');

function input(pairs = 6) {
  return { stages: [{ stage: 'smoke', policy: resolvePolicy(config, 'smoke') }], pairs, roundDurationS: 20, urls: { baseline: services.baseline.url, candidate: services.candidate.url }, workDir: mkdtempSync(join(tmpdir(), 'perf-gate-ab-stages-')), signal: new AbortController().signal, cancelledNote: 'cancelled' };
}
const ports = (engine: ReturnType<typeof fakeEngineEntry>) => ({ engine, setup, clock: { now: () => new Date(Date.UTC(2026, 11, 2, 11)) }, log: recordingLog() });

describe('runAbPipeline', () => {
  it('fails a +30 % endpoint from the pairs, and passes the same code, on a machine that slows by 60 % halfway through', async () => {
    for (const [slowdown, outcome] of [[1.3, 'fail'], [1, 'pass']] as const) {
      const engine = fakeEngineEntry((s, _l, n) => measured(round(n, armOf(s.targetUrl), slowdown)));
      const { runs, report } = await runAbPipeline(input(), ports(engine));
      expect(report.verdict).toBe(outcome);
      const stage = runs[0]!;
      expect(stage.report.ab).toMatchObject({ pairs: 6, plannedRounds: 12, failedRounds: [] });
      expect(stage.baseline!.meta.durationSeconds).toBeGreaterThan(100);
      if (outcome === 'fail') expect(new Set(stage.report.findings.filter((f) => f.outcome === 'fail').map((f) => f.scope?.value))).toEqual(new Set(['GET /a']));
      expect(renderMarkdown(report)).toContain('A/B rounds against the baseline service, in ABBA order: 6 pairs of 20 s rounds judged');
    }
  });

  it('leaves out the pair of a failed round and says so', async () => {
    const engine = fakeEngineEntry((s, _l, n) => {
      if (n === 4) throw new LoadFailedError('smoke', 'fake', 'the script threw in round 5');
      return measured(round(n, armOf(s.targetUrl), 1));
    });
    const { runs } = await runAbPipeline(input(), ports(engine));
    expect(runs[0]!.report.ab!.pairs).toBe(5);
    expect(runs[0]!.report.ab!.failedRounds).toHaveLength(1);
    expect(runs[0]!.report.ab!.failedRounds[0]).toMatchObject({ round: 4 });
  });

  it('gives no verdict when every pair lost a round, though no arm died', async () => {
    // Rounds 1, 3 and 5 (baseline, candidate, baseline) fail: each pair loses one, no arm fails twice in a row.
    const engine = fakeEngineEntry((s, _l, n) => {
      if (n === 0 || n === 2 || n === 4) throw new LoadFailedError('smoke', 'fake', `the script threw in round ${n + 1}`);
      return measured(round(n, armOf(s.targetUrl), 1));
    });
    await expect(runAbPipeline(input(3), ports(engine))).rejects.toThrow(AbNothingMeasuredError);
    expect(engine.loads).toHaveLength(6);
  });

  it('gives no verdict on one side\'s data: an unreachable arm is an error naming it', async () => {
    await services.candidate.close();
    const engine = fakeEngineEntry((s, _l, n) => measured(round(n, armOf(s.targetUrl), 1)));
    await expect(runAbPipeline(input(), ports(engine))).rejects.toBeInstanceOf(AbArmError);
    await expect(runAbPipeline(input(), ports(engine))).rejects.toThrow(/candidate/);
    expect(engine.loads).toHaveLength(0);
  });
});

describe('abInputOf', () => {
  const doc = round(0, 'baseline', 1);
  const r = (index: number, pair: number, arm: Arm, ok: boolean) => ({ index, pair, arm, startedAt: '', endedAt: '', outcome: ok ? { kind: 'measured' as const, document: doc } : { kind: 'failed' as const, reason: `round ${index + 1} failed` } });
  it('pairs rounds that both measured and lists every failed round', () => {
    const ab: AbRun = { stage: 'smoke', roundDurationS: 20, pairs: 3, urls: { baseline: 'a', candidate: 'b' }, rounds: [r(0, 0, 'baseline', true), r(1, 0, 'candidate', true), r(2, 1, 'candidate', false), r(3, 1, 'baseline', true), r(4, 2, 'baseline', true), r(5, 2, 'candidate', true)] };
    const out = abInputOf(ab);
    expect(out.input.pairs.map((p) => p.pair)).toEqual([0, 2]);
    expect(out.input.failedRounds).toEqual([{ round: 2, arm: 'candidate', reason: 'round 3 failed' }]);
    expect(out.input.plannedRounds).toBe(6);
    expect(out.arms).toBeDefined();
  });
  it('has no arms when no pair measured', () => {
    const ab: AbRun = { stage: 'smoke', roundDurationS: 20, pairs: 1, urls: { baseline: 'a', candidate: 'b' }, rounds: [r(0, 0, 'baseline', false), r(1, 0, 'candidate', true)] };
    expect(abInputOf(ab).arms).toBeUndefined();
  });
});

/**
 * A/B rounds with a real k6 (each round one `k6 run` of examples/k6/isectech.js) against two instances of
 * the example API: 2 pairs of 2 s rounds. The script's smoke stage lasts 1 min on its own; the rounds
 * last 2 s only because stages.js fits its scenario to PERF_GATE_ROUND_DURATION, and the scenario keeps
 * its name (k6's --duration would have replaced it with `default`). Then an arm that dies mid-run.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AbRoundsOptions } from '../../src/ab/run-rounds.js';
import { AbArmError, runAbRounds } from '../../src/ab/run-rounds.js';
import { loadConfig } from '../../src/config/load.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { RunView } from '../../src/document/run-view.js';
import { k6Engine } from '../../src/engine/k6-engine.js';
import type { Log } from '../../src/pipeline/ports.js';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { K6_TEST_ENV, REAL_K6S, SKIPPED, warnIfSkipped, type RealK6 } from '../support/real-k6.js';

const ROOT = join(import.meta.dirname, '../..');
const CONFIG = join(ROOT, 'examples/isectech/perf-gate.yml');
const SCRIPT = join(ROOT, 'examples/k6/isectech.js');
/** A few VUs with short think time, so a 2 s round has requests enough. */
const KNOBS = { VUS: '2', THINK: '0.2', WS_EVERY: '3', EXPORT_EVERY: '4' };

let servers: { baseline: RunningServer; candidate: RunningServer };
beforeEach(async () => {
  const { startServer } = await import('../../examples/isectech-api/src/index.js');
  servers = { baseline: await startServer({ port: 0, seed: 1 }), candidate: await startServer({ port: 0, seed: 2 }) };
});
afterEach(async () => {
  await servers?.baseline.close();
  await servers?.candidate.close();
});

/** A log that keeps its lines and calls `onInfo` with each info line. */
function keepingLog(onInfo: (line: string) => void = () => undefined): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => {
      lines.push(m);
      onInfo(m);
    },
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => undefined,
  };
}

async function options(k6: RealK6, log: Log): Promise<AbRoundsOptions> {
  const config = await loadConfig(CONFIG);
  const workDir = mkdtempSync(join(tmpdir(), 'perf-gate-ab-k6-'));
  return {
    stage: 'smoke',
    pairs: 2,
    roundDurationS: 2,
    urls: { baseline: servers.baseline.url, candidate: servers.candidate.url },
    engine: k6Engine,
    setup: {
      config,
      stages: ['smoke'],
      script: SCRIPT,
      env: KNOBS,
      flags: [],
      secrets: [],
      processEnv: { ...process.env, ...K6_TEST_ENV },
      installed: { k6: { path: k6.path, version: k6.version } },
      names: { script: '--script', targetUrl: '--target-url', config: CONFIG },
      // A raw copy of each round's k6 output (the rounds are read live: nothing else is left on disk).
      rawOutput: join(workDir, 'raw', '{stage}.ndjson'),
    },
    policy: resolvePolicy(config, 'smoke'),
    workDir,
    signal: new AbortController().signal,
    log,
  };
}

warnIfSkipped('real k6: A/B rounds');

describe.skipIf(REAL_K6S.length === 0)(`A/B rounds on real k6${REAL_K6S.length > 0 ? '' : ` (${SKIPPED})`}`, () => {
  it.each(REAL_K6S.map((k6) => [k6.version, k6] as const))('k6 v%s: 2 pairs of 2 s rounds, each a k6 run fitted to the round, against its arm', async (_version, k6) => {
    const log = keepingLog();
    const o = await options(k6, log);
    const run = await runAbRounds(o);
    expect(run.rounds.map((r) => [r.arm, r.outcome.kind])).toEqual([['baseline', 'measured'], ['candidate', 'measured'], ['candidate', 'measured'], ['baseline', 'measured']]);
    for (const r of run.rounds) {
      if (r.outcome.kind !== 'measured') continue;
      const doc = r.outcome.document;
      expect(doc.meta).toMatchObject({ tool: 'k6', toolVersion: k6.version, stage: 'smoke', partial: false });
      // 2 s, not the smoke preset's minute: the script took PERF_GATE_ROUND_DURATION.
      expect(doc.meta.durationSeconds).toBeGreaterThan(1);
      expect(doc.meta.durationSeconds).toBeLessThan(5);
      // Read live: no NDJSON in the round's folder, and each round's raw copy under its own name.
      expect(readdirSync(join(o.workDir, `round-${r.index}-${r.arm}`))).toEqual(['smoke.summary-export.json']);
      const ndjson = readFileSync(join(o.workDir, 'raw', `smoke.round-${r.index + 1}-${r.arm}.ndjson`), 'utf8');
      // The scenario is still the script's (k6's --duration would have made it `default`).
      expect(ndjson).toContain('"scenario":"smoke"');
      expect(ndjson).not.toContain('"scenario":"default"');
      const view = new RunView(doc);
      expect(view.value('http_reqs', 'count')).toBeGreaterThan(20);
      expect(view.value('http_req_failed', 'rate')).toBeLessThan(0.05);
    }
    expect(log.lines.filter((l) => /^round \d\/4 · (baseline|candidate) · \d(\.\d)? s · [\d,]+ requests$/.test(l))).toHaveLength(4);
    // Each round loaded its own arm: every arm's service logged its rounds' logins in.
    for (const arm of ['baseline', 'candidate'] as const) {
      const text = await (await fetch(`${servers[arm].url}/metrics`)).text();
      const logins = text.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="/api/auth/login"')).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
      const counted = run.rounds.filter((r) => r.arm === arm).reduce((n, r) => n + (r.outcome.kind === 'measured' ? (new RunView(r.outcome.document).value('http_reqs{name:POST /api/auth/login}', 'count') ?? 0) : 0), 0);
      expect(counted).toBeGreaterThan(0);
      expect(logins, arm).toBe(counted);
    }
  });

  it.each(REAL_K6S.slice(0, 1).map((k6) => [k6.version, k6] as const))('k6 v%s: an arm that dies after the first round stops the stage, naming it and its round', async (_version, k6) => {
    // The candidate is shut down as soon as round 1 (baseline) is logged: round 2 finds nothing there.
    const log = keepingLog((line) => {
      if (line.startsWith('round 1/4 · baseline')) void servers.candidate.close();
    });
    const error = await runAbRounds(await options(k6, log)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbArmError);
    expect(error).toMatchObject({ arm: 'candidate', round: 1 });
    expect((error as Error).message).toMatch(/^the candidate arm \(http:\/\/127\.0\.0\.1:\d+\) is unreachable after its round 2\/4 failed: connection refused/);
    // The failed round was k6's requests refused, not a crash.
    expect(log.lines.some((l) => /^warning: round 2\/4 · candidate · failed: candidate round 2\/4: (all [\d,]+|[\d,]+ of [\d,]+) requests got no answer/.test(l))).toBe(true);
  });
});

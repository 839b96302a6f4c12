// A/B mode against drift (issue 10 §1, "Done when"): on this machine, the example API twice (the baseline
// service and the candidate, the candidate optionally with one endpoint +20 % slower), loaded by real k6 in
// interleaved rounds; a CPU hog starts halfway through the job (when round 7 of 12 starts) and runs to its end.
// Each trial is judged two ways on the same rounds:
//   - A/B mode: the round pairs (perf-gate's paired comparison);
//   - a stored baseline: the baseline service's rounds of the quiet first half against the candidate's rounds
//     of the hogged second half — what a baseline stored earlier on a quiet machine meets.
// The stage's latency limit is +10 %, so that a true +20 % is beyond it (at the default +20 % a change of
// exactly the limit fails only about a third of the time, by design: docs/verdict.md).
//
//   PERF_GATE_TEST_K6=/path/to/k6 npx tsx scripts/bench-ab.ts [--trials 20] [--pairs 6] [--round 6] [--vus 10] [--hog 1] [--cases aa,slow] [--why]
//
// Prints a Markdown table (95 % Wilson intervals). About 90 s per trial at the defaults.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAbRounds } from '../src/ab/run-rounds.js';
import { abInputOf } from '../src/ab/run-ab-stages.js';
import type { AbRun } from '../src/ab/ab-run.js';
import { loadConfig } from '../src/config/load.js';
import { resolvePolicy } from '../src/config/policy.js';
import { armRun } from '../src/document/arm-run.js';
import { parseK6Version } from '../src/engine/k6-version.js';
import { k6Engine } from '../src/engine/k6-engine.js';
import { judgeStage } from '../src/gate/compare.js';
import type { Finding } from '../src/gate/verdict.js';
import type { EngineSetup, Log } from '../src/pipeline/ports.js';
import { wilson } from './bench-accuracy/stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const TRIALS = Number(arg('trials', '20'));
const PAIRS = Number(arg('pairs', '6'));
const ROUND_S = Number(arg('round', '6'));
const VUS = arg('vus', '10');
const HOGS = Number(arg('hog', '1'));
const SLOW = 'GET /api/dashboard/metrics';
const k6Path = (process.env['PERF_GATE_TEST_K6'] ?? '').split(':').find((p) => p !== '');
if (!k6Path) {
  console.error('bench-ab: set PERF_GATE_TEST_K6 to a k6 (e.g. ../shared/tools/k6/v1.8.1/k6)');
  process.exit(2);
}
const k6 = { path: k6Path, version: parseK6Version(execFileSync(k6Path, ['version'], { encoding: 'utf8', env: { ...process.env, K6_NO_USAGE_REPORT: 'true' } })) ?? 'unknown' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startApi(faults: object | undefined): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], PORT: String(port), ...(faults ? { ISECTECH_FAULTS: JSON.stringify(faults) } : {}) };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'examples/isectech-api/src/main.ts')], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the example API did not start on ${url}`);
}

const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-ab-'));
const configFile = join(dir, 'perf-gate.yml');
writeFileSync(configFile, 'version: 1\nstages:\n  smoke:\n    regression:\n      latency: { maxIncrease: 10%, statistics: [med, "p(95)"] }\n');
const config = await loadConfig(configFile);
const policy = resolvePolicy(config, 'smoke');

interface Verdict { readonly fail: boolean; readonly named: boolean; readonly other: boolean }
function verdictOf(findings: readonly Finding[], outcome: string): Verdict {
  const failing = findings.filter((f) => f.outcome === 'fail');
  return { fail: outcome === 'fail', named: failing.some((f) => f.scope?.value === SLOW), other: failing.some((f) => f.scope !== undefined && f.scope.value !== SLOW) };
}

/** The stored-baseline view of the same rounds: the baseline service before the hog against the candidate after it. */
function storedBaseline(ab: AbRun): Verdict {
  const half = ab.pairs; // rounds 0 … pairs − 1 ran before the hog
  const docs = (arm: 'baseline' | 'candidate', early: boolean) => ab.rounds.filter((r) => r.arm === arm && (r.index < half) === early && r.outcome.kind === 'measured').map((r) => (r.outcome.kind === 'measured' ? r.outcome.document : undefined)!);
  const judged = judgeStage({ baseline: armRun(docs('baseline', true)), current: armRun(docs('candidate', false)), policy });
  return verdictOf(judged.findings, judged.report.outcome);
}

async function trial(slowdown: number, n: number): Promise<{ ab: Verdict; stored: Verdict; pairs: number; spread: number | undefined }> {
  const baseline = await startApi(undefined);
  const candidate = await startApi(slowdown !== 1 ? { latency: { '/api/dashboard': slowdown } } : undefined);
  const hogs: ChildProcess[] = [];
  const workDir = join(dir, `trial-${slowdown}-${n}`);
  try {
    const log: Log = {
      info: (m) => {
        // The hog starts as round pairs + 1 starts: halfway through the job.
        if (m.startsWith(`round ${PAIRS}/${2 * PAIRS} `) && hogs.length === 0) {
          for (let h = 0; h < HOGS; h++) hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
        }
      },
      warning: (m) => console.error(`  warning: ${m}`),
      debug: () => undefined,
    };
    const setup: EngineSetup = {
      config,
      stages: ['smoke'],
      script: join(ROOT, 'examples/k6/isectech.js'),
      env: { VUS, THINK: '0' },
      flags: [],
      secrets: [],
      processEnv: { PATH: process.env['PATH'], K6_NO_USAGE_REPORT: 'true' },
      installed: { k6 },
      names: { script: '--script', targetUrl: '--target-url', config: configFile },
    };
    const ab = await runAbRounds({ stage: 'smoke', pairs: PAIRS, roundDurationS: ROUND_S, urls: { baseline: baseline.url, candidate: candidate.url }, engine: k6Engine, setup, policy, workDir, signal: new AbortController().signal, log });
    const paired = abInputOf(ab);
    if (!paired.arms) throw new Error('no round pair measured');
    const judged = judgeStage({ baseline: paired.arms.baseline, current: paired.arms.current, policy, ab: paired.input });
    if (process.argv.includes('--why')) {
      for (const f of judged.findings.filter((x) => x.scope?.value === SLOW && x.kind === 'latency')) {
        console.error(`  ${f.statistic}: ${f.outcome} ${f.reason.code} change ${(100 * (f.change ?? Number.NaN)).toFixed(1)} % CI ${JSON.stringify(f.confidence.interval)} p ${f.pValue} pairs ${f.details?.paired?.ratios.map((x) => x.toFixed(2)).join(' ')}`);
      }
    }
    return { ab: verdictOf(judged.findings, judged.report.outcome), stored: storedBaseline(ab), pairs: paired.input.pairs.length, spread: judged.report.ab?.spread };
  } finally {
    for (const h of hogs) h.kill('SIGKILL');
    baseline.child.kill('SIGKILL');
    candidate.child.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
const rate = (k: number, n: number): string => {
  const w = wilson(k, n);
  return `${k}/${n} (${(100 * w.lower).toFixed(0)}–${(100 * w.upper).toFixed(0)} %)`;
};
const CASES = arg('cases', 'aa,slow').split(',');
for (const [slowdown, label] of ([[1, 'same code twice (A/A)'], [1.2, `candidate ${SLOW} +20 %`]] as const).filter(([x]) => CASES.includes(x === 1 ? 'aa' : 'slow'))) {
  let abHit = 0;
  let storedHit = 0;
  let abOther = 0;
  const spreads: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const t0 = performance.now();
    const r = await trial(slowdown, i);
    // A/A: a fail is a false alarm; +20 %: a hit is a fail that names the slowed endpoint.
    const hit = (v: Verdict): boolean => (slowdown === 1 ? !v.fail : v.named);
    if (hit(r.ab)) abHit++;
    if (hit(r.stored)) storedHit++;
    if (r.ab.other) abOther++;
    if (r.spread !== undefined) spreads.push(r.spread);
    console.error(`${label} trial ${i + 1}/${TRIALS}: A/B ${r.ab.fail ? 'fail' : 'pass'}${r.ab.named ? ' (names it)' : ''}, stored ${r.stored.fail ? 'fail' : 'pass'}${r.stored.named ? ' (names it)' : ''}; ${r.pairs} pairs, spread ${r.spread !== undefined ? (100 * Math.expm1(r.spread)).toFixed(1) : '–'} %; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const spread = spreads.length > 0 ? `${(100 * Math.expm1(spreads.sort((a, b) => a - b)[Math.floor(spreads.length / 2)]!)).toFixed(1)} %` : '–';
  rows.push(`| ${label} | ${slowdown === 1 ? 'passes' : 'fails naming it'} | ${rate(abHit, TRIALS)} | ${rate(storedHit, TRIALS)} | ${abOther} | ${spread} |`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`A/B mode against a CPU hog that starts halfway: ${TRIALS} trials each, ${PAIRS} pairs of ${ROUND_S} s rounds, k6 v${k6.version} at ${VUS} VUs without think time, ${HOGS} busy-loop process(es), latency limit +10 %.\n`);
console.log('| case | wanted | A/B mode | stored baseline (quiet half vs hogged half) | A/B fails naming another endpoint | median spread between pairs |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);

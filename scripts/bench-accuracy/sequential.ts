// The sequential gate (issue 10 §3) against the fixed-length gate, on the same generated runs: how often
// each fails, how often it names the changed endpoint, and how much of the planned run the sequential
// gate used — the product's sequential stage (src/pipeline/sequential-watch.ts), run on prefixes of each
// generated run as the live builder would have them. Looks every quarter of the planned length, each
// interim look at α 0.001 (Haybittle–Peto), the end at what the looks left of α; an early pass needs every question's chance of failing the full run
// below 5 % (stochastic curtailment, src/gate/sequential.ts). The runs are the benchmark's noise models
// (docs/accuracy.md), six times a smoke run's requests over 120 s: a load-sized stage.
//
//   npx tsx scripts/bench-accuracy/sequential.ts [--trials 100] [--seconds 120] [--scale 6] [--extend 1] [--cases aa-quiet,…]
//
// Prints a Markdown table; about 20 minutes at the defaults (SEQ_WHY=1 prints what held each look open).
import { defaultConfig, resolvePolicy, type StagePolicy } from '../../src/config/index.js';
import { historyEntry } from '../../src/document/history-entry.js';
import { judgeStage } from '../../src/gate/compare.js';
import type { Log } from '../../src/pipeline/ports.js';
import { sequentialStage } from '../../src/pipeline/sequential-watch.js';
import { generateRun, trialRng, type GeneratedRun } from './noise.js';
import { ENDPOINTS, MACHINES, type MachineName } from './scenarios.js';
import { wilson } from './stats.js';
import { runDocument } from './trial.js';
import type { EndpointChange, RunPlan } from './noise.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const TRIALS = Number(arg('trials', '100'));
const SECONDS = Number(arg('seconds', '120'));
const SCALE = Number(arg('scale', '6'));
/** The budget as a multiple of the planned length (1: no extension). */
const EXTEND = Number(arg('extend', '1'));
const HISTORY = 5;
const START = Date.UTC(2026, 11, 1, 9, 0, 0);
const BUSY = ENDPOINTS.filter((e) => e.count >= 200).map((e) => e.name);

interface Case { readonly id: string; readonly label: string; readonly machine: MachineName; readonly change?: EndpointChange; readonly measure: 'fail' | 'named' }
const CASES: Case[] = [
  { id: 'aa-quiet', label: 'same code twice (quiet machine)', machine: 'quiet', measure: 'fail' },
  { id: 'aa-noisy', label: 'same code twice (noisy shared runner)', machine: 'noisy', measure: 'fail' },
  { id: 'typical-50', label: 'one endpoint +50 % typical latency', machine: 'quiet', change: { typical: 1.5 }, measure: 'fail' },
  { id: 'typical-30', label: 'one endpoint +30 % typical latency', machine: 'quiet', change: { typical: 1.3 }, measure: 'fail' },
  { id: 'typical-15', label: 'one endpoint +15 % (under the +20 % limit)', machine: 'quiet', change: { typical: 1.15 }, measure: 'fail' },
  { id: 'errors-2', label: 'one endpoint 0 → 2 % failed requests', machine: 'quiet', change: { errorRate: 0.02 }, measure: 'named' },
  // What stopping early costs: a change that starts after the stop is not seen.
  { id: 'last-third-50', label: 'one endpoint +50 % for the last third of the run only', machine: 'quiet', change: { lastThird: 1.5 }, measure: 'named' },
];
const wanted = arg('cases', CASES.map((c) => c.id).join(',')).split(',');

const policy: StagePolicy = resolvePolicy(defaultConfig(), 'load');
const planOf = (seconds: number, changes?: Record<string, EndpointChange>): RunPlan => ({ seconds, endpoints: ENDPOINTS.map((e) => ({ ...e, count: Math.round(e.count * SCALE * (seconds / SECONDS)) })), ...(changes ? { changes } : {}) });

/** The first `seconds` of a run, as the live builder would have it at that moment. */
function prefix(run: GeneratedRun, seconds: number): GeneratedRun {
  const cut = seconds * 1000;
  return {
    seconds,
    endpoints: run.endpoints.map((e) => {
      let n = 0;
      while (n < e.t.length && e.t[n]! < cut) n++;
      return { name: e.name, t: e.t.subarray(0, n), ms: e.ms.subarray(0, n), failed: e.failed.subarray(0, n) };
    }),
  };
}

/** The looks' log lines: on stderr with SEQ_WHY=1 (what held each look open), else nowhere. */
function why(id: string, trial: number): Log {
  const show = process.env['SEQ_WHY'] ? (m: string) => console.error(`${id} ${trial}: ${m}`) : () => undefined;
  return { info: show, warning: show, debug: () => undefined };
}

interface Tally { fixed: number; sequential: number; usedSeconds: number; early: number; trials: number }

const rows: string[] = [];
const started = performance.now();
for (const c of CASES.filter((x) => wanted.includes(x.id))) {
  const tally: Tally = { fixed: 0, sequential: 0, usedSeconds: 0, early: 0, trials: 0 };
  for (let trial = 0; trial < TRIALS; trial++) {
    const rng = trialRng(1000 + CASES.indexOf(c), trial);
    const machine = MACHINES[c.machine];
    const focus = BUSY[trial % BUSY.length]!;
    const history = Array.from({ length: HISTORY }, () => generateRun(machine, planOf(SECONDS), rng));
    // The current run is generated to the budget's end; the fixed gate reads its planned length.
    const current = generateRun(machine, planOf(SECONDS * EXTEND, c.change ? { [focus]: c.change } : undefined), rng);
    const stored = history.map((run, k) => runDocument(run, 'load', START - (HISTORY - 1 - k) * 86_400_000));
    const entries = stored.map((doc, k) => historyEntry(doc, `base${k}`));
    const baseline = stored[HISTORY - 1]!;
    const judge = (run: GeneratedRun, alpha: number) => judgeStage({ baseline, current: runDocument(run, 'load', START + 20 * 60_000), policy: { ...policy, alpha }, history: entries });
    // named: a failing or warning finding names the changed endpoint (as in the main benchmark).
    const named = (findings: readonly { outcome: string; scope?: { value: string } }[]): boolean => findings.some((f) => (f.outcome === 'fail' || f.outcome === 'warn') && f.scope?.value === focus);
    const fixed = judge(prefix(current, SECONDS), policy.alpha);
    if (c.measure === 'fail' ? fixed.report.outcome === 'fail' : named(fixed.report.findings)) tally.fixed++;
    // The product's own sequential stage (pipeline/sequential-watch.ts): its looks, then the end judged at
    // the α the looks left, on the run up to where it stopped — what `perf-gate run` does with k6.
    const seq = sequentialStage('load', policy, { plannedSeconds: SECONDS, maxSeconds: SECONDS * EXTEND, everySeconds: SECONDS / 4 }, { baseline, history: entries }, why(c.id, trial));
    let stopAt = SECONDS * EXTEND;
    for (const at of seq.watch.atSeconds) {
      if (await seq.watch.look(runDocument(prefix(current, at), 'load', START + 20 * 60_000), at)) {
        stopAt = at;
        break;
      }
    }
    const end = judge(prefix(current, stopAt), seq.finalAlpha());
    tally.usedSeconds += stopAt;
    if (stopAt < SECONDS) tally.early++;
    if (c.measure === 'fail' ? end.report.outcome === 'fail' : named(end.report.findings)) tally.sequential++;
    tally.trials++;
  }
  const pct = (k: number): string => {
    const w = wilson(k, tally.trials);
    return `${((100 * k) / tally.trials).toFixed(1)} % (${(100 * w.lower).toFixed(1)}–${(100 * w.upper).toFixed(1)})`;
  };
  const saved = 1 - tally.usedSeconds / (tally.trials * SECONDS);
  rows.push(`| ${c.label} | ${c.measure === 'fail' ? 'fails' : 'names it'} | ${pct(tally.fixed)} | ${pct(tally.sequential)} | ${(100 * saved).toFixed(0)} % | ${pct(tally.early)} |`);
  console.error(`${c.id}: done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
console.log(`Sequential gate vs fixed length: ${TRIALS} trials per case, ${SECONDS} s planned (${SCALE}× a smoke run's requests), budget ${EXTEND}× planned, looks every ${SECONDS / 4} s.\n`);
console.log('| case | measure | fixed length | sequential | time saved | stopped early |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);

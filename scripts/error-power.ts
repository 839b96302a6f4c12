// How often the gate names an endpoint whose failed requests rose from none to a few, and how often
// same-code pairs (A/A) with equal failure rates fail. Run with `npx tsx scripts/error-power.ts`.
//
// A smoke-sized run as recorded in test/fixtures/k6: 10 endpoints, 9 of ≈ 220 requests and one of 48, over
// 20 s, log-normal latencies (σ 0.3). One endpoint (`POST /api/alerts`) gets independent failures with the
// case's probability in each run; `--burst` makes the current run's failures one outage instead (all in a
// row). "Named" means a warn or fail finding about that endpoint's errors (error rate or a new failure
// signature); "fails" means the stage's outcome is fail. Every stage is judged with its preset policy.
//
// Options: --trials 300, --seed 1, --stages smoke,load
import { parseConfig } from '../src/config/schema.js';
import { resolvePolicy } from '../src/config/policy.js';
import { compareRuns } from '../src/gate/compare.js';
import { seededRng, type Rng } from '../src/stats/random.js';
import { lognormal, syntheticRun } from '../test/gate/synthetic.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}
const TRIALS = Number(option('trials', '300'));
const SEED = Number(option('seed', '1'));
const STAGES = option('stages', 'smoke,load').split(',');

const ENDPOINTS = ['POST /api/auth/login', 'GET /api/alerts', 'POST /api/alerts', 'PUT /api/alerts/{id}', 'DELETE /api/alerts/{id}', 'GET /api/tenants', 'GET /api/tenants/{id}/settings', 'GET /api/dashboard/metrics', 'GET /api/alerts (no token)', 'POST /api/reports/export'];
const TARGET = 'POST /api/alerts';

interface Case {
  readonly what: string;
  readonly baseline: number;
  readonly current: number;
  /** The current run's failures come as one burst (an outage) rather than spread out. */
  readonly burst?: boolean;
}
const CASES: readonly Case[] = [
  { what: 'A/A, no failures', baseline: 0, current: 0 },
  { what: 'A/A, 0.5 % both', baseline: 0.005, current: 0.005 },
  { what: 'A/A, 1 % both', baseline: 0.01, current: 0.01 },
  { what: 'A/A, 2 % both', baseline: 0.02, current: 0.02 },
  { what: '0 → 1 %', baseline: 0, current: 0.01 },
  { what: '0 → 2 %', baseline: 0, current: 0.02 },
  { what: '0 → 5 %', baseline: 0, current: 0.05 },
];

function failures(n: number, p: number, rng: Rng, burst: boolean): (i: number) => boolean {
  const failed = Array.from({ length: n }, () => rng() < p);
  if (!burst) return (i) => failed[i]!;
  const k = failed.filter(Boolean).length;
  const start = Math.floor(rng() * (n - k));
  return (i) => i >= start && i < start + k;
}

function run(p: number, rng: Rng, seed: number, burst: boolean) {
  const endpoints: Record<string, { latencies: number[]; failed?: (i: number) => boolean }> = {};
  ENDPOINTS.forEach((name, k) => {
    const n = name === 'POST /api/reports/export' ? 48 : 220;
    endpoints[name] = { latencies: lognormal(n, 20 + 5 * k, 0.3, seed * 31 + k), ...(name === TARGET && p > 0 ? { failed: failures(n, p, rng, burst) } : {}) };
  });
  return syntheticRun({ endpoints });
}

const policies = new Map(STAGES.map((s) => [s, resolvePolicy(parseConfig({}), s)]));
const burst = process.argv.includes('--burst');
const t0 = Date.now();
console.log(`${TRIALS} trials per case and stage, seed ${SEED}${burst ? ', current failures in one burst' : ''}\n`);
console.log(`${'case'.padEnd(20)}${'stage'.padEnd(8)}${'named'.padStart(8)}${'named, fail'.padStart(13)}${'regression fails'.padStart(18)}${'stage fails'.padStart(13)}`);
for (const c of CASES) {
  const rng = seededRng(SEED * 7919 + CASES.indexOf(c));
  const counts = new Map([...policies.keys()].map((s) => [s, { named: 0, namedFail: 0, regressionFails: 0, fails: 0 }]));
  for (let t = 0; t < TRIALS; t++) {
    const baseline = run(c.baseline, rng, 2 * t + 1, false);
    const current = run(c.current, rng, 2 * t + 2, burst);
    for (const [stage, policy] of policies) {
      const k = counts.get(stage)!;
      const report = compareRuns({ baseline, current, policy });
      const mine = report.findings.filter((f) => f.scope?.value === TARGET && f.kind !== 'latency' && (f.outcome === 'warn' || f.outcome === 'fail'));
      if (mine.length > 0) k.named++;
      if (mine.some((f) => f.outcome === 'fail')) k.namedFail++;
      // Fails other than the absolute SLOs: what a comparison with the baseline decided.
      if (report.findings.some((f) => f.outcome === 'fail' && f.kind !== 'threshold')) k.regressionFails++;
      if (report.outcome === 'fail') k.fails++;
    }
  }
  const pct = (k: number) => `${((100 * k) / TRIALS).toFixed(1)} %`;
  for (const [stage, k] of counts) {
    console.log(`${c.what.padEnd(20)}${stage.padEnd(8)}${pct(k.named).padStart(8)}${pct(k.namedFail).padStart(13)}${pct(k.regressionFails).padStart(18)}${pct(k.fails).padStart(13)}`);
  }
}
console.log(`\n${((Date.now() - t0) / 1000).toFixed(0)} s`);

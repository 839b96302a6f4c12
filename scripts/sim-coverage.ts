/**
 * A quick seeded simulation of the coverage and mix rows of issue 9: how often the gate fails, warns or
 * passes when an endpoint is added, when one goes missing, when a 15-request endpoint gets 3× slower, and
 * on the same code twice (with and without such a small endpoint). Smoke-sized runs: 10 endpoints of
 * 220 requests over 20 s, log-normal latencies (σ 0.35 on the log scale), medians 40 … 130 ms, and a
 * run-to-run drift of each endpoint's level of 3 % (log-normal), the gate's own noise assumption.
 *
 *   npx tsx scripts/sim-coverage.ts [--trials 200] [--only 'new endpoint']
 *
 * Prints a Markdown table: per case, the share of trials by verdict with a 95 % Wilson interval.
 */
import { resolvePolicy } from '../src/config/policy.js';
import { parseConfig } from '../src/config/schema.js';
import { compareRuns } from '../src/gate/compare.js';
import type { StageReport } from '../src/gate/verdict.js';
import { seededRng } from '../src/stats/random.js';
import { lognormal, syntheticRun, type SyntheticEndpoint } from '../test/gate/synthetic.js';

const trialsArg = process.argv.indexOf('--trials');
const TRIALS = trialsArg > 0 ? Number(process.argv[trialsArg + 1]) : 200;
const NAMES = Array.from({ length: 10 }, (_, i) => `GET /api/e${i}`);
const policy = resolvePolicy(parseConfig({}), 'smoke');

interface Spec {
  readonly names: readonly string[];
  readonly n?: Readonly<Record<string, number>>;
  readonly scale?: Readonly<Record<string, number>>;
  readonly extra?: Readonly<Record<string, { n: number; median: number }>>;
}

function runOf(spec: Spec, seed: number): ReturnType<typeof syntheticRun> {
  const rng = seededRng(seed);
  const drift = () => Math.exp(0.03 * Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng()));
  const endpoints: Record<string, SyntheticEndpoint> = {};
  spec.names.forEach((name, i) => {
    const median = (40 + 10 * i) * (spec.scale?.[name] ?? 1) * drift();
    endpoints[name] = { latencies: lognormal(spec.n?.[name] ?? 220, median, 0.35, seed * 97 + i) };
  });
  for (const [name, e] of Object.entries(spec.extra ?? {})) endpoints[name] = { latencies: lognormal(e.n, e.median * drift(), 0.35, seed * 97 + 50) };
  return syntheticRun({ endpoints });
}

interface Case {
  readonly what: string;
  readonly baseline: Spec;
  readonly current: Spec;
  /** The endpoint the case is about: is it named in a warning or failure? */
  readonly endpoint?: string;
}

const SMALL = 'GET /api/rare';
const CASES: readonly Case[] = [
  { what: 'same code twice (A/A)', baseline: { names: NAMES }, current: { names: NAMES } },
  { what: 'A/A with a 15-request endpoint', baseline: { names: NAMES, extra: { [SMALL]: { n: 15, median: 60 } } }, current: { names: NAMES, extra: { [SMALL]: { n: 15, median: 60 } } }, endpoint: SMALL },
  // Closed loop: each VU iteration calls every endpoint once, so a 400 ms call added to an 850 ms iteration
  // leaves every endpoint 220 · 850 / 1250 ≈ 150 requests — a third fewer requests per second.
  {
    what: 'a new endpoint added (1 in 11 requests, 400 ms, closed loop)',
    baseline: { names: NAMES },
    current: { names: NAMES, n: Object.fromEntries(NAMES.map((n) => [n, 150])), extra: { 'GET /api/new-feature': { n: 150, median: 400 } } },
  },
  { what: 'a baseline endpoint missing from the current run', baseline: { names: NAMES }, current: { names: NAMES.slice(0, 9) }, endpoint: NAMES[9]! },
  { what: 'a 15-request endpoint 3× slower', baseline: { names: NAMES, extra: { [SMALL]: { n: 15, median: 60 } } }, current: { names: NAMES, extra: { [SMALL]: { n: 15, median: 180 } } }, endpoint: SMALL },
];

function wilson(k: number, n: number): string {
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  const pct = (x: number) => (100 * x).toFixed(1);
  return `${pct(p)} % (${pct(Math.max(0, centre - half))} … ${pct(Math.min(1, centre + half))})`;
}

const named = (r: StageReport, endpoint: string | undefined): boolean =>
  endpoint !== undefined && r.findings.some((f) => (f.outcome === 'fail' || f.outcome === 'warn') && f.scope?.value === endpoint);

console.log(`| case | trials | fail | warn | pass | inconclusive | endpoint named in a warn/fail |`);
console.log(`|---|---|---|---|---|---|---|`);
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
for (const [k, c] of CASES.entries()) {
  if (only !== undefined && !c.what.includes(only)) continue;
  const tally = { fail: 0, warn: 0, pass: 0, inconclusive: 0, named: 0 };
  for (let t = 0; t < TRIALS; t++) {
    const seed = 1000 * (k + 1) + t;
    const report = compareRuns({ baseline: runOf(c.baseline, 2 * seed), current: runOf(c.current, 2 * seed + 1), policy });
    tally[report.outcome]++;
    if (named(report, c.endpoint)) tally.named++;
  }
  const cell = (x: number) => wilson(x, TRIALS);
  console.log(`| ${c.what} | ${TRIALS} | ${cell(tally.fail)} | ${cell(tally.warn)} | ${cell(tally.pass)} | ${cell(tally.inconclusive)} | ${c.endpoint === undefined ? '—' : cell(tally.named)} |`);
}

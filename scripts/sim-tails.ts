// How often the smoke stage's default policy fails a tail-only regression, and how often it fails when
// nothing changed — the measurements behind docs/verdict.md § "Tails" and docs/statistics.md § "Did the tail
// rise?" (issue 9 § 1). Not part of the test suite: the default run is 5 000 comparisons (≈ 20 min on a
// busy 2-core machine); `--only gate,order-statistic --trials 60 --aa 60` is a quick look.
//
//   npx tsx scripts/sim-tails.ts [--trials 200] [--aa 300] [--seed 9] [--scale 1] [--only 'gate,order-statistic']
// Rules: gate (as it is), order-statistic (before), level-or-spread with the shape noise at 1× or 0× the
// run-to-run noise, exceedance (share above the pooled p95).
//
// Each trial generates a baseline and a current run of 10 endpoints with the request counts, medians and
// log-SDs of the recorded smoke runs (test/fixtures/k6/smoke-baseline: ≈230 requests each, one endpoint
// with ≈48), 20 s long, and compares them with compareRuns under `smoke` defaults (Holm over every
// question). The percentile test is swapped by wrapping the latency detector, so everything else (the
// median's test, error rates, throughput, Holm's family) is the gate's own.
//
// Noise models (per run):
//   quiet  — lognormal latencies, independent; run-to-run drift: all endpoints × e^N(0, 2 %), each endpoint
//            × e^N(0, 1.5 %).
//   noisy  — drift e^N(0, 4 %) for the run and e^N(0, 3 %) per endpoint; log latencies AR(1) in time
//            (ρ = 0.5); 3 GC-like pauses of 150 ms each that add the rest of the pause to the requests that
//            start inside it; with probability ½ a slow mode: one 4 s stretch where latencies are × 1.25.
// Cases: A/A (both runs from the same model), tail +30 % and tail +15 % on one endpoint (rotating over
// the nine large ones): values above that endpoint's p80 are stretched by a factor that grows from 1 at
// p80 to r at p95 and stays r above, so p95 and p99 rise by r − 1 and the median does not move.
// Output: one Markdown row per rule and case with the fail rate, its Wilson 95 % interval and the trial count.
import { resolvePolicy } from '../src/config/policy.js';
import { parseConfig } from '../src/config/schema.js';
import { percentileKey } from '../src/document/run-view.js';
import type { RunDocument } from '../src/document/run-document.js';
import { compareRuns } from '../src/gate/compare.js';
import type { Assessment } from '../src/gate/assessment.js';
import type { Detector, ComparisonContext, JudgedScope } from '../src/gate/detector.js';
import { DETECTORS } from '../src/gate/detectors/index.js';
import { latency } from '../src/gate/detectors/latency.js';
import { designEffectOfWindows } from '../src/document/run-level.js';
import { totalCount, type Distribution } from '../src/stats/distribution.js';
import { isInsufficient } from '../src/stats/insufficient.js';
import { normalQuantile } from '../src/stats/normal.js';
import { percentile } from '../src/stats/percentile.js';
import { seededRng, type Rng } from '../src/stats/random.js';
import { percentileRiseTest } from '../src/stats/percentile-rise-test.js';
import { twoProportionTest } from '../src/stats/two-proportion-test.js';
import { logQuantileStandardError } from '../src/stats/quantile-log-se.js';
import { syntheticRun } from '../test/gate/synthetic.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}
const TRIALS = Number(option('trials', '200'));
const AA_TRIALS = Number(option('aa', '300'));
const SEED = Number(option('seed', '9'));
/** Longer runs at the same request rate: --scale 4 is an 80 s run with ≈ 900 requests per endpoint. */
const SCALE = Number(option('scale', '1'));

/** The recorded smoke baseline's endpoints: requests, median ms, log-SD. */
const ENDPOINTS: readonly { name: string; n: number; median: number; sigma: number }[] = [
  { name: 'DELETE /api/alerts/{id}', n: 228, median: 15.6, sigma: 0.28 },
  { name: 'GET /api/alerts (no token)', n: 228, median: 1.8, sigma: 0.33 },
  { name: 'GET /api/alerts', n: 228, median: 38.8, sigma: 0.4 },
  { name: 'GET /api/dashboard/metrics', n: 228, median: 115, sigma: 0.5 },
  { name: 'GET /api/tenants/{id}/settings', n: 228, median: 9.7, sigma: 0.29 },
  { name: 'GET /api/tenants', n: 228, median: 8.9, sigma: 0.3 },
  { name: 'POST /api/alerts', n: 228, median: 25, sigma: 0.33 },
  { name: 'POST /api/auth/login', n: 228, median: 31.5, sigma: 0.28 },
  { name: 'POST /api/reports/export', n: 48, median: 205, sigma: 0.38 },
  { name: 'PUT /api/alerts/{id}', n: 228, median: 21.2, sigma: 0.28 },
];
const TARGETS = ENDPOINTS.filter((e) => e.n > 100).map((e) => e.name);
const SECONDS = 20 * SCALE;

type Model = 'quiet' | 'noisy';

function gauss(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const Z80 = normalQuantile(0.8);
const Z95 = normalQuantile(0.95);

/** One run: latencies per endpoint in time order; `tail` stretches one endpoint's tail by `ratio`. */
function generate(model: Model, rng: Rng, tail?: { endpoint: string; ratio: number }): RunDocument {
  const noisy = model === 'noisy';
  const runDrift = gauss(rng) * (noisy ? 0.04 : 0.02);
  const pauses = noisy ? Array.from({ length: 3 }, () => rng() * SECONDS * 1000) : [];
  const slow = noisy && rng() < 0.5 ? rng() * (SECONDS - 4) * 1000 : undefined;
  const endpoints: Record<string, { latencies: number[] }> = {};
  for (const spec of ENDPOINTS) {
    const e = { ...spec, n: Math.round(spec.n * SCALE) };
    const drift = runDrift + gauss(rng) * (noisy ? 0.03 : 0.015);
    const rho = noisy ? 0.5 : 0;
    let z = gauss(rng);
    const latencies: number[] = [];
    for (let i = 0; i < e.n; i++) {
      if (i > 0) z = rho * z + Math.sqrt(1 - rho * rho) * gauss(rng);
      const t = ((i + 0.5) * SECONDS * 1000) / e.n;
      let v = e.median * Math.exp(e.sigma * z + drift);
      if (tail && tail.endpoint === e.name) {
        // The stretch grows from 1 at the endpoint's p80 to `ratio` at its p95 (on the log scale), constant above.
        const w = Math.min(1, Math.max(0, (z - Z80) / (Z95 - Z80)));
        v *= Math.pow(tail.ratio, w);
      }
      if (slow !== undefined && t >= slow && t < slow + 4000) v *= 1.25;
      for (const p of pauses) if (t >= p && t < p + 150) v += p + 150 - t;
      latencies.push(v);
    }
    endpoints[e.name] = { latencies };
  }
  return syntheticRun({ endpoints, seconds: SECONDS });
}

/** A percentile test: the evidence for "the percentile rose" from two distributions. */
type PercentileTest = (b: Distribution, c: Distribution, q: number, nEffB: number, nEffC: number, noise: number) => { pValue: number; lower: number; upper: number } | undefined;

const RULES: Record<string, PercentileTest | undefined> = {
  // The gate as it is (level or spread, shape noise `tailShapeNoise`, default 1.5 %).
  gate: undefined,
  // Before issue 9: the percentile's level alone, by its order-statistic interval and the noise floor.
  'order-statistic': (b, c, q, nb, nc, noise) => {
    const t = percentileRiseTest(b, c, { q, nEffectiveBaseline: nb, nEffectiveCurrent: nc, noise });
    return isInsufficient(t) ? undefined : { pValue: t.level.pGreater, lower: t.level.lower, upper: t.level.upper };
  },
  // Level or spread (tail ÷ median), Bonferroni over the two; the spread's noise floor as a share of the level's.
  ...Object.fromEntries(
    [1, 0].map((share) => [
      `level-or-spread (shape noise ${share}×)`,
      ((b, c, q, nb, nc, noise) => {
        const t = percentileRiseTest(b, c, { q, nEffectiveBaseline: nb, nEffectiveCurrent: nc, noise, shapeNoise: share * noise });
        return isInsufficient(t) ? undefined : { pValue: t.pGreater, lower: t.test.lower, upper: t.test.upper };
      }) satisfies PercentileTest,
    ]),
  ),
  // The share of requests above the pooled sample's q-quantile, baseline vs current, with the design
  // effect; the noise floor enters as the share a drift of `noise` moves across the threshold.
  exceedance: (b, c, q, nb, nc, noise) => {
    const pooled = [...b, ...c].sort((x, y) => x.value - y.value);
    const merged: { value: number; count: number }[] = [];
    for (const x of pooled) {
      const last = merged[merged.length - 1];
      if (last && last.value === x.value) last.count += x.count;
      else merged.push({ ...x });
    }
    const t = percentile(merged, q);
    if (isInsufficient(t)) return undefined;
    const above = (d: Distribution) => d.reduce((s, x) => s + (x.value > t ? x.count : 0), 0);
    const Nb = totalCount(b);
    const Nc = totalCount(c);
    const se = logQuantileStandardError(merged, q, (nb + nc) / 2);
    if (isInsufficient(se)) return undefined;
    // Density of the share at the threshold per unit log latency: √(q(1−q)/n) / se(ln Q).
    const density = Math.sqrt((q * (1 - q)) / ((nb + nc) / 2)) / se;
    const deff = (Nb / nb + Nc / nc) / 2;
    const r = twoProportionTest({ events: above(b), total: Nb }, { events: above(c), total: Nc }, { varianceInflation: deff });
    if (isInsufficient(r)) return undefined;
    const sampling = Math.sqrt(((q * (1 - q) * 2) / ((Nb + Nc) / 2)) * deff);
    const total = Math.hypot(sampling, density * noise * Math.SQRT2);
    const z = (r.difference - 0.5 * (1 / Nb + 1 / Nc)) / total;
    const p = 0.5 * erfc(z / Math.SQRT2);
    return { pValue: p, lower: r.differenceLower, upper: r.differenceUpper };
  },
};

function erfc(x: number): number {
  // Abramowitz–Stegun 7.1.26, enough for a simulation's p-values.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return x >= 0 ? y : 2 - y;
}

function detectorsFor(rule: string): readonly Detector[] {
  const test = RULES[rule];
  if (!test) return DETECTORS;
  const wrapped: Detector = {
    id: 'latency',
    each: 'scope',
    needs: 'baseline',
    detect(ctx: ComparisonContext, s: JudgedScope): readonly Assessment[] {
      if (latency.each !== 'scope' || latency.needs !== 'baseline') throw new Error('latency detector changed shape');
      return latency.detect(ctx, s).map((a) => {
        const q = percentileKey(a.statistic);
        if (q === undefined || a.pValue === undefined || a.insufficient !== undefined) return a;
        const bd = ctx.baseline.distribution(s.name)!;
        const cd = ctx.current.distribution(s.name)!;
        const nb = totalCount(bd) / designEffectOfWindows(ctx.baseline.windows(s.name, 'trend'));
        const nc = totalCount(cd) / designEffectOfWindows(ctx.current.windows(s.name, 'trend'));
        const e = test(bd, cd, q, nb, nc, ctx.policy.runToRunNoise);
        if (!e) return { ...a, pValue: undefined, insufficient: 'not boundable' };
        return { ...a, pValue: e.pValue, interval: { lower: e.lower, upper: e.upper }, intervalExcludesNoChange: e.lower > 0 };
      });
    },
  };
  return DETECTORS.map((d) => (d.id === 'latency' ? wrapped : d));
}

function wilson(k: number, n: number): [number, number] {
  const z = 1.959964;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

const policy = resolvePolicy(parseConfig({}), 'smoke');
const rules = option('only', Object.keys(RULES).join(',')).split(',');
const cases: { what: string; model: Model; ratio?: number; trials: number }[] = [
  { what: 'A/A quiet', model: 'quiet', trials: AA_TRIALS },
  { what: 'A/A noisy', model: 'noisy', trials: AA_TRIALS },
  { what: 'tail +30 %', model: 'quiet', ratio: 1.3, trials: TRIALS },
  { what: 'tail +15 % (limit +20 %)', model: 'quiet', ratio: 1.15, trials: TRIALS },
];
console.log(`smoke defaults (α ${policy.alpha}, ${policy.multipleComparisons}, noise floor ${policy.runToRunNoise}, tail shape noise ${policy.tailShapeNoise}, statistics ${policy.regression.latency.statistics.join(', ')}), ${SECONDS} s runs, seed ${SEED}\n`);
type Tally = { fails: number; percentile: number; named: number; beyond: number };
const tallies = new Map<string, Tally>();
const detectorsByRule = new Map(rules.map((r) => [r, detectorsFor(r)] as const));
for (const c of cases) {
  // The same generated pairs for every rule.
  const rng = seededRng(SEED * 1_000_003 + cases.indexOf(c));
  for (let i = 0; i < c.trials; i++) {
    const endpoint = TARGETS[i % TARGETS.length]!;
    const tail = c.ratio ? { endpoint, ratio: c.ratio } : undefined;
    const baseline = generate(c.model, rng);
    const current = generate(c.model, rng, tail);
    for (const rule of rules) {
      const report = compareRuns({ baseline, current, policy, detectors: detectorsByRule.get(rule)! });
      const t = tallies.get(`${rule}|${c.what}`) ?? { fails: 0, percentile: 0, named: 0, beyond: 0 };
      const failing = report.findings.filter((f) => f.outcome === 'fail');
      if (report.outcome === 'fail') t.fails++;
      if (failing.some((f) => f.kind === 'latency' && percentileKey(f.statistic) !== undefined)) t.percentile++;
      if (tail && failing.some((f) => f.scope?.value === endpoint)) t.named++;
      // A perfect test would fail exactly when the reported p95 change is beyond the limit: the ceiling.
      const row = report.scopes.find((r) => r.scope?.value === endpoint);
      if (tail && row?.baseline?.p95 !== undefined && row.current?.p95 !== undefined && row.current.p95 / row.baseline.p95 - 1 > policy.regression.latency.maxIncrease) t.beyond++;
      tallies.set(`${rule}|${c.what}`, t);
    }
  }
}
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const rate = (k: number, n: number) => {
  const [lo, hi] = wilson(k, n);
  return `${pct(k / n)} (${pct(lo)} – ${pct(hi)})`;
};
console.log('| rule | case | trials | stage fails (95 % interval) | failed on a percentile | named the changed endpoint | its p95 beyond the limit (ceiling) |');
console.log('|---|---|---|---|---|---|---|');
for (const rule of rules) {
  for (const c of cases) {
    const t = tallies.get(`${rule}|${c.what}`)!;
    console.log(`| ${rule} | ${c.what} | ${c.trials} | ${rate(t.fails, c.trials)} | ${pct(t.percentile / c.trials)} | ${c.ratio ? pct(t.named / c.trials) : '—'} | ${c.ratio ? pct(t.beyond / c.trials) : '—'} |`);
  }
}

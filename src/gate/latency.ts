import type { StagePolicy } from '../config/policy.js';
import type { Distribution } from '../stats/distribution.js';
import { cliffsDelta } from '../stats/cliffs-delta.js';
import { hodgesLehmann } from '../stats/hodges-lehmann.js';
import { insufficient, isInsufficient, type InsufficientData } from '../stats/insufficient.js';
import { logRatioTest, type LogRatioTest } from '../stats/log-ratio-test.js';
import { mannWhitney } from '../stats/mann-whitney.js';
import { normalQuantile } from '../stats/normal.js';
import { percentile } from '../stats/percentile.js';
import { shortfallOf, type Assessment } from './assessment.js';
import { designEffectOfWindows } from './noise.js';
import { percentileKey, type RunView } from '../document/run-view.js';

const Z95 = normalQuantile(0.975);

/** Smallest latency we take a logarithm of (1 ns in milliseconds): zero-latency buckets are clamped to it. */
const LOG_FLOOR_MS = 1e-6;

export interface LatencyScope {
  /** Scope name in submetric syntax. */
  readonly name: string;
  readonly scope?: { readonly tag: string; readonly value: string };
}

/**
 * Latency questions for one scope: the typical shift (`med`: Hodges–Lehmann on log latency, tested with
 * Mann–Whitney) and each configured percentile (order-statistic interval), all with the run-to-run noise
 * floor added, all on the ratio scale so "+20 %" means the same at 2 ms and at 2 s.
 */
export function assessLatency(baseline: RunView, current: RunView, s: LatencyScope, policy: StagePolicy): Assessment[] {
  const limit = policy.regression.latency.maxIncrease;
  const common = { kind: 'latency' as const, metric: s.name, ...(s.scope ? { scope: s.scope } : {}), threshold: `+${round(limit * 100)} %`, harmful: 'increase' as const };
  const out: Assessment[] = [];
  for (const statistic of policy.regression.latency.statistics) {
    const b = baseline.value(s.name, statistic);
    const c = current.value(s.name, statistic);
    const base = { ...common, statistic, ...(b !== undefined ? { baseline: b } : {}), ...(c !== undefined ? { current: c } : {}) };
    if (b === undefined || c === undefined) {
      out.push({ ...base, beyond: false, insufficient: `${statistic} is not available in ${b === undefined ? 'the baseline' : 'the current run'}`, shortfall: 'missing' });
      continue;
    }
    const change = b > 0 ? c / b - 1 : undefined;
    if (change === undefined) {
      out.push({ ...base, beyond: false, insufficient: `baseline ${statistic} is 0 ms: no relative change` });
      continue;
    }
    const beyond = change > limit;
    const bd = baseline.distribution(s.name);
    const cd = current.distribution(s.name);
    if (!bd || !cd) {
      out.push({ ...base, change, beyond, note: 'aggregate-only input: the change cannot be tested, only reported' });
      continue;
    }
    const nb = count(bd);
    const nc = count(cd);
    if (nb < policy.minSamples || nc < policy.minSamples) {
      out.push({ ...base, change, beyond, insufficient: `${Math.min(nb, nc)} ${Math.min(nb, nc) === 1 ? 'request' : 'requests'} in ${nb < nc ? 'the baseline' : 'the current run'} (needs ≥ ${policy.minSamples})`, shortfall: 'too-few-requests' });
      continue;
    }
    const deffB = designEffectOfWindows(baseline.windows(s.name));
    const deffC = designEffectOfWindows(current.windows(s.name));
    const evidence = statistic === 'med'
      ? shiftEvidence(bd, cd, (nb * deffB + nc * deffC) / (nb + nc), policy.runToRunNoise)
      : statistic === 'avg'
        ? meanEvidence(baseline, current, s.name, deffB, deffC, policy.runToRunNoise)
        : percentileEvidence(bd, cd, percentileKey(statistic), nb / deffB, nc / deffC, policy.runToRunNoise);
    if (isInsufficient(evidence)) {
      out.push({ ...base, change, beyond, insufficient: evidence.reason, shortfall: shortfallOf(evidence) });
      continue;
    }
    // For `med` the tested quantity is the shift of the whole distribution; report its estimate as the change.
    const reported = statistic === 'med' ? Math.expm1(evidence.test.logRatio) : change;
    const superiority = statistic === 'med' ? cliffsDelta(bd, cd) : undefined;
    out.push({
      ...base,
      change: reported,
      beyond: reported > limit,
      pValue: evidence.pValue,
      interval: { lower: evidence.test.lower, upper: evidence.test.upper },
      intervalExcludesNoChange: evidence.test.lower > 0,
      ...(superiority && !isInsufficient(superiority)
        ? { note: `a current request is slower than a baseline one ${Math.round(superiority.probabilityOfSuperiority * 100)} % of the time (Cliff's δ ${superiority.delta >= 0 ? '+' : '−'}${Math.abs(superiority.delta).toFixed(2)})` }
        : {}),
    });
  }
  return out;
}

export interface Evidence {
  /** The log ratio current/baseline of the statistic with its interval, run-to-run noise included. */
  readonly test: LogRatioTest;
  /** One-sided p-value for "current is higher". */
  readonly pValue: number;
}

/**
 * Typical shift: Hodges–Lehmann on log latencies gives the ratio a typical request got slower by; its
 * interval comes from Mann–Whitney's distribution with the variance inflated by the design effect; the
 * run-to-run noise of both runs is added in quadrature. The p-value is the larger (more cautious) of the
 * Mann–Whitney test and the z-test on the shift with noise.
 */
export function shiftEvidence(b: Distribution, c: Distribution, deff: number, noise: number): Evidence | InsufficientData {
  const lb = toLog(b);
  const lc = toLog(c);
  const hl = hodgesLehmann(lb, lc, { confidence: 0.95, varianceInflation: deff });
  if (isInsufficient(hl)) return inMilliseconds(hl);
  const mw = mannWhitney(lb, lc, { varianceInflation: deff });
  if (isInsufficient(mw)) return inMilliseconds(mw);
  const seWithin = Math.max((hl.upper - hl.lower) / (2 * Z95), 0);
  const test = logRatioTest(hl.estimate, [seWithin, noise, noise]);
  if (isInsufficient(test)) return test;
  return { test, pValue: Math.max(mw.pGreater, test.pGreater) };
}

/** The tests run on log latencies; a reason that quotes a value must not quote ln(ms). */
function inMilliseconds(x: InsufficientData): InsufficientData {
  return x.cause === 'no-spread' ? insufficient('every request of both runs took the same time (no spread to rank)', 'no-spread') : x;
}

/**
 * A percentile's uncertainty from order statistics: with n effective samples, the sample quantile q has
 * rank uncertainty ±z·√(q(1−q)/n), so the values at q ± that spread bound it. A p(99) of 150 requests has
 * too few observations above it to be bounded and is reported as insufficient rather than guessed.
 */
function percentileEvidence(b: Distribution, c: Distribution, q: number | undefined, nEffB: number, nEffC: number, noise: number): Evidence | InsufficientData {
  if (q === undefined) return insufficient('unknown statistic');
  const sb = logQuantileSe(b, q, nEffB);
  const sc = logQuantileSe(c, q, nEffC);
  if (isInsufficient(sb)) return insufficient(`baseline: ${sb.reason}`, sb.cause);
  if (isInsufficient(sc)) return insufficient(`current run: ${sc.reason}`, sc.cause);
  const vb = percentile(b, q);
  const vc = percentile(c, q);
  if (isInsufficient(vb) || isInsufficient(vc)) return insufficient('no data');
  if (vb <= 0 || vc <= 0) return insufficient('percentile is 0 ms: no relative change');
  const test = logRatioTest(Math.log(vc / vb), [sb, sc, noise, noise]);
  return isInsufficient(test) ? test : { test, pValue: test.pGreater };
}

function logQuantileSe(d: Distribution, q: number, nEff: number): number | InsufficientData {
  const h = Z95 * Math.sqrt((q * (1 - q)) / nEff);
  if (q - h < 0 || q + h > 1) return insufficient(`too few requests to bound p(${round(q * 100)}) (about ${Math.round(nEff)} effective)`, 'too-few');
  const lo = percentile(d, q - h);
  const hi = percentile(d, q + h);
  if (isInsufficient(lo) || isInsufficient(hi)) return insufficient('no data');
  if (lo <= 0) return insufficient('latencies at 0 ms: no relative change');
  return Math.log(hi / lo) / (2 * Z95);
}

/** The mean: its log standard error by the delta method, with effective sample sizes. */
function meanEvidence(baseline: RunView, current: RunView, name: string, deffB: number, deffC: number, noise: number): Evidence | InsufficientData {
  const mb = moments(baseline, name);
  const mc = moments(current, name);
  if (!mb || !mc) return insufficient(`fewer than 2 requests with a positive latency in ${mb ? 'the current run' : 'the baseline'}`);
  const seB = Math.sqrt(mb.variance / (mb.n / deffB)) / mb.mean;
  const seC = Math.sqrt(mc.variance / (mc.n / deffC)) / mc.mean;
  const test = logRatioTest(Math.log(mc.mean / mb.mean), [seB, seC, noise, noise]);
  return isInsufficient(test) ? test : { test, pValue: test.pGreater };
}

function moments(view: RunView, name: string): { n: number; mean: number; variance: number } | undefined {
  const d = view.distribution(name);
  if (!d) return undefined;
  let n = 0;
  let sum = 0;
  for (const x of d) {
    n += x.count;
    sum += x.value * x.count;
  }
  if (n < 2 || sum <= 0) return undefined;
  const mean = sum / n;
  let ss = 0;
  for (const x of d) ss += x.count * (x.value - mean) ** 2;
  return { n, mean, variance: ss / (n - 1) };
}

function toLog(d: Distribution): Distribution {
  // Buckets stay ascending and distinct after the log, except that several tiny values may clamp together.
  const out: { value: number; count: number }[] = [];
  for (const b of d) {
    const v = Math.log(Math.max(b.value, LOG_FLOOR_MS));
    const last = out[out.length - 1];
    if (last && last.value === v) last.count += b.count;
    else out.push({ value: v, count: b.count });
  }
  return out;
}

function count(d: Distribution): number {
  let n = 0;
  for (const b of d) n += b.count;
  return n;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

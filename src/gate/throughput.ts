import type { StagePolicy } from '../config/policy.js';
import { effectiveSampleSize, lag1Autocorrelation } from '../stats/autocorrelation.js';
import { insufficient, isInsufficient, type InsufficientData } from '../stats/insufficient.js';
import { logRatioTest } from '../stats/log-ratio-test.js';
import type { Window } from '../document/run-document.js';
import { shortfallOf, type Assessment } from './assessment.js';
import type { RunView } from '../document/run-view.js';

/**
 * Did the whole run serve fewer requests per second than the baseline, beyond the limit? Throughput is a
 * run-level quantity, so its units are the time windows: the mean per-window rate of each run (first and
 * last windows dropped, as they are partly empty), with the spread between windows and their lag-1
 * autocorrelation giving the standard error, plus the run-to-run noise floor.
 */
export function assessThroughput(baseline: RunView, current: RunView, policy: StagePolicy, requestsMetric: string): Assessment | undefined {
  const b = baseline.throughput({}, requestsMetric);
  const c = current.throughput({}, requestsMetric);
  if (c === undefined) return undefined;
  const limit = policy.regression.throughput.maxDecrease;
  const common = { kind: 'throughput' as const, metric: requestsMetric, statistic: 'rate', threshold: `−${Math.round(limit * 100)} %`, harmful: 'decrease' as const };
  if (b === undefined || b <= 0) return { ...common, current: c, beyond: false, insufficient: 'the baseline has no requests', shortfall: 'missing' };
  // A run that served nothing has no ratio to test: it is the largest drop there is.
  if (c <= 0) return { ...common, baseline: b, current: 0, change: -1, beyond: true, deterministic: true, note: 'the current run served no requests' };
  const change = c / b - 1;
  const beyond = change < -limit;
  const base = { ...common, baseline: b, current: c, change, beyond };
  if (baseline.aggregateOnly || current.aggregateOnly) return { ...base, note: 'aggregate-only input: the change cannot be tested, only reported' };
  const sb = logRateSe(baseline.windows(requestsMetric), baseline.doc.windows.widthMs);
  const sc = logRateSe(current.windows(requestsMetric), current.doc.windows.widthMs);
  if (isInsufficient(sb)) return { ...base, insufficient: `baseline: ${sb.reason}`, shortfall: shortfallOf(sb, 'too-short') };
  if (isInsufficient(sc)) return { ...base, insufficient: `current run: ${sc.reason}`, shortfall: shortfallOf(sc, 'too-short') };
  const noise = policy.runToRunNoise;
  const test = logRatioTest(Math.log(c / b), [sb, sc, noise, noise]);
  if (isInsufficient(test)) return { ...base, insufficient: test.reason, shortfall: shortfallOf(test) };
  return {
    ...base,
    pValue: test.pLess, // one-sided: lower throughput is harmful
    interval: { lower: test.lower, upper: test.upper },
    intervalExcludesNoChange: test.upper < 0,
  };
}

function logRateSe(windows: readonly Window[], widthMs: number): number | InsufficientData {
  const inner = windows.slice(1, -1).map((w) => w.count / (widthMs / 1000));
  if (inner.length < 3) return insufficient(`only ${windows.length} time windows (needs ≥ 5)`, 'too-few');
  const mean = inner.reduce((a, x) => a + x, 0) / inner.length;
  if (mean <= 0) return insufficient('no requests');
  const variance = inner.reduce((a, x) => a + (x - mean) ** 2, 0) / (inner.length - 1);
  const rho = lag1Autocorrelation(inner);
  const nEff = effectiveSampleSize(inner.length, isInsufficient(rho) ? 0 : rho);
  return Math.sqrt(variance / nEff) / mean;
}

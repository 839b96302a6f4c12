import type { StagePolicy } from '../config/policy.js';
import type { HistoryEntry, HistoryLevel } from '../document/history-entry.js';
import { isChangeStep } from '../stats/between-run-noise.js';
import { logSpreadOf, poolLogEstimates, type LogEstimate } from '../stats/log-quantile.js';
import type { PercentileEstimate } from '../stats/percentile-rise-test.js';
import { pooledVariancePerRequest, sharedStandardError, type RunSamplingError } from '../stats/pooled-sampling-error.js';
import { levelNoise } from './learned-noise.js';

/** A percentile's baseline averaged over stored runs of the baseline branch. */
export interface PooledPercentile {
  /** The mean of the runs' ln p_q (and of their spreads from the median), `runs` of them. */
  readonly estimate: PercentileEstimate;
  /** The commits of the runs averaged, the baseline run first. */
  readonly shas: readonly string[];
  /** ln p_q of the baseline run as stored: a caller checks it against the baseline document (same metric, same scope). */
  readonly baselineRunLog: number;
  /** Each averaged run's standard error and request count, of the level and (when every run has it) of the spread. */
  readonly perRun: { readonly level: readonly RunSamplingError[]; readonly spread?: readonly RunSamplingError[] };
}

/** The pooled baseline of every scope and percentile a stage judges. */
export interface PooledBaseline {
  /** Runs averaged at most (the policy's baselineRuns). */
  readonly maxRuns: number;
  /** Whether the baseline run was found in the history (else nothing is pooled). */
  readonly found: boolean;
  /** The pooled baseline of percentile q of a scope (the whole run without one); undefined: the baseline run alone. */
  of(scope: { readonly tag: string; readonly value: string } | undefined, q: number): PooledPercentile | undefined;
}

/** Nothing pooled: every percentile is compared with the baseline run alone. */
export const NO_POOLING: PooledBaseline = { maxRuns: 1, found: false, of: () => undefined };

/**
 * A percentile's baseline from the baseline run and the stored runs before it: one run's p95 of a few
 * hundred requests is uncertain by about ±10 %, and that error, not the current run's, is what the
 * baseline branch can shrink. The history keeps ln p_q and its order-statistic standard error of every
 * stored run (document/history-entry.ts); the baseline is their mean over up to `baselineRuns` runs,
 * starting at the baseline run's own entry and going back until a step between two runs is too large for
 * noise at runToRunNoise (`isChangeStep`: a code change on the baseline branch, whose older level is not
 * the baseline's). The test then divides the baseline's sampling error and run-to-run noise as the mean
 * of K runs does (stats/percentile-rise-test.ts `percentileRiseOfEstimates`).
 *
 * Nothing is pooled when the history does not hold the baseline run (matched by its start and end), when
 * fewer than two runs qualify, or for entries written before histories kept percentiles. Pure.
 */
export function poolBaseline(history: readonly HistoryEntry[], baseline: { readonly start: string; readonly end: string }, policy: Pick<StagePolicy, 'baselineRuns' | 'runToRunNoise' | 'runToRunNoiseMs'>): PooledBaseline {
  if (policy.baselineRuns < 2) return NO_POOLING;
  let at = -1;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]!.end === baseline.end && history[i]!.start === baseline.start) {
      at = i;
      break;
    }
  }
  if (at < 0) return { ...NO_POOLING, maxRuns: policy.baselineRuns };
  const runs = history.slice(Math.max(0, at - policy.baselineRuns + 1), at + 1).reverse();
  const cache = new Map<string, PooledPercentile | undefined>();
  return {
    maxRuns: policy.baselineRuns,
    found: true,
    of(scope, q) {
      const key = `${scope ? `${scope.tag}\u0000${scope.value}` : ''}\u0001${q}`;
      if (!cache.has(key)) cache.set(key, pool(runs, scope, q, policy));
      return cache.get(key);
    },
  };
}

function pool(runs: readonly HistoryEntry[], scope: { readonly tag: string; readonly value: string } | undefined, q: number, policy: Pick<StagePolicy, 'runToRunNoise' | 'runToRunNoiseMs'>): PooledPercentile | undefined {
  const levels: LogEstimate[] = [];
  const spreads: LogEstimate[] = [];
  const counts: number[] = [];
  const shas: string[] = [];
  for (const run of runs) {
    const level = levelOfScope(run, scope);
    const quantile = quantileOf(level, q);
    if (!quantile) break;
    const newer = levels[levels.length - 1];
    // A step beyond noise is a code change on the baseline branch: what came before it is another level.
    if (newer && isChangeStep({ level: quantile.log, se: quantile.se }, { level: newer.log, se: newer.se }, levelNoise(policy.runToRunNoise, policy.runToRunNoiseMs, Math.exp(newer.log), 'ms'))) break;
    levels.push(quantile);
    counts.push(level!.count);
    const median = q > 0.5 ? quantileOf(level, 0.5) : undefined;
    if (median) spreads.push(logSpreadOf(quantile, median, q));
    shas.push(run.sha);
  }
  if (levels.length < 2) return undefined;
  const everySpread = spreads.length === levels.length;
  const spread = everySpread ? { spread: poolLogEstimates(spreads) } : {};
  const errors = (xs: readonly LogEstimate[]): RunSamplingError[] => xs.map((x, k) => ({ se: x.se, count: counts[k]! }));
  return {
    estimate: { level: poolLogEstimates(levels), ...spread, runs: levels.length },
    shas,
    baselineRunLog: levels[0]!.log,
    perRun: { level: errors(levels), ...(everySpread ? { spread: errors(spreads) } : {}) },
  };
}

/**
 * The pooled baseline and the current run's estimate with their sampling errors re-estimated from all the
 * runs together (`pooledVariancePerRequest`): the K stored runs and the current one are runs of the same
 * endpoint, and under "no change" (what the test's p-value is computed under) their percentiles share one
 * sampling error per request. One run's own figure rests on the dozen requests around its p95 and on a
 * design effect read from 20 windows: at 230 requests it ranged 0.026 to 0.10 between runs of the same
 * code of one endpoint in bench:accuracy, and a current run that drew a wide one could not confirm a +30 % tail. The
 * current run still weighs in with its own figure, one run among K + 1. The logs are kept as they are.
 *
 * Contract: the same logs and runs; se's ≥ 0; equal to the inputs' when every run has the same se²·count.
 */
export function withSharedErrors(pooled: PooledPercentile, current: PercentileEstimate, currentCount: number): { baseline: PercentileEstimate; current: PercentileEstimate } {
  const counts = pooled.perRun.level.map((r) => r.count);
  const share = (runs: readonly RunSamplingError[], mine: LogEstimate): { baseline: number; current: number } => {
    const v = pooledVariancePerRequest([...runs, { se: mine.se, count: currentCount }]);
    return { baseline: sharedStandardError(v, counts), current: sharedStandardError(v, [currentCount]) };
  };
  const level = share(pooled.perRun.level, current.level);
  const b = pooled.estimate;
  const spread = pooled.perRun.spread && b.spread && current.spread ? share(pooled.perRun.spread, current.spread) : undefined;
  return {
    baseline: { ...b, level: { log: b.level.log, se: level.baseline }, ...(spread && b.spread ? { spread: { log: b.spread.log, se: spread.baseline } } : {}) },
    current: { ...current, level: { log: current.level.log, se: level.current }, ...(spread && current.spread ? { spread: { log: current.spread.log, se: spread.current } } : {}) },
  };
}

function levelOfScope(run: HistoryEntry, scope: { readonly tag: string; readonly value: string } | undefined): HistoryLevel | undefined {
  return run.levels?.find((l) => (scope ? l.scope?.tag === scope.tag && l.scope.value === scope.value : l.scope === undefined));
}

function quantileOf(level: HistoryLevel | undefined, q: number): LogEstimate | undefined {
  const found = level?.quantiles?.find((x) => Math.abs(x.q - q) < 1e-9);
  return found ? { log: found.log, se: found.se } : undefined;
}

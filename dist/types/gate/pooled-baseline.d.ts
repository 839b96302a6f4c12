import type { StagePolicy } from '../config/policy.js';
import type { HistoryEntry } from '../document/history-entry.js';
import type { PercentileEstimate } from '../stats/percentile-rise-test.js';
import { type RunSamplingError } from '../stats/pooled-sampling-error.js';
/** A percentile's baseline averaged over stored runs of the baseline branch. */
export interface PooledPercentile {
    /** The mean of the runs' ln p_q (and of their spreads from the median), `runs` of them. */
    readonly estimate: PercentileEstimate;
    /** The commits of the runs averaged, the baseline run first. */
    readonly shas: readonly string[];
    /** ln p_q of the baseline run as stored: a caller checks it against the baseline document (same metric, same scope). */
    readonly baselineRunLog: number;
    /** Each averaged run's standard error and request count, of the level and (when every run has it) of the spread. */
    readonly perRun: {
        readonly level: readonly RunSamplingError[];
        readonly spread?: readonly RunSamplingError[];
    };
}
/** The pooled baseline of every scope and percentile a stage judges. */
export interface PooledBaseline {
    /** Runs averaged at most (the policy's baselineRuns). */
    readonly maxRuns: number;
    /** Whether the baseline run was found in the history (else nothing is pooled). */
    readonly found: boolean;
    /** The pooled baseline of percentile q of a scope (the whole run without one); undefined: the baseline run alone. */
    of(scope: {
        readonly tag: string;
        readonly value: string;
    } | undefined, q: number): PooledPercentile | undefined;
}
/** Nothing pooled: every percentile is compared with the baseline run alone. */
export declare const NO_POOLING: PooledBaseline;
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
export declare function poolBaseline(history: readonly HistoryEntry[], baseline: {
    readonly start: string;
    readonly end: string;
}, policy: Pick<StagePolicy, 'baselineRuns' | 'runToRunNoise' | 'runToRunNoiseMs'>): PooledBaseline;
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
export declare function withSharedErrors(pooled: PooledPercentile, current: PercentileEstimate, currentCount: number): {
    baseline: PercentileEstimate;
    current: PercentileEstimate;
};

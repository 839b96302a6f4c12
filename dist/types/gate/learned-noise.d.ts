import type { StagePolicy } from '../config/policy.js';
import type { HistoryEntry } from '../document/history-entry.js';
/** The run-to-run noise one scope's comparisons add, and where the figure came from. */
export interface NoiseFigure {
    /** Log-scale SD of a run's level between runs (0.03 ≈ runs wobble by 3 %). */
    readonly noise: number;
    /** `default`: the policy's runToRunNoise; `history`: learned from stored runs of the baseline branch. */
    readonly source: 'default' | 'history';
    /** Consecutive stored runs (steps) whose levels of this scope the figure learned from. */
    readonly steps: number;
}
/** The noise of every scope of a stage: the pooled figure and each endpoint's. */
export interface LearnedNoise {
    /** Stored runs that carried levels (0: nothing learned). */
    readonly runs: number;
    /** Steps set aside as code changes on the baseline branch (too large for noise). */
    readonly setAside: number;
    /** The stage-wide figure every endpoint's is shrunk toward. */
    readonly pooled: NoiseFigure;
    /** The figure for one scope (the whole run without a scope). */
    of(scope?: {
        readonly tag: string;
        readonly value: string;
    }): NoiseFigure;
}
/**
 * Learned noise never goes below this share of runToRunNoise: a short history that happened to agree
 * closely must not make a noise floor vanish.
 */
export declare const NOISE_FLOOR_SHARE = 0.25;
/**
 * The run-to-run noise of a latency level of `ms` (a median, a percentile, a mean): the relative noise of
 * its scope plus the additive jitter `noiseMs` (scheduling, timers) as a share of that level, in
 * quadrature. A 1 ms endpoint on a busy machine wobbles by far more than 3 % between runs; a 100 ms one
 * does not notice 0.05 ms. Only latencies in ms get the additive part.
 *
 * @example levelNoise(0.03, 0.05, 1, 'ms') // √(0.03² + 0.05²) = 0.058
 */
export declare function levelNoise(relative: number, noiseMs: number, ms: number | undefined, unit: string): number;
/** The policy's runToRunNoise for every scope: no history, or learning switched off. */
export declare function defaultNoise(policy: StagePolicy): LearnedNoise;
/**
 * Run-to-run noise learned from the stage's history on the baseline branch (oldest first). Each step
 * between consecutive stored runs gives, per scope, an unbiased estimate of the between-run variance
 * (stats/between-run-noise.ts); a step too large for noise at runToRunNoise is a code change and is set
 * aside. Two levels of shrinkage: the stage-wide (pooled) variance is runToRunNoise² worth `priorRuns`
 * steps updated with each step's mean over the endpoints (one value per step: the endpoints of one run
 * share its machine, so they are one observation of the machine's drift, not many); each endpoint's is the
 * pooled variance worth `priorRuns` steps updated with that endpoint's own steps. A short history stays
 * near the default, a long one speaks for itself. Pure.
 */
export declare function learnNoise(history: readonly HistoryEntry[], policy: StagePolicy): LearnedNoise;

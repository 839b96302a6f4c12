/**
 * Run-to-run noise learned from a history of runs: how much a run's level (ln latency) wobbles from one
 * run to the next beyond what each run's own sampling error explains. Pure.
 *
 * The model: run r measures x_r = μ + δ_r + ε_r, with δ_r the between-run noise (SD σ, what a noise floor
 * stands for) and ε_r the run's sampling error (SE s_r, known from its requests). Between two consecutive
 * runs d = x_{r+1} − x_r has E[d²] = 2σ² + s_r² + s_{r+1}² when no code change falls between them, so
 * (d² − s_r² − s_{r+1}²) / 2 is an unbiased estimate of σ² from one step (it may be negative: that is
 * information too, and averaging keeps it unbiased). Successive differences rather than the spread
 * around the mean, so a slow trend on the baseline branch inflates the estimate little.
 */
/** One run's level on the log scale and its within-run standard error. */
export interface RunLevel {
    readonly level: number;
    readonly se: number;
}
/**
 * The unbiased one-step estimate of the between-run variance σ² from two consecutive runs.
 *
 * Contract: finite for finite input; may be negative (the runs agreed better than their sampling errors
 * predict); symmetric in the two runs; 0 when d² equals the summed sampling variances.
 * @throws {RangeError} if a level or se is not finite or an se is negative
 * @example stepExcess({ level: 0, se: 0.03 }, { level: 0.05, se: 0.04 }) // (0.0025 − 0.0009 − 0.0016) / 2 = 0
 */
export declare function stepExcess(a: RunLevel, b: RunLevel): number;
/** How far (in SDs of what noise at the default could make) a step may go before it counts as a code change. */
export declare const CHANGE_STEP_SDS = 3;
/**
 * Whether the step between two runs is larger than noise at `noise` could plausibly make: beyond
 * CHANGE_STEP_SDS standard deviations of d (√(s_a² + s_b² + 2·noise²)). Such a step is a code change on the
 * baseline branch (a speed-up or a regression that was accepted), not noise, and is set aside.
 *
 * Contract: symmetric in the two runs; false for equal levels; monotone in |d|.
 * @throws {RangeError} for non-finite input or negative se or noise
 * @example isChangeStep({ level: 0, se: 0.03 }, { level: 0.3, se: 0.03 }, 0.03) // → true (|d| 0.3 > 3 · 0.06)
 */
export declare function isChangeStep(a: RunLevel, b: RunLevel, noise: number): boolean;
/** A prior belief about a variance: its value and how many one-step estimates it is worth. */
export interface VariancePrior {
    readonly variance: number;
    readonly weight: number;
}
/**
 * The variance after `excesses` (one-step estimates, each worth one) are added to the prior:
 * (weight · variance + Σ excess) / (weight + n), never below `floor`. With no history it is the prior; with
 * a long one, the data. This is the conjugate (scaled inverse χ²) update's point estimate, in the form
 * Bayesian and empirical-Bayes analyses of repeated measurements use to shrink short histories.
 *
 * Contract: equals the prior's variance for no excesses; between the prior and the mean excess (or
 * `floor`) otherwise; ≥ floor; finite; non-increasing as any excess falls.
 * @throws {RangeError} if the prior's variance or weight is negative or not finite, an excess is not finite, or floor < 0
 * @example shrinkVariance({ variance: 0.0009, weight: 4 }, [0.0001, 0.0003], 0) // (0.0036 + 0.0004) / 6 = 0.000667
 */
export declare function shrinkVariance(prior: VariancePrior, excesses: readonly number[], floor: number): number;

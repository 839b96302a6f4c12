import { type InsufficientData } from './insufficient.js';
export interface SampleSizeFactorOptions {
    /** One-sided level, in (0, 1). */
    readonly alpha: number;
    /** Power wanted at the target change, in (0, 1); default 0.8. */
    readonly power?: number;
}
/**
 * By how much a run must grow (more requests at the same rate: a longer run) for a one-sided log-ratio
 * test to catch a change of `targetLogRatio` with the given power. The test's variance is the sampling
 * part `within²`, which shrinks as 1/n, plus a fixed floor `floor²` (run-to-run noise of both runs), which
 * no run length removes. The needed total se is target / (z₁₋α + z_power), so the factor is
 * within² / (needed² − floor²). Without a floor this is the textbook (MDE / target)² scaling.
 *
 * Assumes the run keeps its request rate, its design effect (the clustering in time) and its spread as
 * it gets longer.
 *
 * Contract: factor > 0; factor ≤ 1 when the run already has the power; increasing in within and floor.
 * InsufficientData (cause `no-spread`) when the floor alone is at least the needed se (no run length
 * reaches the target), and when within is 0 (nothing that more requests would shrink).
 *
 * @throws {RangeError} for a negative or NaN standard error, a target ≤ 0, or alpha / power outside (0, 1)
 * @example
 * // within-run se 0.12, noise floor √2·0.03 = 0.04243, target ln 1.2 = 0.1823, α 0.05, power 0.8
 * sampleSizeFactor(0.12, Math.hypot(0.03, 0.03), Math.log(1.2), { alpha: 0.05 });
 * // needed se 0.1823 / 2.4865 = 0.0733; factor 0.0144 / (0.00538 − 0.0018) = 4.03: a run four times as long
 */
export declare function sampleSizeFactor(within: number, floor: number, targetLogRatio: number, options: SampleSizeFactorOptions): number | InsufficientData;

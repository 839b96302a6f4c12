import { type InsufficientData } from './insufficient.js';
/** Summary of one cluster of observations (typically one time window of a load test). */
export interface ClusterSummary {
    /** Observations in the cluster (a non-negative integer; empty clusters are ignored). */
    readonly count: number;
    /** Their mean. */
    readonly mean: number;
    /** Their sample variance with divisor count − 1 (ignored, and may be 0, when count is 1). */
    readonly variance: number;
}
/**
 * Design effect of clustering for a mean: how many times larger the variance of an overall mean is when
 * observations come in clusters whose members resemble each other (requests in the same time window share
 * GC pauses, noisy neighbours and cache state) than if all observations were independent. Divide the
 * sample size by it, or multiply test variances by it (the `varianceInflation` of mannWhitney and
 * hodgesLehmann).
 *
 * Method: one-way ANOVA on the cluster summaries. With k non-empty clusters of sizes mᵢ, N = Σmᵢ:
 * MSB = Σ mᵢ(ȳᵢ − ȳ)² / (k − 1), MSW = Σ (mᵢ − 1)sᵢ² / (N − k), n₀ = (N − Σmᵢ²/N)/(k − 1) (the usual
 * correction for unequal sizes), intraclass correlation ICC = (MSB − MSW)/(MSB + (n₀ − 1)·MSW), and
 * deff = 1 + (m̄ − 1)·ICC with m̄ = Σmᵢ²/N, the size-weighted mean cluster size. Clamped to ≥ 1: a
 * negative ICC estimate (clusters more alike than chance) is treated as no clustering.
 *
 * Contract: result ≥ 1 and < m̄ + 1; invariant under adding a constant to, or rescaling, all means
 * (variances scaled accordingly). InsufficientData with fewer than 2 non-empty clusters, or when there is
 * no within-cluster variance to compare with (every cluster has one observation, or all variances are 0).
 *
 * @param clusters per-cluster count, mean and sample variance
 * @throws {RangeError} if a count is not a non-negative integer, a mean is not finite, or a variance is not
 *   a finite number ≥ 0
 * @example
 * // clusters {1, 2, 3} and {4, 5, 6}: MSB = 13.5, MSW = 1, n₀ = 3, ICC = 12.5/15.5, m̄ = 3
 * clusterDesignEffect([{ count: 3, mean: 2, variance: 1 }, { count: 3, mean: 5, variance: 1 }]); // => 2.6129… (= 1 + 2·12.5/15.5)
 */
export declare function clusterDesignEffect(clusters: readonly ClusterSummary[]): number | InsufficientData;
/**
 * A cluster from running sums (a time window keeps count, Σx and Σx²): mean Σx/n and the sample variance
 * (Σx² − n·mean²)/(n − 1), clamped at 0 against rounding.
 *
 * Contract: variance ≥ 0; a single observation has variance 0.
 * @example clusterOfSums(3, 6, 14) // { count: 3, mean: 2, variance: 1 } (values 1, 2, 3)
 */
export declare function clusterOfSums(count: number, sum: number, sumOfSquares: number): ClusterSummary;
/**
 * A cluster of 0/1 observations (failed or not) from its count and the number of events: mean p and the
 * sample variance p(1 − p)·n/(n − 1).
 *
 * @example clusterOfProportion(4, 1) // { count: 4, mean: 0.25, variance: 0.25 } (= 0.1875 · 4/3)
 */
export declare function clusterOfProportion(count: number, events: number): ClusterSummary;

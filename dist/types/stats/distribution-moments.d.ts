import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
export interface Moments {
    readonly n: number;
    readonly mean: number;
    /** Sample variance, divisor n − 1. */
    readonly variance: number;
}
/**
 * Count, mean and sample variance of a distribution's observations (two passes: the mean, then the squared
 * deviations from it, so large values lose no precision to cancellation).
 *
 * Contract: variance ≥ 0. InsufficientData for fewer than 2 observations, or a mean that is not > 0 (the
 * callers take the log of it), or sums that overflow.
 * @example distributionMoments([{ value: 1, count: 1 }, { value: 3, count: 1 }]) // { n: 2, mean: 2, variance: 2 }
 */
export declare function distributionMoments(d: Distribution): Moments | InsufficientData;

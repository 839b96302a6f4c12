import { type InsufficientData } from './insufficient.js';
/**
 * The standard error of ln(mean) of a series of autocorrelated rates (requests per second per time
 * window): the spread between values, with the sample size shrunk by the lag-1 autocorrelation
 * (effectiveSampleSize), divided by the mean (delta method for the log).
 *
 * Contract: result ≥ 0 and finite. InsufficientData (cause `too-few`) for fewer than 3 values, and when
 * the mean is not > 0.
 *
 * @throws {RangeError} if a value is not finite
 * @example
 * // 5, 6, 5, 6, 5, 6: mean 5.5, sd 0.548, r₁ = −0.83 (treated as 0): se = 0.548/√6/5.5 = 0.0407
 * logMeanStandardError([5, 6, 5, 6, 5, 6]) // 0.0407
 */
export declare function logMeanStandardError(values: readonly number[]): number | InsufficientData;

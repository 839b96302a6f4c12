import { type InsufficientData } from './insufficient.js';
/** A z-test of a ratio current/baseline on the log scale, with its interval. */
export interface LogRatioTest {
    /** ln(current / baseline). */
    readonly logRatio: number;
    /** Standard error of `logRatio`: the components added in quadrature. */
    readonly se: number;
    /** One-sided p-value for "current is higher" (ratio > 1). */
    readonly pGreater: number;
    /** One-sided p-value for "current is lower" (ratio < 1). */
    readonly pLess: number;
    /** Two-sided interval of the relative change (ratio − 1) at `confidence`. */
    readonly lower: number;
    readonly upper: number;
    readonly confidence: number;
}
export interface LogRatioTestOptions {
    /** Level of the interval, in (0, 1); default 0.95. */
    readonly confidence?: number;
}
/**
 * Tests a log ratio against "no change" with a normal approximation: z = logRatio / se, where se is the
 * square root of the sum of the squared components (the within-run standard errors of both runs and the
 * run-to-run noise of each). Working on the log scale makes "+20 %" mean the same at 2 ms and at 2 s, and
 * keeps the interval of the ratio positive.
 *
 * Contract: pGreater + pLess = 1 (up to rounding); both in [0, 1]; the interval is finite, contains exp(logRatio) − 1 and is ≥ −1;
 * InsufficientData when the combined standard error is 0 (no spread and no noise floor: nothing to
 * measure the change against), when the log ratio or a component is not finite, or when the interval
 * would overflow. Never NaN.
 *
 * @param logRatio ln(current / baseline)
 * @param components standard errors on the log scale, each ≥ 0 (e.g. [seBaseline, seCurrent, noise, noise])
 * @throws {RangeError} if a component is negative or NaN, or the confidence is outside (0, 1)
 * @example
 * // +10 % with a standard error of 0.05 on the log scale
 * logRatioTest(Math.log(1.1), [0.03, 0.04]);
 * // => { logRatio: 0.0953, se: 0.05, pGreater: 0.0283, pLess: 0.9717, lower: −0.0027, upper: +0.2133, confidence: 0.95 }
 */
export declare function logRatioTest(logRatio: number, components: readonly number[], options?: LogRatioTestOptions): LogRatioTest | InsufficientData;

import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
import { type LogRatioTest } from './log-ratio-test.js';
import { type LogEstimate } from './log-quantile.js';
export interface PercentileRiseOptions {
    /** The percentile as a fraction in (0, 1): 0.95 for p(95). */
    readonly q: number;
    /** Effective observations of the baseline (requests divided by the design effect), > 0. */
    readonly nEffectiveBaseline: number;
    /** Effective observations of the current run, > 0. */
    readonly nEffectiveCurrent: number;
    /** Run-to-run noise of the percentile's level, a log-scale SD added for each run (default 0). */
    readonly noise?: number;
    /** Run-to-run noise of the tail's distance from the median, a log-scale SD per run (default `noise`). */
    readonly shapeNoise?: number;
}
export interface PercentileRiseTest {
    /** The evidence decided on: the test with the smaller p-value, its interval on the ratio scale. */
    readonly test: LogRatioTest;
    /** Which question gave it: the percentile itself (`level`) or its distance from the median (`spread`). */
    readonly evidence: 'level' | 'spread';
    /** One-sided p for "the percentile rose": 2 × the smaller of the two (Bonferroni), at most 1. */
    readonly pGreater: number;
    readonly level: LogRatioTest;
    /** Absent for q ≤ ½ or when the median cannot be used (then pGreater is level's alone). */
    readonly spread?: LogRatioTest;
}
/**
 * Did percentile q get slower? Two ways the data can show it, and either is enough:
 * - **level**: ln(current p_q / baseline p_q) against its order-statistic standard errors and the
 *   run-to-run noise floor of each run (a whole-distribution shift lifts the tail with it);
 * - **spread**: ln(p_q / median) of the current run against the baseline's (`tailSpreadTest`): the tail
 *   moved away from a median that stayed. Drift of the whole run cancels in it, so it needs only the
 *   smaller shape noise; this is what catches a tail-only regression on a few hundred requests.
 * The p-value is twice the smaller one (Bonferroni over the two, valid whatever their dependence), and
 * the interval is that of the test chosen.
 *
 * Contract: pGreater in [0, 1], between the smaller of the two p-values and twice it; never NaN. InsufficientData
 * (cause `too-few`) when the effective n cannot bound p_q (for p(99): below about 380), and when the
 * level test cannot be computed (empty run, p_q ≤ 0 ms, no spread and no noise).
 *
 * @throws {RangeError} if q is outside (0, 1), an effective n is not > 0, or a noise is negative
 * @example
 * // baseline 1…100 ms; current: the ten slowest 50 % slower (p95 95.05 → 142.575 ms), noise 3 %, shape noise 1.5 %.
 * // Level: ln 1.5 = 0.405, se 0.0615 → p 2.1e-11. Spread: the same 0.405, but se 0.139 (this median is
 * // imprecise on the log scale) → p 0.0018. The level decides:
 * percentileRiseTest(b, c, { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise: 0.03, shapeNoise: 0.015 })
 * // => { evidence: 'level', pGreater: 4.2e-11, test: { lower: +0.330, upper: +0.692, … }, … }
 */
export declare function percentileRiseTest(baseline: Distribution, current: Distribution, options: PercentileRiseOptions): PercentileRiseTest | InsufficientData;
/** One side of a percentile comparison: ln p_q, its distance from the median, and how many runs they average. */
export interface PercentileEstimate {
    readonly level: LogEstimate;
    /** ln(p_q / median); absent for q ≤ ½ or when the median cannot be bounded. */
    readonly spread?: LogEstimate;
    /** Runs averaged (1 for one run): their run-to-run noise is the noise divided by √runs. */
    readonly runs: number;
}
/**
 * The estimate of one run: ln p_q at `nEffective`, and its spread from the median where q > ½ and the
 * median can be bounded. InsufficientData (naming the side) when p_q cannot be bounded or is ≤ 0 ms.
 * @throws {RangeError} as logQuantileStandardError
 */
export declare function percentileEstimate(d: Distribution, q: number, nEffective: number, side: 'baseline' | 'current'): PercentileEstimate | InsufficientData;
/**
 * percentileRiseTest on estimates rather than distributions: the baseline may be the mean of several
 * stored runs (`runs` > 1), whose sampling errors and run-to-run noise then shrink as the mean's do.
 * The level test adds the noise of each side divided by √runs, the spread test the shape noise likewise.
 *
 * Contract: as percentileRiseTest; with runs = 1 on both sides it gives exactly percentileRiseTest's result.
 * @throws {RangeError} if a noise is negative or not finite, or runs is not a whole number ≥ 1
 */
export declare function percentileRiseOfEstimates(baseline: PercentileEstimate, current: PercentileEstimate, options: {
    readonly noise: number;
    readonly shapeNoise: number;
}): PercentileRiseTest | InsufficientData;

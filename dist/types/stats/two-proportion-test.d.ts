import { type InsufficientData } from './insufficient.js';
/** Events (e.g. failed requests) out of trials in one run. */
export interface Proportion {
    readonly events: number;
    readonly total: number;
}
export interface TwoProportionTest {
    /** current share − baseline share. */
    readonly difference: number;
    /** One-sided p-value for "the current share is higher", with continuity correction. */
    readonly pGreater: number;
    /** Two-sided interval of `difference` at `confidence` (Wald, variance inflated). */
    readonly differenceLower: number;
    readonly differenceUpper: number;
    /** Katz log interval of the relative change (current/baseline − 1), when both runs have events. */
    readonly ratio?: {
        readonly lower: number;
        readonly upper: number;
    };
    readonly confidence: number;
}
export interface TwoProportionTestOptions {
    /** Design effect (≥ 1): how much clustering in time inflates the variance; default 1. */
    readonly varianceInflation?: number;
    /** Level of the intervals, in (0, 1); default 0.95. */
    readonly confidence?: number;
}
/**
 * Did the share of events rise from the baseline to the current run? A one-sided two-proportion z-test
 * with the pooled variance under "no change" and Yates' continuity correction, its variance multiplied by
 * the design effect (failures come in bursts: an outage fails many requests at once, which is one event,
 * not many). When no run has an event, or every trial is one, nothing rose: pGreater is 1.
 *
 * Contract: pGreater in [0, 1]; difference in [−1, 1]; differenceLower ≤ difference ≤ differenceUpper;
 * never NaN. InsufficientData when a run has no trials.
 *
 * @throws {RangeError} if counts are negative, not finite, or events > total; or the options are out of range
 * @example
 * // 2 of 1000 failed before, 12 of 1000 now
 * twoProportionTest({ events: 2, total: 1000 }, { events: 12, total: 1000 });
 * // pooled share 14/2000 = 0.007, se under "no change" √(0.007·0.993·(2/1000)) = 0.00373,
 * // z = (0.01 − 0.001 continuity) / 0.00373 = 2.41
 * // => { difference: 0.01, pGreater: 0.0079, differenceLower: 0.0027, differenceUpper: 0.0173,
 * //      ratio: { lower: 0.35, upper: 25.7 }, confidence: 0.95 }
 */
export declare function twoProportionTest(baseline: Proportion, current: Proportion, options?: TwoProportionTestOptions): TwoProportionTest | InsufficientData;

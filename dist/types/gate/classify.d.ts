import type { Assessment } from './assessment.js';
import type { Finding } from './verdict.js';
/** What turns evidence into an outcome: the level of "confirmed" and how sure "beyond the limit" must be. */
export interface DecisionRule {
    /** Family-wise level of a confirmed change (after Holm or BH). */
    readonly alpha: number;
    /** Confidence that a confirmed change is beyond its limit, for a fail (config `limitConfidence`). */
    readonly limitConfidence: number;
}
/**
 * Turns an assessment and its multiplicity-adjusted p-value into an outcome. A change fails only when it
 * is confirmed (adjusted p < α and the 95 % interval excludes no change) AND beyond its limit with
 * `limitConfidence`: the one-sided lower bound of the change at that confidence (upper bound for a
 * decrease) lies beyond the limit. With 0.5 this is "the estimate is beyond the limit"; the default 0.7
 * asks the estimate to clear the limit by about half a standard error, so that a change just under the
 * limit does not fail one run in five (docs/verdict.md, "What a fail certifies"). A confirmed change whose
 * estimate is beyond the limit but not clearly is a warning (`near-limit`); beyond the limit with only
 * suggestive evidence (adjusted p < 2α) is a warning; beyond the limit with no evidence is noise (info).
 */
export declare function classify(a: Assessment, adjustedP: number | undefined, rule: DecisionRule): Finding;

import type { Assessment } from './assessment.js';
import type { Finding } from './verdict.js';
/**
 * Turns an assessment and its multiplicity-adjusted p-value into an outcome. A change fails only when it is
 * beyond its limit AND confirmed (adjusted p < α and the 95 % interval excludes no change); beyond the
 * limit with only suggestive evidence (adjusted p < 2α) is a warning; beyond the limit with no evidence
 * is noise (info).
 */
export declare function classify(a: Assessment, adjustedP: number | undefined, alpha: number): Finding;

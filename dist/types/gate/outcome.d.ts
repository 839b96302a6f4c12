import type { Finding, Outcome, Severity } from './verdict.js';
/** Most severe first: fail 0, warn 1, inconclusive 2, pass 3. Rows and findings sort by it. */
export declare function outcomeRank(outcome: Outcome): number;
/** Most severe first: fail 0, warn 1, info 2. */
export declare function severityRank(severity: Severity): number;
/** Findings by outcome, most severe first; stable otherwise (the detectors' order within an outcome is kept). */
export declare function sortFindings(findings: readonly Finding[]): Finding[];
/** The most severe of some outcomes; `pass` for none. */
export declare function worstOutcome(outcomes: readonly Outcome[]): Outcome;

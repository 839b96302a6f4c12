import type { StagePolicy } from '../config/policy.js';
import { type HistoryEntry } from '../document/history-entry.js';
import type { RunDocument } from '../document/run-document.js';
import { RunView } from '../document/run-view.js';
import type { Detector, JudgedScope } from './detector.js';
import type { AbSummary, Finding, StageReport } from './verdict.js';
export interface CompareInput {
    /** The stored baseline; absent on a first run (regressions are then inconclusive, SLOs still apply). */
    readonly baseline?: RunDocument;
    readonly current: RunDocument;
    readonly policy: StagePolicy;
    /** The questions to ask; default the registry (detectors/index.ts). */
    readonly detectors?: readonly Detector[];
    /**
     * The stage's stored history on the baseline branch, oldest first: the run-to-run noise is learned
     * from it (policy.noiseLearning). Absent or short: the policy's runToRunNoise.
     */
    readonly history?: readonly HistoryEntry[];
    /**
     * Interleaved A/B rounds (ab mode): `baseline` is then the baseline service's rounds added up and
     * `current` the candidate's (document/arm-run.ts), and latency and throughput are judged from the round
     * pairs (AB_DETECTORS). The history is not used: the pairs measure the noise.
     */
    readonly ab?: AbInput;
}
/** The round pairs of an A/B stage and what became of its rounds. */
export interface AbInput {
    /** Pairs whose two rounds both measured, in schedule order. */
    readonly pairs: readonly {
        readonly pair: number;
        readonly baseline: RunDocument;
        readonly current: RunDocument;
    }[];
    readonly plannedRounds: number;
    readonly failedRounds: AbSummary['failedRounds'];
    readonly roundSeconds?: number;
}
/**
 * Compares a run with its baseline under a stage's policy: absolute SLOs, regressions per scope
 * (latency, error rate), whole-run throughput, memory, and for endurance stages leaks and degradation.
 * Pure: the same documents and policy always give the same report.
 */
export declare function compareRuns(input: CompareInput): StageReport;
/**
 * compareRuns, and every finding it classified — also the passes the report leaves out — for callers that
 * decide from all of them (the sequential gate asks whether every question is within its limit).
 */
export declare function judgeStage(given: CompareInput): {
    readonly report: StageReport;
    readonly findings: readonly Finding[];
};
/** The scopes a stage judges: the whole run, then each value of each grouping tag (the busiest maxScopes of them). */
export declare function judgedScopes(baseline: RunView | undefined, current: RunView, policy: StagePolicy, notes?: string[], latencyMetric?: string): JudgedScope[];

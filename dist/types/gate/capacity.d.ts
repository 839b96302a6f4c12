import type { ThresholdSet } from '../config/schema.js';
import type { RunView } from '../document/run-view.js';
/** Consecutive windows that must all meet the rule for their rate to count as held. */
export declare const SUSTAIN = 3;
/** A window with fewer requests has no p95 worth judging: it neither holds nor breaks the rule. */
export declare const MIN_WINDOW_REQUESTS = 20;
/** Without SLOs: the latency broke away when its p95 exceeds this multiple of its level at the lowest load. */
export declare const BREAK_AWAY = 2;
/** Without an SLO on failures: the share of failed requests that breaks the rule. */
export declare const DEFAULT_ERROR_RATE = 0.01;
/** What a window is held to. */
export interface CapacityRule {
    /**
     * The latency statistic (a fraction for a percentile, `avg`, `med`) and the limit in ms, and whence: the
     * stage's SLO, or the break-away from the level at the lowest load (of the baseline when there is one).
     */
    readonly latency?: {
        readonly statistic: number | 'avg' | 'med';
        readonly belowMs: number;
        readonly from: 'slo' | 'break-away';
    };
    /** The failed-request share a window must stay below, and whence: the stage's SLO or DEFAULT_ERROR_RATE. */
    readonly errorRate: number;
    readonly errorRateFrom: 'slo' | 'default';
}
export interface Capacity {
    /** The highest rate held over SUSTAIN windows in a row that met the rule (their median rate), req/s; absent when no such run of windows was seen. */
    readonly sustainedRps?: number;
    /** The most virtual users during those windows (k6's `vus` gauge), when the run has it. */
    readonly sustainedVus?: number;
    /** The first window, after one that met the rule, that broke it: when (seconds from the run's start), the rate and VUs there, and what broke. */
    readonly knee?: {
        readonly atSeconds: number;
        readonly rps: number;
        readonly vus?: number;
        readonly broke: 'latency' | 'errors';
    };
    readonly rule: CapacityRule;
    /** Windows judged (with enough requests) and of those, how many met the rule. */
    readonly windows: number;
    readonly windowsMet: number;
    readonly windowSeconds: number;
}
export interface CapacityComparison {
    readonly current: Capacity;
    readonly baseline?: Capacity;
    /** current / baseline − 1 of the sustained rates, when both have one. */
    readonly change?: number;
}
/**
 * Both runs' capacity; undefined unless the current run's load grew (a constant-load stage has no knee to find).
 *
 * @example compareCapacity(baselineView, currentView, roles, policy.thresholds)?.change // −0.35
 */
export declare function compareCapacity(baseline: RunView | undefined, current: RunView, roles: {
    readonly latency: string;
    readonly requests: string;
    readonly failures: string;
}, thresholds: readonly ThresholdSet[]): CapacityComparison | undefined;
/**
 * One run's capacity; undefined when its load did not grow (unless `onlyWhenGrowing` is false) or it has no
 * windows to read. `rule` replaces the one the run's own windows and thresholds give.
 */
export declare function capacityOf(view: RunView, roles: {
    readonly latency: string;
    readonly requests: string;
    readonly failures: string;
}, thresholds: readonly ThresholdSet[], options?: {
    readonly onlyWhenGrowing?: boolean;
    readonly rule?: CapacityRule;
}): Capacity | undefined;

import type { StagePolicy } from '../config/policy.js';
import type { MetricType, RunDocument } from '../document/run-document.js';
/**
 * k6 built-in counters that only appear when something happened: absent means a count of 0, not a typo.
 */
export declare const ZERO_WHEN_ABSENT: ReadonlySet<string>;
/**
 * Checks that a policy names what the runs have: every threshold's metric, submetric tags and values, and
 * an aggregation that fits the metric's type; the latency metric; every grouping tag. A name no run has
 * is a typo or a wrong assumption about the test, and judging without it would pass silently, so it is
 * an error (exit 2) that names the key, the value and the closest names the runs do have. What only the
 * baseline has is not an error: the current run lost it, which the gate reports as a failing finding.
 * Thresholds of a preset or of the k6 script on a metric no run has are left to the threshold check,
 * which reports them as not judged (the user never wrote them in the config).
 *
 * @throws {ConfigError} listing every problem, one line each.
 */
export declare function checkPolicyAgainstRuns(policy: StagePolicy, runs: {
    readonly baseline?: RunDocument;
    readonly current: RunDocument;
}, latencyMetric: string): void;
/**
 * The part of the check that needs no run: thresholds whose aggregation does not fit the type of a metric
 * whose type is known in advance (k6's built-in metrics, passed in by the caller). Run it before a long
 * load test, so `p(95)` on `http_req_failed` stops at once rather than after the test.
 *
 * @throws {ConfigError} listing every problem, one line each.
 */
export declare function checkPolicyBeforeRun(policy: StagePolicy, knownTypes: ReadonlyMap<string, {
    readonly type: MetricType;
}>): void;

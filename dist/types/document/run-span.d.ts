import type { TimeBin } from './time-profile.js';
/**
 * The rule that tells a stray point from the run. A part of the run at its start or end is set aside when
 * it is small — at most `maxShare` of all points and of the reference points (requests; iterations when
 * there are none; all points when there are neither) — and an empty gap of at least
 * `max(minGapMs, gapRatio × the rest's span)` separates it from the rest.
 *
 * k6 writes `vus` every second from the start of setup() to the end of teardown(), through quiet periods
 * and a scenario's `startTime` delay, so a real run has no empty gap of seconds: ramp-ups, spike tests'
 * quiet periods and setup or teardown requests right next to the load are never set aside. A part made of
 * a few points an hour away (a clock jump, a line from another run) is.
 */
export declare const SPAN_RULE: {
    readonly maxShare: 0.01;
    readonly minGapMs: 5000;
    readonly gapRatio: 0.1;
};
/** Points at one end of the run that the span leaves out. */
export interface SetAside {
    readonly side: 'before' | 'after';
    readonly points: number;
    /** Metric ids of the points. */
    readonly metrics: readonly number[];
    readonly firstMs: number;
    readonly lastMs: number;
    /** The empty gap between these points and the run. */
    readonly gapMs: number;
}
export interface RunSpan {
    /** Time of the run's first and last point, the set-aside parts left out. */
    readonly firstMs: number;
    readonly lastMs: number;
    readonly setAside: readonly SetAside[];
}
/**
 * The span of the run in `bins` (sorted by time), with the small parts far from its bulk set aside by
 * {@link SPAN_RULE}. Undefined when there are no points.
 *
 * @example
 * // 2 119 requests over 20 s, and one `vus` point an hour later: the span is the 20 s, the point is set aside.
 */
export declare function runSpan(bins: readonly TimeBin[], rule?: typeof SPAN_RULE): RunSpan | undefined;
/**
 * The warning for a set-aside part: how many points of which metrics, how far from the run, and what the
 * run's duration is without them.
 */
export declare function setAsideWarning(s: SetAside, metricNames: readonly string[], span: RunSpan): string;
/** `850 ms`, `20.3 s`, `59 min 38 s`, `2 h 5 min`. */
export declare function formatSpan(ms: number): string;

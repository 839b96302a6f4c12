/**
 * Zod schemas for single config values — fractions that may be written as percentages, durations,
 * counts, metric names, latency statistics — each failing with one sentence: `expected a number > 0 or a
 * percentage such as "20%", got "fast"`. Pure.
 */
import { z } from 'zod';
import { type LatencyStatistic } from './latency-statistic.js';
/** Bounds of a number; `exclusive` bounds are strict. */
export interface NumberRange {
    readonly min?: number;
    readonly minExclusive?: boolean;
    readonly max?: number;
    readonly maxExclusive?: boolean;
}
/** `> 0`, `≥ 0 and ≤ 1`, `between 0 and 1 (exclusive)`. */
export declare function describeRange(range: NumberRange): string;
/** Reads `"20%"` as 0.2; anything else is `undefined`. */
export declare function parsePercent(text: string): number | undefined;
/**
 * A fraction: a number, or a percentage string (`"20%"` → 0.2), within `range`.
 *
 * @param example the percentage shown in the error, e.g. `"20%"`.
 */
export declare function fraction(range: NumberRange, example: string): z.ZodPipe<z.ZodUnknown, z.ZodTransform<number, unknown>>;
/** A whole number within `range`. */
export declare function wholeNumber(range: NumberRange): z.ZodPipe<z.ZodUnknown, z.ZodTransform<number, unknown>>;
/** Milliseconds: a number, or a string such as `"0.05ms"`, within `range`. */
export declare function milliseconds(range: NumberRange): z.ZodPipe<z.ZodUnknown, z.ZodTransform<number, unknown>>;
/** Seconds: a number, or a k6 duration string (`"30s"`, `"1m30s"`), within `range`. */
export declare function seconds(range: NumberRange): z.ZodPipe<z.ZodUnknown, z.ZodTransform<number, unknown>>;
/** `'auto'` or seconds > 0 (number or duration string). */
export declare function windowSeconds(): z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | "auto", unknown>>;
/** A k6 metric, optionally a submetric (`http_req_duration{expected_response:true}`), in canonical form. */
export declare function metricSelectorText(): z.ZodPipe<z.ZodUnknown, z.ZodTransform<string, unknown>>;
/** A non-empty string without surrounding spaces; `what` names it in the error (`a label name`). */
export declare function nonEmptyText(what: string): z.ZodPipe<z.ZodUnknown, z.ZodTransform<string, unknown>>;
/** A list of distinct non-empty strings; a single string is read as a list of one. */
export declare function textList(one: string, many: string): z.ZodPipe<z.ZodUnknown, z.ZodTransform<string[], unknown>>;
/** A non-empty list of distinct latency statistics (`med`, `avg`, `p(95)` …), canonicalised. */
export declare function latencyStatistics(): z.ZodPipe<z.ZodUnknown, z.ZodTransform<LatencyStatistic[], unknown>>;

/**
 * Zod schemas for single config values — fractions that may be written as percentages, durations,
 * counts, metric names, latency statistics — each failing with one sentence: `expected a number > 0 or a
 * percentage such as "20%", got "fast"`. Pure.
 */
import { z } from 'zod';
import { formatValue } from './errors.js';
import { parseDurationSeconds } from './duration.js';
import { parseLatencyStatistic, type LatencyStatistic } from './latency-statistic.js';
import { formatMetricSelector, tryParseMetricSelector } from './metric-selector.js';

/** Bounds of a number; `exclusive` bounds are strict. */
export interface NumberRange {
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
}

/** `> 0`, `≥ 0 and ≤ 1`, `between 0 and 1 (exclusive)`. */
export function describeRange(range: NumberRange): string {
  const low = range.min === undefined ? undefined : `${range.minExclusive === true ? '>' : '≥'} ${range.min}`;
  const high = range.max === undefined ? undefined : `${range.maxExclusive === true ? '<' : '≤'} ${range.max}`;
  if (low !== undefined && high !== undefined) {
    if (range.minExclusive === true && range.maxExclusive === true) return `between ${range.min} and ${range.max} (exclusive)`;
    return `${low} and ${high}`;
  }
  return low ?? high ?? '';
}

function inRange(n: number, range: NumberRange): boolean {
  if (range.min !== undefined && (range.minExclusive === true ? !(n > range.min) : !(n >= range.min))) return false;
  if (range.max !== undefined && (range.maxExclusive === true ? !(n < range.max) : !(n <= range.max))) return false;
  return true;
}

const PERCENT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;

/** Reads `"20%"` as 0.2; anything else is `undefined`. */
export function parsePercent(text: string): number | undefined {
  const match = PERCENT.exec(text);
  if (match === null) return undefined;
  // Shift the decimal point in the text, so "0.1%" is exactly the number 0.001, not 0.1 / 100.
  return Number(`${match[1] ?? ''}e-2`);
}

/**
 * A fraction: a number, or a percentage string (`"20%"` → 0.2), within `range`.
 *
 * @param example the percentage shown in the error, e.g. `"20%"`.
 */
export function fraction(range: NumberRange, example: string) {
  const expected = `expected a number ${describeRange(range)} or a percentage such as ${JSON.stringify(example)}`;
  return z.unknown().transform((value, ctx): number => {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parsePercent(value) : undefined;
    if (n === undefined || !Number.isFinite(n) || !inRange(n, range)) {
      ctx.addIssue({ code: 'custom', message: `${expected}, got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    return n;
  });
}

/** A whole number within `range`. */
export function wholeNumber(range: NumberRange) {
  return z.unknown().transform((value, ctx): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || !inRange(value, range)) {
      ctx.addIssue({ code: 'custom', message: `expected a whole number ${describeRange(range)}, got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    return value;
  });
}

/** Milliseconds: a number, or a string such as `"0.05ms"`, within `range`. */
export function milliseconds(range: NumberRange) {
  return z.unknown().transform((value, ctx): number => {
    const text = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*ms\s*$/.exec(value) : null;
    const n = typeof value === 'number' ? value : text ? Number(text[1]) : undefined;
    if (n === undefined || !Number.isFinite(n) || !inRange(n, range)) {
      ctx.addIssue({ code: 'custom', message: `expected milliseconds ${describeRange(range)}, as a number or a string such as "0.05ms", got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    return n;
  });
}

/** Seconds: a number, or a k6 duration string (`"30s"`, `"1m30s"`), within `range`. */
export function seconds(range: NumberRange) {
  return z.unknown().transform((value, ctx): number => {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parseDurationSeconds(value) : undefined;
    if (n === undefined || !Number.isFinite(n) || !inRange(n, range)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a number of seconds ${describeRange(range)} or a duration such as "30s", got ${formatValue(value)}`,
        input: value,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** `'auto'` or seconds > 0 (number or duration string). */
export function windowSeconds() {
  return z.unknown().transform((value, ctx): 'auto' | number => {
    if (value === 'auto') return 'auto';
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parseDurationSeconds(value) : undefined;
    if (n === undefined || !Number.isFinite(n) || !(n > 0)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected 'auto', a number of seconds > 0 or a duration such as "30s", got ${formatValue(value)}`,
        input: value,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** A k6 metric, optionally a submetric (`http_req_duration{expected_response:true}`), in canonical form. */
export function metricSelectorText() {
  return z.unknown().transform((value, ctx): string => {
    if (typeof value !== 'string') {
      ctx.addIssue({ code: 'custom', message: `expected a k6 metric name such as "http_req_duration", got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    const parsed = tryParseMetricSelector(value);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error, input: value });
      return z.NEVER;
    }
    return formatMetricSelector(parsed);
  });
}

/** A non-empty string without surrounding spaces; `what` names it in the error (`a label name`). */
export function nonEmptyText(what: string) {
  return z.unknown().transform((value, ctx): string => {
    if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} (a non-empty string without surrounding spaces), got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    return value;
  });
}

/** A list of distinct non-empty strings; a single string is read as a list of one. */
export function textList(one: string, many: string) {
  return z.unknown().transform((value, ctx): string[] => {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list)) {
      ctx.addIssue({ code: 'custom', message: `expected a list of ${many}, got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    const out: string[] = [];
    list.forEach((item: unknown, i) => {
      if (typeof item !== 'string' || item.trim() === '' || item.trim() !== item) {
        ctx.addIssue({ code: 'custom', path: [i], message: `expected ${one} (a non-empty string), got ${formatValue(item)}`, input: item });
      } else if (out.includes(item)) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(item)} is listed twice — remove one`, input: item });
      } else {
        out.push(item);
      }
    });
    return out;
  });
}

/** A non-empty list of distinct latency statistics (`med`, `avg`, `p(95)` …), canonicalised. */
export function latencyStatistics() {
  return z.unknown().transform((value, ctx): LatencyStatistic[] => {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) {
      ctx.addIssue({ code: 'custom', message: `expected a non-empty list such as [med, "p(95)"], got ${formatValue(value)}`, input: value });
      return z.NEVER;
    }
    const out: LatencyStatistic[] = [];
    list.forEach((item: unknown, i) => {
      const parsed = typeof item === 'string' ? parseLatencyStatistic(item) : { error: `expected 'med', 'avg' or 'p(N)' with 0 < N ≤ 100, got ${formatValue(item)}` };
      if (typeof parsed !== 'string') {
        ctx.addIssue({ code: 'custom', path: [i], message: parsed.error, input: item });
      } else if (out.includes(parsed)) {
        ctx.addIssue({ code: 'custom', path: [i], message: `'${parsed}' is listed twice — remove one`, input: item });
      } else {
        out.push(parsed);
      }
    });
    return out;
  });
}

import type { MetricDefinition } from '../document/run-builder.js';
import { excerpt } from './errors.js';

/** Values of this metric are durations, which cannot be negative (a k6 time trend: `contains: time`). */
export function holdsDurations(def: Pick<MetricDefinition, 'type' | 'contains'>): boolean {
  return def.type === 'trend' && def.contains === 'time';
}

const WHAT_TO_DO = 'k6 never writes one, so the line was changed or comes from another tool: correct or remove it';

/**
 * Why a point's value cannot be recorded, or undefined when it can: not a finite number (`1e400` reads as
 * Infinity, and a run document cannot hold it), or a negative duration. `raw` is the value as written.
 *
 * @example impossibleValue(Infinity, '1e400', 'http_req_duration', true)
 *   // "value 1e400 of metric 'http_req_duration' is not a finite number (beyond ±1.8e308); k6 never writes one, …"
 */
export function impossibleValue(value: number, raw: string, metric: string, durations: boolean): string | undefined {
  if (!Number.isFinite(value)) return `value ${excerpt(raw, 30)} of metric '${excerpt(metric)}' is not a finite number (beyond ±1.8e308); ${WHAT_TO_DO}`;
  if (durations && value < 0) return `value ${excerpt(raw, 30)} of metric '${excerpt(metric)}' is a negative duration (the metric is a time trend, contains: time); ${WHAT_TO_DO}`;
  return undefined;
}

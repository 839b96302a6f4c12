import type { MetricDefinition } from '../document/run-builder.js';
/** Values of this metric are durations, which cannot be negative (a k6 time trend: `contains: time`). */
export declare function holdsDurations(def: Pick<MetricDefinition, 'type' | 'contains'>): boolean;
/**
 * Why a point's value cannot be recorded, or undefined when it can: not a finite number (`1e400` reads as
 * Infinity, and a run document cannot hold it), or a negative duration. `raw` is the value as written.
 *
 * @example impossibleValue(Infinity, '1e400', 'http_req_duration', true)
 *   // "value 1e400 of metric 'http_req_duration' is not a finite number (beyond ±1.8e308); k6 never writes one, …"
 */
export declare function impossibleValue(value: number, raw: string, metric: string, durations: boolean): string | undefined;

import type { MetricType } from '../../document/run-document.js';
/** A metric both Artillery readers write, with its type and what its values are. */
interface ArtilleryMetric {
    readonly type: MetricType;
    readonly contains: 'time' | 'data' | 'default';
}
/** Network errors Artillery counts as `errors.<code>`: Node's codes (ECONNREFUSED, ETIMEDOUT, ERR_…), failed requests. */
export declare const NETWORK_ERROR: RegExp;
/** Whether an HTTP status counts as a failed request (http.failed): 400 and above. */
export declare function failedStatus(status: number): boolean;
/**
 * The metrics perf-gate reads from Artillery, under Artillery's names (docs/artillery.md): the per-request
 * stream writes these; the report reader writes them and keeps Artillery's other counters and summaries
 * under their own names.
 */
export declare const ARTILLERY_METRICS: ReadonlyMap<string, ArtilleryMetric>;
export {};

import type { MetricType } from '../../document/run-document.js';
import { ARTILLERY_ROLES } from './roles.js';

/** A metric both Artillery readers write, with its type and what its values are. */
interface ArtilleryMetric {
  readonly type: MetricType;
  readonly contains: 'time' | 'data' | 'default';
}

/** Network errors Artillery counts as `errors.<code>`: Node's codes (ECONNREFUSED, ETIMEDOUT, ERR_…), failed requests. */
export const NETWORK_ERROR = /^(E[A-Z0-9_]+|ERR_[A-Z0-9_]+)$/;

/** Whether an HTTP status counts as a failed request (http.failed): 400 and above. */
export function failedStatus(status: number): boolean {
  return status >= 400;
}

/**
 * The metrics perf-gate reads from Artillery, under Artillery's names (docs/artillery.md): the per-request
 * stream writes these; the report reader writes them and keeps Artillery's other counters and summaries
 * under their own names.
 */
export const ARTILLERY_METRICS: ReadonlyMap<string, ArtilleryMetric> = new Map<string, ArtilleryMetric>([
  [ARTILLERY_ROLES.latency, { type: 'trend', contains: 'time' }],
  [ARTILLERY_ROLES.requests, { type: 'counter', contains: 'default' }],
  [ARTILLERY_ROLES.failures, { type: 'rate', contains: 'default' }],
  // Timing phases of each response, as Artillery names them with `http.extendedMetrics`.
  ['http.dns', { type: 'trend', contains: 'time' }],
  ['http.tcp', { type: 'trend', contains: 'time' }],
  ['http.tls', { type: 'trend', contains: 'time' }],
  ['http.total', { type: 'trend', contains: 'time' }],
  ['http.downloaded_bytes', { type: 'counter', contains: 'data' }],
  ['vusers.session_length', { type: 'trend', contains: 'time' }],
]);

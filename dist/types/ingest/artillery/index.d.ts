import type { Reader } from '../reader.js';
import { ARTILLERY_ROLES } from './roles.js';
export { ARTILLERY_ROLES };
export { artilleryReportDocument, AGGREGATE_ONLY_NOTE } from './report.js';
export { readArtilleryRequests, REQUESTS_FORMAT } from './requests.js';
/**
 * Artillery's readers: the per-request lines of artillery-plugin-perf-gate (the full verdict) and the
 * `--output` report (aggregates only), both into the same metric names, so the two compare.
 */
export declare const ARTILLERY_READERS: readonly Reader[];

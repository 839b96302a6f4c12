import type { Reader } from '../reader.js';
import { ARTILLERY_METRICS } from './metrics.js';
import { artilleryReportDocument, isArtilleryReport } from './report.js';
import { isRequestsHeader, readArtilleryRequests } from './requests.js';
import { ARTILLERY_ROLES } from './roles.js';

export { ARTILLERY_ROLES };
export { artilleryReportDocument, AGGREGATE_ONLY_NOTE } from './report.js';
export { readArtilleryRequests, REQUESTS_FORMAT } from './requests.js';

const artillery = { tool: 'artillery', roles: ARTILLERY_ROLES, knownMetrics: ARTILLERY_METRICS } as const;

/**
 * Artillery's readers: the per-request lines of artillery-plugin-perf-gate (the full verdict) and the
 * `--output` report (aggregates only), both into the same metric names, so the two compare.
 */
export const ARTILLERY_READERS: readonly Reader[] = [
  { ...artillery, kind: 'stream', format: 'artillery-requests', sniff: (head) => isRequestsHeader(head.firstLine), read: readArtilleryRequests },
  { ...artillery, kind: 'summary', format: 'artillery-report', sniff: isArtilleryReport, read: artilleryReportDocument },
];

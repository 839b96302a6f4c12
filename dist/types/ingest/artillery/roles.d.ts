import type { MetricRoles } from '../../document/roles.js';
/**
 * Artillery's names for what the gate judges. `http.response_time` and `http.requests` are Artillery's own
 * (the time to the first byte, and requests sent); `http.failed` is perf-gate's: a Rate whose point per
 * request is 1 when the answer's status is 400 or more or no answer came (a network error such as
 * ECONNREFUSED or ETIMEDOUT), else 0 — Artillery itself keeps only counters of codes and errors.
 */
export declare const ARTILLERY_ROLES: MetricRoles;

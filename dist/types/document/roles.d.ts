/** The metric names of what the gate judges, as a tool calls them (see RunDocument meta.roles). */
export interface MetricRoles {
    /** Times each request: k6's http_req_duration. */
    readonly latency: string;
    /** Counts requests: k6's http_reqs. */
    readonly requests: string;
    /** The rate of failed requests: k6's http_req_failed. */
    readonly failures: string;
}
/** k6's names; also what a run document without `meta.roles` means (those were all k6-shaped). */
export declare const K6_ROLES: MetricRoles;

import type { StagePolicy } from '../config/policy.js';
import { type MetricRoles } from '../document/roles.js';
import type { RunDocument } from '../document/run-document.js';
/** The roles a policy may name in any tool's run. */
export declare const ROLE_NAMES: readonly ["latency", "requests", "failures"];
/** One name of the policy the runs know by their tool's name. */
export interface RoleRename {
    readonly from: string;
    readonly to: string;
    readonly role: keyof MetricRoles;
}
/**
 * The policy in the runs' own names: a threshold (or the latency metric) on a role name that neither run
 * has as a metric (`http_req_duration{name:login}` against JMeter's run, `failures` against k6's) is
 * renamed to the metric that plays the role in the current run (`elapsed{name:login}`, `http_req_failed`).
 * So the presets' SLOs and a k6 user's thresholds hold for every tool, and each tool's own names work as
 * they are. A name some run has as a metric is never renamed: a k6 script's own Trend called `latency` is
 * that Trend. Anything else is left for the policy check, which reports it as unknown.
 *
 * @example withRunNames(smokePolicy, JMETER_ROLES, [jmeterRun]).renamed
 *   // [{ from: 'http_req_duration', to: 'elapsed', role: 'latency' }, { from: 'http_req_failed', to: 'failed', role: 'failures' }]
 */
export declare function withRunNames(policy: StagePolicy, roles: MetricRoles, runs: readonly RunDocument[]): {
    readonly policy: StagePolicy;
    readonly renamed: readonly RoleRename[];
};
/**
 * The report's note on the renames: `Thresholds on http_req_duration and http_req_failed were judged on
 * jmeter's elapsed and failed (the same roles).`
 */
export declare function renameNote(renamed: readonly RoleRename[], tool: string): string | undefined;

import { formatMetricSelector, tryParseMetricSelector } from '../config/metric-selector.js';
import type { StagePolicy } from '../config/policy.js';
import { K6_ROLES, type MetricRoles } from '../document/roles.js';
import type { RunDocument } from '../document/run-document.js';

/** The roles a policy may name in any tool's run. */
export const ROLE_NAMES = ['latency', 'requests', 'failures'] as const satisfies readonly (keyof MetricRoles)[];

/**
 * The names that mean a role whatever the tool: the role's own word (`latency`, `requests`, `failures`)
 * and k6's metric for it, the vocabulary of the presets and of most users' thresholds
 * (`http_req_duration`, `http_reqs`, `http_req_failed`).
 */
function roleOf(metric: string): keyof MetricRoles | undefined {
  for (const role of ROLE_NAMES) if (metric === role || metric === K6_ROLES[role]) return role;
  return undefined;
}

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
export function withRunNames(policy: StagePolicy, roles: MetricRoles, runs: readonly RunDocument[]): { readonly policy: StagePolicy; readonly renamed: readonly RoleRename[] } {
  const known = (metric: string): boolean => runs.some((r) => r.metrics[metric] !== undefined || Object.values(r.scopes).some((s) => s.metric === metric));
  const renamed = new Map<string, RoleRename>();
  const rename = (key: string): string => {
    const selector = tryParseMetricSelector(key);
    if ('error' in selector || known(selector.metric)) return key;
    const role = roleOf(selector.metric);
    if (role === undefined || roles[role] === selector.metric) return key;
    renamed.set(selector.metric, { from: selector.metric, to: roles[role], role });
    return formatMetricSelector({ ...selector, metric: roles[role] });
  };
  const thresholds = policy.thresholds.map((t) => {
    const metric = rename(t.metric);
    return metric === t.metric ? t : { ...t, metric };
  });
  const latencyMetric = policy.latencyMetric === undefined ? undefined : rename(policy.latencyMetric);
  if (renamed.size === 0) return { policy, renamed: [] };
  return { policy: { ...policy, thresholds, ...(latencyMetric !== undefined ? { latencyMetric } : {}) }, renamed: [...renamed.values()] };
}

/**
 * The report's note on the renames: `Thresholds on http_req_duration and http_req_failed were judged on
 * jmeter's elapsed and failed (the same roles).`
 */
export function renameNote(renamed: readonly RoleRename[], tool: string): string | undefined {
  if (renamed.length === 0) return undefined;
  const list = (names: readonly string[]): string => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);
  return `Thresholds on ${list(renamed.map((r) => r.from))} were judged on ${tool}'s ${list(renamed.map((r) => r.to))} (the same ${renamed.length === 1 ? 'role' : 'roles'}: ${list(renamed.map((r) => r.role))}).`;
}

import type { StagePolicy } from '../config/policy.js';
import type { ScriptThreshold } from './ports.js';

/**
 * The policy with the load script's own thresholds added, so that they are judged on the data like the
 * config's SLOs (a k6 exit 99 becomes findings). A threshold the config already has (same metric, same
 * expression) is not added twice. Pure.
 */
export function withScriptThresholds(policy: StagePolicy, fromScript: readonly ScriptThreshold[]): StagePolicy {
  if (fromScript.length === 0) return policy;
  const key = (metric: string, source: string): string => `${metric}\u0000${source}`;
  const known = new Set(policy.thresholds.flatMap((t) => t.expressions.map((e) => key(t.metric, e.source))));
  const added = fromScript
    .map((t) => ({ metric: t.metric, expressions: t.expressions.filter((e) => !known.has(key(t.metric, e.source))), origin: 'script' as const }))
    .filter((t) => t.expressions.length > 0);
  return { ...policy, thresholds: [...policy.thresholds, ...added] };
}

import { resolvePolicy, type StagePolicy } from '../config/policy.js';
import type { PerfGateConfig } from '../config/schema.js';
import { checkPolicyBeforeRun } from '../gate/check-policy.js';
import { K6_BUILTIN_METRICS } from '../ingest/k6/builtin-metrics.js';

/** A stage to run and the policy it is judged under. */
export interface PlannedStage {
  readonly stage: string;
  readonly policy: StagePolicy;
}

/**
 * The stages to run with their policies, checked before any load is sent: an unknown stage, or a
 * threshold that cannot fit a built-in metric (`p(95)` on the `http_req_failed` rate), fails here, not
 * after minutes of load. Pure.
 *
 * @throws ConfigError naming the stage or the threshold's key.
 */
export function planStages(config: PerfGateConfig, stages: readonly string[]): PlannedStage[] {
  return stages.map((stage) => {
    const policy = resolvePolicy(config, stage);
    checkPolicyBeforeRun(policy, K6_BUILTIN_METRICS);
    return { stage, policy };
  });
}

/**
 * A caller's override of the sequential budget (`--max-duration`, the Action's `max-duration`): how long a
 * sequential stage may run on when its answer is still open at the planned length (config
 * `stages.<s>.sequential.maxDuration`), set for one run without editing the config. Pure.
 */
import { parseDurationSeconds } from '../config/duration.js';
import type { PlannedStage } from './plan-stages.js';

/**
 * The stages with every sequential stage's budget set to `value`; a problem, in the caller's name for the
 * setting, when `value` is no duration, when it is shorter than a stage's planned length, or when no stage
 * is sequential (the budget would silently do nothing).
 *
 * @example withMaxDuration(planned, '5m', '--max-duration') // sequential stages may run up to 300 s
 */
export function withMaxDuration(stages: readonly PlannedStage[], value: string, name: string): { readonly stages: PlannedStage[] } | { readonly problem: string } {
  const seconds = parseDurationSeconds(value);
  if (seconds === undefined || !(seconds > 0)) return { problem: `${name} must be a duration such as 90s or 5m, but got '${value}'` };
  const sequential = stages.filter((s) => s.policy.sequential !== undefined);
  if (sequential.length === 0) {
    return { problem: `${name} is the budget of a sequential stage, but ${stages.map((s) => s.stage).join(', ')} ${stages.length === 1 ? 'is' : 'are'} not sequential — set stages.<name>.sequential in the config (docs/sequential.md), or leave ${name} out` };
  }
  const short = sequential.filter((s) => s.policy.sequential!.plannedSeconds > seconds);
  if (short.length > 0) {
    return { problem: `${name} ${value} is shorter than the planned length of ${short.map((s) => `${s.stage} (${s.policy.sequential!.plannedSeconds} s)`).join(', ')}: the budget is how long a stage may run on past its plan when the answer is still open` };
  }
  return { stages: stages.map((s) => (s.policy.sequential ? { ...s, policy: { ...s.policy, sequential: { ...s.policy.sequential, maxSeconds: seconds } } } : s)) };
}

import type { StagePolicy } from '../config/policy.js';
import { isInsufficient } from '../stats/insufficient.js';
import { sampleSizeFactor } from '../stats/sample-size-factor.js';
import type { Finding, StagePower } from './verdict.js';

/**
 * How much the least-powered endpoint of a stage could see: the judged endpoint whose typical-latency test
 * had the largest minimum detectable effect, and the run length at which that test would catch the
 * configured limit with the same power. Assumes a longer run keeps the request rate, the spread and the
 * clustering in time; the run-to-run noise floor does not shrink with length, so past it no length helps.
 * Undefined when no endpoint was tested.
 */
export function stagePower(findings: readonly Finding[], policy: StagePolicy, durationSeconds: number): StagePower | undefined {
  let weakest: Finding | undefined;
  for (const f of findings) {
    if (f.kind !== 'latency' || f.statistic !== 'med' || f.scope === undefined || f.details?.detectable === undefined) continue;
    if (weakest === undefined || f.details.detectable.change > weakest.details!.detectable!.change) weakest = f;
  }
  const d = weakest?.details?.detectable;
  if (weakest?.scope === undefined || d === undefined) return undefined;
  const limit = policy.regression.latency.maxIncrease;
  const common = { scope: weakest.scope, detectable: d.change, limit, durationSeconds };
  const factor = sampleSizeFactor(d.withinSe, d.noiseSe, Math.log1p(limit), { alpha: d.alpha, power: d.power });
  if (isInsufficient(factor)) return factor.cause === 'no-spread' && d.withinSe > 0 ? { ...common, unreachable: true } : common;
  return { ...common, neededSeconds: durationSeconds * factor };
}

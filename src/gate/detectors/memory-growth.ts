import type { Assessment } from '../assessment.js';
import type { Detector } from '../detector.js';
import { MEMORY_METRIC } from '../memory-trend.js';

/**
 * Endurance stages: does the GC floor keep climbing? Growth over the run at the steady-state slope beyond
 * `memoryGrowth`, and (with `leak: true`) a leak — that growth with a slope credibly above 0 both over the
 * steady state and over the whole time after warm-up, so a heap that sizes itself in steps is no leak.
 */
export const memoryGrowth: Detector = {
  id: 'memory-growth',
  each: 'run',
  needs: 'current',
  detect({ policy, memory }) {
    const e = policy.endurance;
    const current = memory.current;
    if (!e || !current) return [];
    const growthLimit = { kind: 'max-increase' as const, max: e.memoryGrowth };
    if (current.growth === undefined || current.steadySlopeInterval === undefined || current.slopeInterval === undefined || current.steadySlopeMBPerHour === undefined) {
      return [{ metric: MEMORY_METRIC, kind: 'leak', statistic: 'slope', unit: 'MB/h', limit: growthLimit, beyond: false, insufficient: 'too few memory samples after warm-up to fit a slope', shortfall: 'too-short' }];
    }
    const growing = current.growth > e.memoryGrowth;
    const credible = current.steadySlopeInterval.lower > 0 && current.slopeInterval.lower > 0;
    const details = {
      memory: {
        startBytes: current.startBytes,
        endBytes: current.endBytes,
        slopeMBPerHour: current.steadySlopeMBPerHour,
        slopeInterval: current.steadySlopeInterval,
        growth: current.growth,
        growthLimit: e.memoryGrowth,
      },
    };
    const out: Assessment[] = [{
      metric: MEMORY_METRIC,
      kind: 'memory',
      statistic: 'growth',
      unit: 'fraction',
      current: current.growth,
      change: current.growth,
      limit: growthLimit,
      beyond: growing,
      intervalExcludesNoChange: credible,
      deterministic: credible,
      details,
    }];
    if (e.leak) {
      out.push({
        metric: MEMORY_METRIC,
        kind: 'leak',
        statistic: 'slope',
        unit: 'MB/h',
        current: current.steadySlopeMBPerHour,
        limit: { kind: 'no-sustained-growth' },
        beyond: growing && credible,
        intervalExcludesNoChange: credible,
        deterministic: true,
        details,
      });
    }
    return out;
  },
};

import type { Assessment } from '../assessment.js';
import type { Detector } from '../detector.js';
import { MEMORY_METRIC } from '../memory-trend.js';

const MB = 1024 * 1024;

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
    const common = { metric: MEMORY_METRIC };
    if (current.growth === undefined || current.steadySlopeInterval === undefined || current.slopeInterval === undefined || current.steadySlopeMBPerHour === undefined) {
      return [{ ...common, kind: 'leak', statistic: 'slope', threshold: `+${Math.round(e.memoryGrowth * 100)} %`, beyond: false, insufficient: 'too few memory samples after warm-up to fit a slope', shortfall: 'too-short' }];
    }
    const slope = current.steadySlopeMBPerHour;
    const growing = current.growth > e.memoryGrowth;
    const credible = current.steadySlopeInterval.lower > 0 && current.slopeInterval.lower > 0;
    const out: Assessment[] = [{
      ...common,
      kind: 'memory',
      statistic: 'growth',
      current: current.growth,
      change: current.growth,
      threshold: `+${Math.round(e.memoryGrowth * 100)} %`,
      beyond: growing,
      intervalExcludesNoChange: credible,
      deterministic: credible,
      note: `resident memory ${fmtMB(current.startBytes)} → ${fmtMB(current.endBytes)} after warm-up, steady-state slope ${fmtSlope(slope)} MB/h`,
    }];
    if (e.leak) {
      out.push({
        ...common,
        kind: 'leak',
        statistic: 'slope',
        current: slope,
        threshold: 'no sustained growth',
        beyond: growing && credible,
        intervalExcludesNoChange: credible,
        deterministic: true,
        note: `slope ${fmtSlope(slope)} MB/h (95 % CI ${fmtSlope(current.steadySlopeInterval.lower)} … ${fmtSlope(current.steadySlopeInterval.upper)}), growth ${(current.growth * 100).toFixed(1)} % over the run, limit ${Math.round(e.memoryGrowth * 100)} %`,
      });
    }
    return out;
  },
};

function fmtSlope(mbPerHour: number): string {
  return Math.abs(mbPerHour) >= 100 ? mbPerHour.toFixed(0) : mbPerHour.toFixed(1);
}

function fmtMB(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

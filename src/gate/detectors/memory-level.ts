import { isInsufficient } from '../../stats/insufficient.js';
import { logRatioTest } from '../../stats/log-ratio-test.js';
import { shortfallOf } from '../assessment.js';
import type { Detector } from '../detector.js';
import { MEMORY_METRIC } from '../memory-trend.js';

/** Memory against the baseline: the steady-state level of the GC floor, +25 % by default. */
export const memoryLevel: Detector = {
  id: 'memory-level',
  each: 'run',
  needs: 'baseline',
  detect({ policy, baseline, memory }) {
    const current = memory.current;
    if (!current || !baseline.doc.memory) return [];
    const limit = policy.regression.memory.maxIncrease;
    const common = { kind: 'memory' as const, metric: MEMORY_METRIC, statistic: 'level', unit: 'bytes' as const, limit: { kind: 'max-increase' as const, max: limit } };
    const before = memory.baseline;
    if (!before) return [{ ...common, current: current.levelBytes, beyond: false, insufficient: 'no baseline memory samples', shortfall: 'missing' }];
    const change = current.levelBytes / before.levelBytes - 1;
    const base = { ...common, baseline: before.levelBytes, current: current.levelBytes, change, beyond: change > limit };
    // The floor's wobble within each run (not divided by √n: floor samples are strongly autocorrelated)
    // plus the run-to-run noise of both runs.
    const noise = policy.runToRunNoise;
    const test = logRatioTest(Math.log(current.levelBytes / before.levelBytes), [before.levelLogSd, current.levelLogSd, noise, noise]);
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: shortfallOf(test) }];
    return [{ ...base, pValue: test.pGreater, interval: { lower: test.lower, upper: test.upper }, intervalExcludesNoChange: test.lower > 0 }];
  },
};

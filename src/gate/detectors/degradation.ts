import type { TrendWindow } from '../../document/run-document.js';
import { totalCount } from '../../stats/distribution.js';
import { isInsufficient } from '../../stats/insufficient.js';
import { percentile } from '../../stats/percentile.js';
import { relativeShiftTest } from '../../stats/relative-shift-test.js';
import { shortfallOf } from '../assessment.js';
import type { Detector } from '../detector.js';
import { designEffectOfWindows } from '../../document/run-level.js';

/**
 * Degradation within one run (endurance): the typical latency of the last third of the run after warm-up
 * against its first third, with the same shift test as between runs (the two thirds play baseline and
 * current; windows give the design effect). No run-to-run noise is added: it is the same run.
 */
export const degradation: Detector = {
  id: 'degradation',
  each: 'run',
  needs: 'current',
  detect({ policy, roles, current: run }) {
    const e = policy.endurance;
    if (!e) return [];
    const metric = roles.latency;
    const widthMs = run.doc.windows.widthMs;
    const startMs = Date.parse(run.doc.meta.start);
    const windows = run.windows(metric, 'trend').filter((w) => run.doc.windows.originMs + w.i * widthMs - startMs >= e.warmupSeconds * 1000);
    const common = { kind: 'degradation' as const, metric, statistic: 'med', unit: run.unitOf(metric), limit: { kind: 'max-increase' as const, max: e.degradation } };
    if (windows.length < 6) return [{ ...common, beyond: false, insufficient: `only ${windows.length} time windows after a ${e.warmupSeconds} s warm-up (needs ≥ 6)`, shortfall: 'too-short' }];
    const third = Math.floor(windows.length / 3);
    const early = windows.slice(0, third);
    const late = windows.slice(windows.length - third);
    const earlyD = run.windowDistribution(metric, first(early), last(early) + 1);
    const lateD = run.windowDistribution(metric, first(late), last(late) + 1);
    const ne = totalCount(earlyD);
    const nl = totalCount(lateD);
    const deff = (designEffectOfWindows(early) * total(early) + designEffectOfWindows(late) * total(late)) / Math.max(1, total(early) + total(late));
    const ev = relativeShiftTest(earlyD, lateD, { designEffect: deff, noise: 0 });
    if (isInsufficient(ev)) return [{ ...common, beyond: false, insufficient: ev.reason, shortfall: shortfallOf(ev) }];
    const change = Math.expm1(ev.test.logRatio);
    const before = percentile(earlyD, 0.5);
    const after = percentile(lateD, 0.5);
    return [{
      ...common,
      ...(!isInsufficient(before) && ne > 0 ? { baseline: before } : {}),
      ...(!isInsufficient(after) && nl > 0 ? { current: after } : {}),
      change,
      beyond: change > e.degradation,
      pValue: ev.pGreater,
      interval: { lower: ev.test.lower, upper: ev.test.upper },
      intervalExcludesNoChange: ev.test.lower > 0,
      details: { compared: 'last-third-vs-first-third' as const },
    }];
  },
};

function first(ws: readonly TrendWindow[]): number {
  return ws[0]!.i;
}
function last(ws: readonly TrendWindow[]): number {
  return ws[ws.length - 1]!.i;
}
function total(ws: readonly TrendWindow[]): number {
  return ws.reduce((a, w) => a + w.count, 0);
}

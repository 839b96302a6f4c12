import type { StagePolicy } from '../config/policy.js';
import type { Window } from '../document/run-document.js';
import { isInsufficient } from '../stats/insufficient.js';
import { shortfallOf, type Assessment } from './assessment.js';
import { shiftEvidence } from './latency.js';
import { designEffectOfWindows } from './noise.js';
import type { RunView } from '../document/run-view.js';

/**
 * Degradation within one run (endurance): the typical latency of the last third of the run after warm-up
 * against its first third, with the same shift test as between runs (the two thirds play baseline and
 * current; windows give the design effect). No run-to-run noise is added: it is the same run.
 */
export function assessDegradation(run: RunView, latencyScope: string, policy: StagePolicy): Assessment | undefined {
  const e = policy.endurance;
  if (!e) return undefined;
  const widthMs = run.doc.windows.widthMs;
  const startMs = Date.parse(run.doc.meta.start);
  const windows = run.windows(latencyScope).filter((w) => run.doc.windows.originMs + w.i * widthMs - startMs >= e.warmupSeconds * 1000);
  const common = { kind: 'degradation' as const, metric: latencyScope, statistic: 'med', threshold: `+${Math.round(e.degradation * 100)} %`, harmful: 'increase' as const };
  if (windows.length < 6) return { ...common, beyond: false, insufficient: `only ${windows.length} time windows after a ${e.warmupSeconds} s warm-up (needs ≥ 6)`, shortfall: 'too-short' };
  const third = Math.floor(windows.length / 3);
  const early = windows.slice(0, third);
  const late = windows.slice(windows.length - third);
  const earlyD = run.windowDistribution(latencyScope, first(early), last(early) + 1);
  const lateD = run.windowDistribution(latencyScope, first(late), last(late) + 1);
  const ne = total(early);
  const nl = total(late);
  const deff = (designEffectOfWindows(early) * ne + designEffectOfWindows(late) * nl) / Math.max(1, ne + nl);
  const ev = shiftEvidence(earlyD, lateD, deff, 0);
  if (isInsufficient(ev)) return { ...common, beyond: false, insufficient: ev.reason, shortfall: shortfallOf(ev) };
  const change = Math.expm1(ev.test.logRatio);
  return {
    ...common,
    baseline: Math.exp(medianLog(earlyD)),
    current: Math.exp(medianLog(lateD)),
    change,
    beyond: change > e.degradation,
    pValue: ev.pValue,
    interval: { lower: ev.test.lower, upper: ev.test.upper },
    intervalExcludesNoChange: ev.test.lower > 0,
    note: 'last third of the run against its first third, after warm-up',
  };
}

function first(ws: readonly Window[]): number {
  return ws[0]!.i;
}
function last(ws: readonly Window[]): number {
  return ws[ws.length - 1]!.i;
}
function total(ws: readonly Window[]): number {
  return ws.reduce((a, w) => a + w.count, 0);
}
function medianLog(d: readonly { value: number; count: number }[]): number {
  const n = d.reduce((a, b) => a + b.count, 0);
  let acc = 0;
  for (const b of d) {
    acc += b.count;
    if (acc >= n / 2) return Math.log(Math.max(b.value, 1e-6));
  }
  return 0;
}

/**
 * Capacity, for runs whose load grows (stress and spike stages, any ramp): the highest request rate the
 * service held while its latency and errors stayed within the rule, and the knee where they broke away.
 * Read from the run's time windows; compared with the baseline's ("capacity 940 → 610 req/s"). Pure.
 *
 * The rule is the stage's own SLOs on the whole run's latency and failure rate when it has them (`p(95)<500`,
 * `rate<0.01`), applied to each window; else the latency's break-away from its level at the lowest load
 * (p95 more than BREAK_AWAY times it) and more than 1 % failed requests. "Held" means SUSTAIN windows in a
 * row met the rule; their median rate is what was sustained.
 */
import type { ThresholdExpression } from '../config/threshold.js';
import type { ThresholdSet } from '../config/schema.js';
import type { RunView } from '../document/run-view.js';
import { WindowSketch } from '../document/window-sketch.js';
import { isInsufficient } from '../stats/insufficient.js';
import { mean } from '../stats/percentile.js';
import { quantileSorted } from '../stats/quantile-sorted.js';

/** Consecutive windows that must all meet the rule for their rate to count as held. */
export const SUSTAIN = 3;
/** A window with fewer requests has no p95 worth judging: it neither holds nor breaks the rule. */
export const MIN_WINDOW_REQUESTS = 20;
/** Without SLOs: the latency broke away when its p95 exceeds this multiple of its level at the lowest load. */
export const BREAK_AWAY = 2;
/** Without an SLO on failures: the share of failed requests that breaks the rule. */
export const DEFAULT_ERROR_RATE = 0.01;
/** The load grew when its top (90th percentile over the windows) is at least this multiple of its bottom (10th). */
const GROWTH = 2;

/** What a window is held to. */
export interface CapacityRule {
  /**
   * The latency statistic (a fraction for a percentile, `avg`, `med`) and the limit in ms, and whence: the
   * stage's SLO, or the break-away from the level at the lowest load (of the baseline when there is one).
   */
  readonly latency?: { readonly statistic: number | 'avg' | 'med'; readonly belowMs: number; readonly from: 'slo' | 'break-away' };
  /** The failed-request share a window must stay below, and whence: the stage's SLO or DEFAULT_ERROR_RATE. */
  readonly errorRate: number;
  readonly errorRateFrom: 'slo' | 'default';
}

export interface Capacity {
  /** The highest rate held over SUSTAIN windows in a row that met the rule (their median rate), req/s; absent when no such run of windows was seen. */
  readonly sustainedRps?: number;
  /** The most virtual users during those windows (k6's `vus` gauge), when the run has it. */
  readonly sustainedVus?: number;
  /** The first window, after one that met the rule, that broke it: when (seconds from the run's start), the rate and VUs there, and what broke. */
  readonly knee?: { readonly atSeconds: number; readonly rps: number; readonly vus?: number; readonly broke: 'latency' | 'errors' };
  readonly rule: CapacityRule;
  /** Windows judged (with enough requests) and of those, how many met the rule. */
  readonly windows: number;
  readonly windowsMet: number;
  readonly windowSeconds: number;
}

export interface CapacityComparison {
  readonly current: Capacity;
  readonly baseline?: Capacity;
  /** current / baseline − 1 of the sustained rates, when both have one. */
  readonly change?: number;
}

interface WindowFigures {
  readonly i: number;
  readonly rps: number;
  readonly vus?: number;
  /**
   * The window's latencies (its stored sketch, flat), when it has enough requests to judge: decoded when
   * a statistic is asked of it. Decoded up front, every window's buckets were built as objects, and held
   * until the end, for runs whose load never grew (most of them), where no window is judged.
   */
  readonly latency?: readonly number[];
  readonly errorRate?: number;
}

/**
 * Both runs' capacity; undefined unless the current run's load grew (a constant-load stage has no knee to find).
 *
 * @example compareCapacity(baselineView, currentView, roles, policy.thresholds)?.change // −0.35
 */
export function compareCapacity(
  baseline: RunView | undefined,
  current: RunView,
  roles: { readonly latency: string; readonly requests: string; readonly failures: string },
  thresholds: readonly ThresholdSet[],
): CapacityComparison | undefined {
  if (capacityOf(current, roles, thresholds) === undefined) return undefined;
  // One yardstick for both: without an SLO, the break-away level is the baseline's at its lowest load.
  const before = baseline ? capacityOf(baseline, roles, thresholds, { onlyWhenGrowing: false }) : undefined;
  const now = capacityOf(current, roles, thresholds, before ? { rule: before.rule } : {});
  if (now === undefined) return undefined;
  const change = now.sustainedRps !== undefined && before?.sustainedRps !== undefined && before.sustainedRps > 0 ? now.sustainedRps / before.sustainedRps - 1 : undefined;
  return { current: now, ...(before ? { baseline: before } : {}), ...(change !== undefined ? { change } : {}) };
}

/**
 * One run's capacity; undefined when its load did not grow (unless `onlyWhenGrowing` is false) or it has no
 * windows to read. `rule` replaces the one the run's own windows and thresholds give.
 */
export function capacityOf(
  view: RunView,
  roles: { readonly latency: string; readonly requests: string; readonly failures: string },
  thresholds: readonly ThresholdSet[],
  options: { readonly onlyWhenGrowing?: boolean; readonly rule?: CapacityRule } = {},
): Capacity | undefined {
  const windowSeconds = view.doc.windows.widthMs / 1000;
  const figures = windowFigures(view, roles, windowSeconds);
  const judged = figures.filter((w) => w.latency !== undefined || w.errorRate !== undefined);
  if (judged.length < SUSTAIN || windowSeconds <= 0) return undefined;
  if ((options.onlyWhenGrowing ?? true) && !loadGrew(judged)) return undefined;
  const rule = options.rule ?? ruleOf(judged, roles, thresholds);
  let best: { rps: number; vus?: number } | undefined;
  let knee: Capacity['knee'];
  let metSeen = false;
  let streak: WindowFigures[] = [];
  let met = 0;
  for (const w of figures) {
    const verdict = judge(w, rule);
    if (verdict === 'unknown') {
      streak = [];
      continue;
    }
    if (verdict === 'met') {
      met++;
      metSeen = true;
      streak.push(w);
      if (streak.length > SUSTAIN) streak.shift();
      if (streak.length === SUSTAIN) {
        // The middle of the three: on a plateau (k6's stepped stress) all are equal; on a steady ramp the
        // slowest would understate by a window's growth, the fastest claim a rate held for one window only.
        const rps = [...streak.map((x) => x.rps)].sort((a, b) => a - b)[Math.floor(SUSTAIN / 2)]!;
        const vusSeen = streak.flatMap((x) => (x.vus !== undefined ? [x.vus] : []));
        if (best === undefined || rps > best.rps) best = { rps, ...(vusSeen.length > 0 ? { vus: Math.max(...vusSeen) } : {}) };
      }
      continue;
    }
    streak = [];
    if (metSeen && knee === undefined) knee = { atSeconds: (w.i + 1) * windowSeconds - startOffsetSeconds(view), rps: w.rps, ...(w.vus !== undefined ? { vus: w.vus } : {}), broke: verdict };
  }
  return {
    ...(best ? { sustainedRps: best.rps, ...(best.vus !== undefined ? { sustainedVus: best.vus } : {}) } : {}),
    ...(knee ? { knee: { ...knee, atSeconds: Math.max(0, knee.atSeconds) } } : {}),
    rule,
    windows: judged.length,
    windowsMet: met,
    windowSeconds,
  };
}

/** Seconds from the windows' origin to the run's start, so a knee is told from the run's start. */
function startOffsetSeconds(view: RunView): number {
  const start = Date.parse(view.doc.meta.start);
  return Number.isFinite(start) ? (start - view.doc.windows.originMs) / 1000 : 0;
}

function windowFigures(view: RunView, roles: { readonly latency: string; readonly requests: string; readonly failures: string }, windowSeconds: number): WindowFigures[] {
  const requests = view.windows(roles.requests, 'counter');
  const latency = new Map(view.windows(roles.latency, 'trend').map((w) => [w.i, w]));
  const failures = new Map(view.windows(roles.failures, 'rate').map((w) => [w.i, w]));
  const vus = new Map(view.windows('vus', 'gauge').map((w) => [w.i, w.max]));
  return requests
    .filter((w) => w.count > 0)
    .sort((a, b) => a.i - b.i)
    .map((w) => {
      const lat = latency.get(w.i);
      const fail = failures.get(w.i);
      const v = vus.get(w.i);
      return {
        i: w.i,
        rps: w.count / windowSeconds,
        ...(v !== undefined ? { vus: v } : {}),
        ...(lat && lat.count >= MIN_WINDOW_REQUESTS ? { latency: lat.sketch } : {}),
        ...(fail && fail.count >= MIN_WINDOW_REQUESTS ? { errorRate: fail.passes / fail.count } : {}),
      };
    });
}

/** Whether the load grew over the run: VUs when the run has the gauge, else the request rate. */
function loadGrew(windows: readonly WindowFigures[]): boolean {
  const load = windows.map((w) => w.vus ?? w.rps).filter((x) => x > 0).sort((a, b) => a - b);
  if (load.length < SUSTAIN * 2) return false;
  return quantileSorted(load, 0.9) >= GROWTH * quantileSorted(load, 0.1);
}

function ruleOf(windows: readonly WindowFigures[], roles: { readonly latency: string; readonly failures: string }, thresholds: readonly ThresholdSet[]): CapacityRule {
  const latencySlo = firstUpperBound(thresholds, roles.latency, (e) => e.aggregation.kind === 'percentile' || e.aggregation.kind === 'avg' || e.aggregation.kind === 'med');
  const errorSlo = firstUpperBound(thresholds, roles.failures, (e) => e.aggregation.kind === 'rate');
  const errors = errorSlo ? { errorRate: errorSlo.value, errorRateFrom: 'slo' as const } : { errorRate: DEFAULT_ERROR_RATE, errorRateFrom: 'default' as const };
  if (latencySlo) {
    const a = latencySlo.aggregation;
    const statistic = a.kind === 'percentile' ? a.p / 100 : a.kind === 'avg' ? 'avg' : 'med';
    return { latency: { statistic, belowMs: latencySlo.value, from: 'slo' }, ...errors };
  }
  // Break-away: the p95 at the lowest load (the median p95 of the quarter of windows with the lowest rate).
  const withLatency = windows.filter((w) => w.latency !== undefined).sort((a, b) => a.rps - b.rps);
  const low = withLatency.slice(0, Math.max(1, Math.floor(withLatency.length / 4)));
  const levels = low.map((w) => statisticOf(w, 0.95)).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  const level = levels.length > 0 ? quantileSorted(levels, 0.5) : undefined;
  return { ...(level !== undefined && level > 0 ? { latency: { statistic: 0.95, belowMs: level * BREAK_AWAY, from: 'break-away' as const } } : {}), ...errors };
}

/** The first `metric < x` / `metric <= x` expression of the whole run's metric (no submetric selector) that `accept` takes. */
function firstUpperBound(thresholds: readonly ThresholdSet[], metric: string, accept: (e: ThresholdExpression) => boolean): ThresholdExpression | undefined {
  for (const set of thresholds) {
    if (set.metric !== metric) continue;
    const e = set.expressions.find((x) => (x.operator === '<' || x.operator === '<=') && accept(x));
    if (e) return e;
  }
  return undefined;
}

function statisticOf(w: WindowFigures, statistic: number | 'avg' | 'med'): number | undefined {
  if (w.latency === undefined) return undefined;
  const sketch = WindowSketch.decode(w.latency);
  const v = statistic === 'avg' ? mean(sketch.distribution()) : sketch.percentile(statistic === 'med' ? 0.5 : statistic);
  return isInsufficient(v) ? undefined : v;
}

function judge(w: WindowFigures, rule: CapacityRule): 'met' | 'latency' | 'errors' | 'unknown' {
  const latency = rule.latency ? statisticOf(w, rule.latency.statistic) : undefined;
  if (latency === undefined && w.errorRate === undefined) return 'unknown';
  if (w.errorRate !== undefined && w.errorRate >= rule.errorRate) return 'errors';
  if (rule.latency && latency !== undefined && latency >= rule.latency.belowMs) return 'latency';
  return 'met';
}

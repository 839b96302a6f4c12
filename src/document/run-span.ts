import type { TimeBin } from './time-profile.js';

/**
 * The rule that tells a stray point from the run. A part of the run at its start or end is set aside when
 * it is small — at most `maxShare` of all points and of the reference points (requests; iterations when
 * there are none; all points when there are neither) — and an empty gap of at least
 * `max(minGapMs, gapRatio × the rest's span)` separates it from the rest.
 *
 * k6 writes `vus` every second from the start of setup() to the end of teardown(), through quiet periods
 * and a scenario's `startTime` delay, so a real run has no empty gap of seconds: ramp-ups, spike tests'
 * quiet periods and setup or teardown requests right next to the load are never set aside. A part made of
 * a few points an hour away (a clock jump, a line from another run) is.
 */
export const SPAN_RULE = { maxShare: 0.01, minGapMs: 5_000, gapRatio: 0.1 } as const;

/** Points at one end of the run that the span leaves out. */
export interface SetAside {
  readonly side: 'before' | 'after';
  readonly points: number;
  /** Metric ids of the points. */
  readonly metrics: readonly number[];
  readonly firstMs: number;
  readonly lastMs: number;
  /** The empty gap between these points and the run. */
  readonly gapMs: number;
}

export interface RunSpan {
  /** Time of the run's first and last point, the set-aside parts left out. */
  readonly firstMs: number;
  readonly lastMs: number;
  readonly setAside: readonly SetAside[];
}

type Reference = 'requests' | 'iterations' | 'points';

/**
 * The span of the run in `bins` (sorted by time), with the small parts far from its bulk set aside by
 * {@link SPAN_RULE}. Undefined when there are no points.
 *
 * @example
 * // 2 119 requests over 20 s, and one `vus` point an hour later: the span is the 20 s, the point is set aside.
 */
export function runSpan(bins: readonly TimeBin[], rule: typeof SPAN_RULE = SPAN_RULE): RunSpan | undefined {
  const n = bins.length;
  if (n === 0) return undefined;
  let points = 0;
  let requests = 0;
  let iterations = 0;
  for (const b of bins) {
    points += b.points;
    requests += b.requests;
    iterations += b.iterations;
  }
  const reference: Reference = requests > 0 ? 'requests' : iterations > 0 ? 'iterations' : 'points';
  const refOf = (b: TimeBin): number => (reference === 'requests' ? b.requests : reference === 'iterations' ? b.iterations : b.points);
  const maxPoints = rule.maxShare * points;
  const maxRefs = rule.maxShare * (reference === 'requests' ? requests : reference === 'iterations' ? iterations : points);
  const farEnough = (gapMs: number, restMs: number): boolean => gapMs >= Math.max(rule.minGapMs, rule.gapRatio * restMs);

  let lo = 0;
  let hi = n - 1;
  // Setting aside one end shortens the rest, which can make a gap at the other end count: repeat until
  // nothing changes. The counts include what was set aside already, so each end stays within maxShare.
  for (let changed = true; changed; ) {
    changed = false;
    let p = 0;
    let r = 0;
    let cut = -1;
    for (let i = 0; i < hi; i++) {
      p += bins[i]!.points;
      r += refOf(bins[i]!);
      if (p > maxPoints || r > maxRefs) break;
      if (i >= lo - 1 && farEnough(bins[i + 1]!.firstMs - bins[i]!.lastMs, bins[hi]!.lastMs - bins[i + 1]!.firstMs)) cut = i;
    }
    if (cut + 1 > lo) {
      lo = cut + 1;
      changed = true;
    }
    p = 0;
    r = 0;
    cut = n;
    for (let i = n - 1; i > lo; i--) {
      p += bins[i]!.points;
      r += refOf(bins[i]!);
      if (p > maxPoints || r > maxRefs) break;
      if (i <= hi + 1 && farEnough(bins[i]!.firstMs - bins[i - 1]!.lastMs, bins[i - 1]!.lastMs - bins[lo]!.firstMs)) cut = i;
    }
    if (cut - 1 < hi) {
      hi = cut - 1;
      changed = true;
    }
  }
  const setAside: SetAside[] = [];
  if (lo > 0) setAside.push(part('before', bins.slice(0, lo), bins[lo]!.firstMs - bins[lo - 1]!.lastMs));
  if (hi < n - 1) setAside.push(part('after', bins.slice(hi + 1), bins[hi + 1]!.firstMs - bins[hi]!.lastMs));
  return { firstMs: bins[lo]!.firstMs, lastMs: bins[hi]!.lastMs, setAside };
}

function part(side: SetAside['side'], bins: readonly TimeBin[], gapMs: number): SetAside {
  let points = 0;
  const metrics = new Set<number>();
  for (const b of bins) {
    points += b.points;
    for (let id = 0; id < 31; id++) if (b.metrics & (1 << id)) metrics.add(id);
    if (b.moreMetrics) for (const id of b.moreMetrics) metrics.add(id);
  }
  return { side, points, metrics: [...metrics].sort((a, b) => a - b), firstMs: bins[0]!.firstMs, lastMs: bins.at(-1)!.lastMs, gapMs };
}

/**
 * The warning for a set-aside part: how many points of which metrics, how far from the run, and what the
 * run's duration is without them.
 */
export function setAsideWarning(s: SetAside, metricNames: readonly string[], span: RunSpan): string {
  const names = s.metrics.map((id) => metricNames[id] ?? `#${id}`);
  const listed = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  const when = s.firstMs === s.lastMs ? `at ${iso(s.firstMs)}` : `from ${iso(s.firstMs)} to ${iso(s.lastMs)}`;
  const plural = s.points === 1 ? 'point' : 'points';
  return (
    `set aside ${s.points} ${plural} (${listed}) ${when}, ${formatSpan(s.gapMs)} ${s.side} the rest of the run: ` +
    `so few points this far from its bulk are not part of the load (a clock jump, or lines of another run?). ` +
    `The run's start, end, duration (${formatSpan(span.lastMs - span.firstMs)} without them) and windows leave them out; their values still count in the totals`
  );
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `850 ms`, `20.3 s`, `59 min 38 s`, `2 h 5 min`. */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  const whole = Math.round(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

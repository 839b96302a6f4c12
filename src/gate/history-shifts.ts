/**
 * Shifts in a stage's history on the default branch (stats/history-shift.ts), per series: the whole run's
 * p95 and each endpoint's typical latency (the history's per-scope log means). Each shift names the commit
 * where it began, where it settled and the commits in range. Across series the false discoveries are held
 * at `alpha` (Benjamini–Hochberg on the permutation p-values): a history of twelve endpoints asks twelve
 * questions. Pure.
 */
import type { HistoryEntry } from '../document/history-entry.js';
import { historyShifts } from '../stats/history-shift.js';
import { isInsufficient } from '../stats/insufficient.js';
import { benjaminiHochberg } from '../stats/multiplicity.js';

export interface HistoryShiftsOptions {
  /** False-discovery rate across the series (default 0.05). */
  readonly alpha?: number;
  /** Smallest shift reported, as a fraction (default 0.05 = ±5 %). */
  readonly minChange?: number;
  /** Runs on each side of a shift at least (default 4). */
  readonly minSegment?: number;
  readonly seed?: number;
}

/** One series of the history: the whole run's p95 (`scope` absent) or an endpoint's typical latency. */
export interface HistorySeries {
  readonly statistic: 'p95' | 'typical';
  readonly scope?: { readonly tag: string; readonly value: string };
  /** The runs' commits and values (ms), oldest first. */
  readonly points: readonly { readonly sha: string; readonly value: number }[];
}

export interface HistoryShiftFinding {
  readonly series: Pick<HistorySeries, 'statistic' | 'scope'>;
  /** The commit of the first run that moved, and of the first at the new level. */
  readonly beganAt: string;
  readonly settledAt: string;
  /** The last commit at the old level: with `settledAt`, the commits in range. */
  readonly lastBefore: string;
  /** The levels before and after (ms, geometric), and the change (0.1 = +10 %). */
  readonly before: number;
  readonly after: number;
  readonly change: number;
  readonly pValue: number;
  /** Benjamini–Hochberg adjusted p-value across the series. */
  readonly qValue: number;
}

export interface HistoryShiftsResult {
  readonly series: readonly HistorySeries[];
  readonly shifts: readonly HistoryShiftFinding[];
  /** Series too short (or flat) to look at, and why. */
  readonly unjudged: readonly { readonly series: Pick<HistorySeries, 'statistic' | 'scope'>; readonly reason: string }[];
}

/** The series a history holds: whole-run p95 from every entry that has one, and each scope's level where entries record levels. */
export function historySeries(entries: readonly HistoryEntry[]): HistorySeries[] {
  const whole = entries.flatMap((e) => (e.p95 !== null && e.p95 > 0 ? [{ sha: e.sha, value: e.p95 }] : []));
  const byScope = new Map<string, { scope: { tag: string; value: string }; points: { sha: string; value: number }[] }>();
  for (const e of entries) {
    for (const level of e.levels ?? []) {
      if (!level.scope || level.count === 0 || !Number.isFinite(level.logMean)) continue;
      const key = `${level.scope.tag}\u0000${level.scope.value}`;
      const s = byScope.get(key) ?? { scope: level.scope, points: [] };
      s.points.push({ sha: e.sha, value: Math.exp(level.logMean) });
      byScope.set(key, s);
    }
  }
  return [{ statistic: 'p95' as const, points: whole }, ...[...byScope.values()].map((s) => ({ statistic: 'typical' as const, scope: s.scope, points: s.points }))];
}

/**
 * The shifts of every series of a history (oldest entry first).
 * @example historyShiftFindings(entries).shifts[0] // { beganAt: 'a1b2c3d…', change: 0.102, … }
 */
export function historyShiftFindings(entries: readonly HistoryEntry[], options: HistoryShiftsOptions = {}): HistoryShiftsResult {
  const alpha = options.alpha ?? 0.05;
  const minChange = options.minChange ?? 0.05;
  const series = historySeries(entries);
  const raw: { series: HistorySeries; began: number; settled: number; before: number; after: number; pValue: number }[] = [];
  const unjudged: { series: Pick<HistorySeries, 'statistic' | 'scope'>; reason: string }[] = [];
  for (const s of series) {
    // Log scale: a shift is a ratio, so the magnitude floor is one for every latency level.
    const found = historyShifts(
      s.points.map((p) => Math.log(p.value)),
      { alpha, minChange: Math.log(1 + minChange), ...(options.minSegment !== undefined ? { minSegment: options.minSegment } : {}), seed: options.seed ?? 1, permutations: 999 },
    );
    if (isInsufficient(found)) {
      unjudged.push({ series: label(s), reason: found.reason });
      continue;
    }
    for (const f of found) raw.push({ series: s, began: f.began, settled: f.settled, before: Math.exp(f.before), after: Math.exp(f.after), pValue: f.pValue });
  }
  // Every judged series is a question: one without a shift counts with p = 1 (its own p lies above alpha,
  // so 1 is conservative), else the BH step would see only the questions that came out positive.
  const quiet = series.length - unjudged.length - new Set(raw.map((r) => r.series)).size;
  const q = benjaminiHochberg([...raw.map((r) => r.pValue), ...Array.from({ length: Math.max(0, quiet) }, () => 1)]);
  const shifts = raw.flatMap((r, k) => {
    if (q[k]! > alpha) return [];
    const p = r.series.points;
    return [{ series: label(r.series), beganAt: p[r.began]!.sha, settledAt: p[r.settled]!.sha, lastBefore: p[r.began - 1]!.sha, before: r.before, after: r.after, change: r.after / r.before - 1, pValue: r.pValue, qValue: q[k]! }];
  });
  return { series, shifts, unjudged };
}

function label(s: HistorySeries): Pick<HistorySeries, 'statistic' | 'scope'> {
  return s.scope ? { statistic: s.statistic, scope: s.scope } : { statistic: s.statistic };
}

/**
 * Shifts in a stage's history on the default branch (stats/history-shift.ts), per series: the whole run's
 * p95 and each endpoint's typical latency (the history's per-scope log means). Each shift names the commit
 * where it began, where it settled and the commits in range. Across series the false discoveries are held
 * at `alpha` (Benjamini–Hochberg on the permutation p-values): a history of twelve endpoints asks twelve
 * questions. Pure.
 */
import type { HistoryEntry } from '../document/history-entry.js';
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
    readonly scope?: {
        readonly tag: string;
        readonly value: string;
    };
    /** The runs' commits and values (ms), oldest first. */
    readonly points: readonly {
        readonly sha: string;
        readonly value: number;
    }[];
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
    readonly unjudged: readonly {
        readonly series: Pick<HistorySeries, 'statistic' | 'scope'>;
        readonly reason: string;
    }[];
}
/** The series a history holds: whole-run p95 from every entry that has one, and each scope's level where entries record levels. */
export declare function historySeries(entries: readonly HistoryEntry[]): HistorySeries[];
/**
 * The shifts of every series of a history (oldest entry first).
 * @example historyShiftFindings(entries).shifts[0] // { beganAt: 'a1b2c3d…', change: 0.102, … }
 */
export declare function historyShiftFindings(entries: readonly HistoryEntry[], options?: HistoryShiftsOptions): HistoryShiftsResult;

/**
 * Level shifts in a series of runs (one value per run, oldest first — the log of a stage's p95, or of an
 * endpoint's typical latency, over the history of the default branch): where a shift began, where it
 * settled, how large it is and how sure. This is what per-run thresholds miss: three steps of +3 %, each
 * under a +5 % limit, are a +10 % shift.
 *
 * This is E-divisive means (Matteson & James) at exponent α = 2 — where the energy statistic of a split is
 * n₁n₂/n · (mean₁ − mean₂)², the explained share below with no ramp — with a permutation test and binary
 * segmentation as E-divisive has, extended by ramps. The model of one shift is a level, a ramp, and a new level: y = L0 before run `began`, L1 from run
 * `settled` on, and a straight line between them (`began` = `settled`: a single step). Every (began,
 * settled) with a ramp of at most `maxRampRuns` and `minSegment` runs on either side is fitted by least
 * squares; the best explains the largest share of the series' variance. Its significance is a permutation
 * test of that share (the series shuffled `permutations` times, each searched the same way), so the search
 * over positions is paid for, and no normal or independence-of-position assumption is made beyond
 * exchangeable runs under no shift. Further shifts are looked for in the parts before and after it
 * (binary segmentation), each with its own test. A shift smaller than `minChange` (|L1 − L0| in the
 * series' units: on a log scale 0.05 ≈ 5 %) is not reported, however sure: the minimum-magnitude rule
 * of Hunter/Apache Otava.
 *
 * Contract: pure and deterministic (the permutations come from `seededRng(seed)`); never NaN; fewer than
 * 2·minSegment finite values, or no spread at all, is InsufficientData.
 */
import { type InsufficientData } from './insufficient.js';
export interface HistoryShiftOptions {
    /** Significance level of each shift's permutation test (default 0.01). */
    readonly alpha?: number;
    /** Smallest |L1 − L0| reported (default 0.05: 5 % on a log scale). */
    readonly minChange?: number;
    /** Runs on each side of a shift at least (default 4). */
    readonly minSegment?: number;
    /** Longest ramp between the old and the new level, in runs (default 8). */
    readonly maxRampRuns?: number;
    /** Permutations per test (default 499). */
    readonly permutations?: number;
    readonly seed?: number;
}
export interface HistoryShift {
    /** Index of the first run that moved away from the old level. */
    readonly began: number;
    /** Index of the first run at the new level (= began for a single step). */
    readonly settled: number;
    /** The old and new levels (least-squares fit). */
    readonly before: number;
    readonly after: number;
    /** after − before. */
    readonly change: number;
    /** Share of the segment's variance the shift explains (0..1). */
    readonly explained: number;
    /** One-sided permutation p-value of "no shift in this segment". */
    readonly pValue: number;
}
/**
 * Every shift the series holds, by position.
 *
 * @example
 * historyShifts([0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1].map((x, i) => x + 0.001 * (i % 2)), { minSegment: 3 }) // one shift, began 4
 */
export declare function historyShifts(values: readonly number[], options?: HistoryShiftOptions): HistoryShift[] | InsufficientData;

/**
 * What share of a run's requests each endpoint (each value of a grouping tag) had, in the baseline and in
 * the current run, and whether the test's mix changed: an endpoint added or removed, or one whose share
 * moved a lot. When it changed, the whole-run scope compares two different request mixes; the gate then
 * compares the whole run over the endpoints both runs share, weighted as in the baseline (MixedRunView).
 */
/** One endpoint's requests in each run and its share of that run's requests (0 when it has none). */
export interface MixEntry {
    readonly value: string;
    readonly baselineCount: number;
    readonly currentCount: number;
    readonly baselineShare: number;
    readonly currentShare: number;
}
export interface RequestMix {
    /** The grouping tag the endpoints are values of (`name`). */
    readonly tag: string;
    /** Every endpoint of either run, by value. */
    readonly entries: readonly MixEntry[];
    /** Only in the current run. */
    readonly added: readonly string[];
    /** Only in the baseline. */
    readonly removed: readonly string[];
    /** In both, with a share that moved by at least SHARE_SHIFT_RATIO and SHARE_SHIFT_POINTS. */
    readonly shifted: readonly string[];
    /** Something was added, removed or shifted: the whole runs are not the same mix. */
    readonly changed: boolean;
}
/** A share counts as moved when it is 1.5× larger or smaller… */
export declare const SHARE_SHIFT_RATIO = 1.5;
/** …and by at least 2 points of all requests (so that 0.1 % → 0.2 % of a rare endpoint is not a mix change). */
export declare const SHARE_SHIFT_POINTS = 0.02;
/**
 * The request mix of two runs from each endpoint's request count.
 *
 * Contract: entries sorted by value; shares of each run sum to 1 (or are all 0 for a run with no
 * requests); added, removed and shifted are disjoint; changed ⇔ one of them is non-empty.
 * @example
 * requestMix('name', new Map([['GET /a', 500], ['GET /b', 500]]), new Map([['GET /a', 500], ['GET /b', 500], ['GET /new', 100]]))
 * // => { added: ['GET /new'], removed: [], shifted: [], changed: true, entries: [… { value: 'GET /new', currentShare: 0.0909 (1 in 11) }] }
 */
export declare function requestMix(tag: string, baseline: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): RequestMix;

import type { Distribution } from '../stats/distribution.js';
import type { InsufficientData } from '../stats/insufficient.js';
/**
 * A small mergeable sketch of one time window's values: logarithmic buckets (±1 % relative error).
 * While its window is being filled it counts into a dense array (one increment per value); when the
 * window is done it is compacted to sorted keys and counts (a few hundred numbers), so a run of any
 * length keeps a few kilobytes per window. Windows are the units of the within-run statistics, where
 * 1 % resolution is far below the noise.
 */
export declare class WindowSketch {
    private dense;
    /** The slot `dense[0]` counts: 0 for a whole dense counter, else where a growing one starts. */
    private base;
    /** A growing dense counter (`summing`): covers the slots in use only, grown on demand, never pooled. */
    private growing;
    /** Slots in use lie in [lo, hi]: compaction scans only those (an endpoint spans a few hundred). */
    private lo;
    private hi;
    private keys;
    private counts;
    /** Keys outside the dense range, and values that arrive after compaction (late points). */
    private extra;
    /** Starts a sketch that is about to be filled (dense counting). */
    static open(): WindowSketch;
    /**
     * Starts a sketch that sums stored sketches (a window of merged shards): counted densely as by `open`, so
     * the same buckets and counts, but over the slots in use only — a merge keeps every window of a run open
     * at once, and a whole dense counter each would be 8 kB per window.
     */
    static summing(): WindowSketch;
    record(value: number, count?: number): void;
    /** Same as `record(Math.exp(logValue))` for a positive value whose logarithm the caller already has. */
    recordLog(logValue: number): void;
    private recordKey;
    /** Widens a growing dense counter to cover `slot` (whole blocks of GROW_BLOCK slots); its index in `dense`. */
    private grow;
    /** Compacted with nothing pending, so `encode` changes nothing (a window still being filled is not). */
    get settled(): boolean;
    /** Everything it holds is in the dense counter: no bucket lists yet, no keys outside its range. */
    private get denseOnly();
    /** Ends dense counting: the sketch shrinks to its non-empty buckets and gives its dense array back. */
    compact(): void;
    /** Gives the (zeroed) dense counter back to the pool. */
    private release;
    add(other: WindowSketch): void;
    /** Buckets ascending, each at the value it stands for. */
    distribution(): Distribution;
    /** `percentile(this.distribution(), p)`, without building the buckets (charts ask for it per window). */
    percentile(p: number): number | InsufficientData;
    /** Empties the sketch, giving its dense counter back to the pool: a sum that was only read (a chart's group). */
    discard(): void;
    /** Flat `[key, count, key, count, …]`, keys ascending: compact in JSON and exact to merge. */
    encode(): number[];
    /** Same as `add(WindowSketch.decode(flat))`, without building the decoded sketch (merging shards' windows). */
    addEncoded(flat: readonly number[]): void;
    static decode(flat: readonly number[]): WindowSketch;
}

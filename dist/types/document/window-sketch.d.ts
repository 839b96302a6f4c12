import type { Distribution } from '../stats/distribution.js';
/**
 * A small mergeable sketch of one time window's values: logarithmic buckets (±1 % relative error).
 * While its window is being filled it counts into a dense array (one increment per value); when the
 * window is done it is compacted to sorted keys and counts (a few hundred numbers), so a run of any
 * length keeps a few kilobytes per window. Windows are the units of the within-run statistics, where
 * 1 % resolution is far below the noise.
 */
export declare class WindowSketch {
    private dense;
    /** Slots of `dense` in use lie in [lo, hi]: compaction scans only those (an endpoint spans a few hundred). */
    private lo;
    private hi;
    private keys;
    private counts;
    /** Keys outside the dense range, and values that arrive after compaction (late points). */
    private extra;
    /** Starts a sketch that is about to be filled (dense counting). */
    static open(): WindowSketch;
    record(value: number, count?: number): void;
    /** Same as `record(Math.exp(logValue))` for a positive value whose logarithm the caller already has. */
    recordLog(logValue: number): void;
    private recordKey;
    /** Ends dense counting: the sketch shrinks to its non-empty buckets and gives its dense array back. */
    compact(): void;
    /** Gives the (zeroed) dense counter back to the pool. */
    private release;
    add(other: WindowSketch): void;
    /** Buckets ascending, each at the value it stands for. */
    distribution(): Distribution;
    /** Flat `[key, count, key, count, …]`, keys ascending: compact in JSON and exact to merge. */
    encode(): number[];
    static decode(flat: readonly number[]): WindowSketch;
}

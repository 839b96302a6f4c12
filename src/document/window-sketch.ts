import type { Distribution } from '../stats/distribution.js';
import type { InsufficientData } from '../stats/insufficient.js';
import { percentileAt } from '../stats/percentile.js';

/** Relative accuracy of a window sketch: every value is represented within ±1 %. */
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
/** Key for zero and negative values, which have no logarithm. */
const ZERO_KEY = -0x7fffffff;
/** Keys a dense counter covers: 1.02^±1024 spans 1.6e-9 … 6e8 (ms, bytes, …) — every realistic latency. */
const DENSE_OFFSET = 1024;
const DENSE_SIZE = 2 * DENSE_OFFSET;
const EMPTY_KEYS = new Int32Array(0);
const EMPTY_COUNTS = new Float64Array(0);
const NO_DENSE = new Int32Array(0);
/** Slots a growing dense counter grows by (a power of two). */
const GROW_BLOCK = 64;

/** Dense counters no longer filled by any window, reused so that ingesting allocates almost nothing. */
const densePool: Int32Array[] = [];

/**
 * A small mergeable sketch of one time window's values: logarithmic buckets (±1 % relative error).
 * While its window is being filled it counts into a dense array (one increment per value); when the
 * window is done it is compacted to sorted keys and counts (a few hundred numbers), so a run of any
 * length keeps a few kilobytes per window. Windows are the units of the within-run statistics, where
 * 1 % resolution is far below the noise.
 */
export class WindowSketch {
  private dense: Int32Array | undefined;
  /** The slot `dense[0]` counts: 0 for a whole dense counter, else where a growing one starts. */
  private base = 0;
  /** A growing dense counter (`summing`): covers the slots in use only, grown on demand, never pooled. */
  private growing = false;
  /** Slots in use lie in [lo, hi]: compaction scans only those (an endpoint spans a few hundred). */
  private lo = DENSE_SIZE;
  private hi = -1;
  private keys: Int32Array = EMPTY_KEYS;
  private counts: Float64Array = EMPTY_COUNTS;
  /** Keys outside the dense range, and values that arrive after compaction (late points). */
  private extra: Map<number, number> | undefined;

  /** Starts a sketch that is about to be filled (dense counting). */
  static open(): WindowSketch {
    const s = new WindowSketch();
    s.dense = densePool.pop() ?? new Int32Array(DENSE_SIZE);
    return s;
  }

  /**
   * Starts a sketch that sums stored sketches (a window of merged shards): counted densely as by `open`, so
   * the same buckets and counts, but over the slots in use only — a merge keeps every window of a run open
   * at once, and a whole dense counter each would be 8 kB per window.
   */
  static summing(): WindowSketch {
    const s = new WindowSketch();
    s.dense = NO_DENSE;
    s.growing = true;
    return s;
  }

  record(value: number, count = 1): void {
    this.recordKey(value > 0 ? Math.ceil(Math.log(value) / LOG_GAMMA) : ZERO_KEY, count);
  }

  /** Same as `record(Math.exp(logValue))` for a positive value whose logarithm the caller already has. */
  recordLog(logValue: number): void {
    this.recordKey(Math.ceil(logValue / LOG_GAMMA), 1);
  }

  private recordKey(key: number, count: number): void {
    const slot = key + DENSE_OFFSET;
    if (this.dense !== undefined && slot >= 0 && slot < DENSE_SIZE) {
      let at = slot - this.base;
      if (at < 0 || at >= this.dense.length) at = this.grow(slot);
      this.dense[at]! += count;
      if (slot < this.lo) this.lo = slot;
      if (slot > this.hi) this.hi = slot;
      return;
    }
    this.extra ??= new Map();
    this.extra.set(key, (this.extra.get(key) ?? 0) + count);
  }

  /** Widens a growing dense counter to cover `slot` (whole blocks of GROW_BLOCK slots); its index in `dense`. */
  private grow(slot: number): number {
    const dense = this.dense!;
    const lo = dense.length === 0 ? slot : Math.min(this.base, slot);
    const hi = dense.length === 0 ? slot : Math.max(this.base + dense.length - 1, slot);
    const from = lo - (lo % GROW_BLOCK);
    const to = hi - (hi % GROW_BLOCK) + GROW_BLOCK;
    const next = new Int32Array(to - from);
    if (dense.length > 0) next.set(dense, this.base - from);
    this.dense = next;
    this.base = from;
    return slot - from;
  }

  /** Compacted with nothing pending, so `encode` changes nothing (a window still being filled is not). */
  get settled(): boolean {
    return this.dense === undefined && this.extra === undefined;
  }

  /** Everything it holds is in the dense counter: no bucket lists yet, no keys outside its range. */
  private get denseOnly(): boolean {
    return this.dense !== undefined && this.keys.length === 0 && this.extra === undefined;
  }

  /** Ends dense counting: the sketch shrinks to its non-empty buckets and gives its dense array back. */
  compact(): void {
    const dense = this.dense;
    if (dense !== undefined && this.denseOnly) {
      // The usual case: one pass over the dense counter, already in key order.
      let n = 0;
      const base = this.base;
      for (let slot = this.lo; slot <= this.hi; slot++) if (dense[slot - base] !== 0) n++;
      const keys = new Int32Array(n);
      const counts = new Float64Array(n);
      for (let slot = this.lo, j = 0; slot <= this.hi; slot++) {
        const c = dense[slot - base]!;
        if (c === 0) continue;
        keys[j] = slot - DENSE_OFFSET;
        counts[j++] = c;
        dense[slot - base] = 0;
      }
      this.keys = keys;
      this.counts = counts;
      this.release(dense);
      return;
    }
    if (dense === undefined && this.extra === undefined) return;
    const merged = new Map<number, number>();
    for (let i = 0; i < this.keys.length; i++) merged.set(this.keys[i]!, this.counts[i]!);
    if (dense !== undefined) {
      for (let slot = this.lo; slot <= this.hi; slot++) {
        const c = dense[slot - this.base]!;
        if (c === 0) continue;
        const key = slot - DENSE_OFFSET;
        merged.set(key, (merged.get(key) ?? 0) + c);
        dense[slot - this.base] = 0;
      }
      this.release(dense);
    }
    if (this.extra) for (const [k, c] of this.extra) merged.set(k, (merged.get(k) ?? 0) + c);
    this.extra = undefined;
    const sorted = [...merged.entries()].sort((a, b) => a[0] - b[0]);
    this.keys = Int32Array.from(sorted, (e) => e[0]);
    this.counts = Float64Array.from(sorted, (e) => e[1]);
  }

  /** Gives the (zeroed) dense counter back to the pool. */
  private release(dense: Int32Array): void {
    if (!this.growing) densePool.push(dense);
    this.dense = undefined;
    this.base = 0;
    this.growing = false;
    this.lo = DENSE_SIZE;
    this.hi = -1;
  }

  add(other: WindowSketch): void {
    other.compact();
    if (this.dense !== undefined) {
      for (let i = 0; i < other.keys.length; i++) this.recordKey(other.keys[i]!, other.counts[i]!);
      return;
    }
    this.compact();
    // Both sorted: one merge pass.
    const a = this.keys;
    const b = other.keys;
    const keys = new Int32Array(a.length + b.length);
    const counts = new Float64Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
        keys[n] = a[i]!;
        counts[n++] = this.counts[i++]!;
      } else if (i >= a.length || b[j]! < a[i]!) {
        keys[n] = b[j]!;
        counts[n++] = other.counts[j++]!;
      } else {
        keys[n] = a[i]!;
        counts[n++] = this.counts[i++]! + other.counts[j++]!;
      }
    }
    this.keys = keys.slice(0, n);
    this.counts = counts.slice(0, n);
  }

  /** Buckets ascending, each at the value it stands for. */
  distribution(): Distribution {
    this.compact();
    return Array.from(this.keys, (k, i) => ({ value: keyValue(k), count: this.counts[i]! }));
  }

  /** `percentile(this.distribution(), p)`, without building the buckets (charts ask for it per window). */
  percentile(p: number): number | InsufficientData {
    const dense = this.dense;
    if (dense !== undefined && this.denseOnly) {
      // Still counting densely (a sum being read): read the slots in use as they are, empty ones adding nothing,
      // rather than compact to bucket lists that are read twice and dropped.
      const { lo, base } = this;
      return percentileAt(Math.max(0, this.hi - lo + 1), (i) => keyValue(lo + i - DENSE_OFFSET), (i) => dense[lo + i - base]!, p);
    }
    this.compact();
    const keys = this.keys;
    const counts = this.counts;
    return percentileAt(keys.length, (i) => keyValue(keys[i]!), (i) => counts[i]!, p);
  }

  /** Empties the sketch, giving its dense counter back to the pool: a sum that was only read (a chart's group). */
  discard(): void {
    const dense = this.dense;
    if (dense !== undefined) {
      for (let slot = this.lo; slot <= this.hi; slot++) dense[slot - this.base] = 0;
      this.release(dense);
    }
    this.keys = EMPTY_KEYS;
    this.counts = EMPTY_COUNTS;
    this.extra = undefined;
  }

  /** Flat `[key, count, key, count, …]`, keys ascending: compact in JSON and exact to merge. */
  encode(): number[] {
    this.compact();
    // Sized at once: grown by push, every window's list would leave its smaller copies behind as garbage.
    const out = new Array<number>(2 * this.keys.length);
    for (let i = 0; i < this.keys.length; i++) {
      out[2 * i] = this.keys[i]!;
      out[2 * i + 1] = this.counts[i]!;
    }
    return out;
  }

  /** Same as `add(WindowSketch.decode(flat))`, without building the decoded sketch (merging shards' windows). */
  addEncoded(flat: readonly number[]): void {
    const n = flat.length >> 1;
    let plain = this.dense !== undefined;
    // What decode takes as it is (32-bit keys, strictly ascending) adds key by key; anything else through decode.
    for (let i = 0; plain && i < n; i++) {
      const key = flat[2 * i]!;
      if ((key | 0) !== key || (i > 0 && key <= flat[2 * i - 2]!)) plain = false;
    }
    if (!plain) {
      this.add(WindowSketch.decode(flat));
      return;
    }
    for (let i = 0; i < n; i++) this.recordKey(flat[2 * i]!, flat[2 * i + 1]!);
  }

  static decode(flat: readonly number[]): WindowSketch {
    const s = new WindowSketch();
    // As encode writes it, keys strictly ascending: taken as they are (merging shards decodes every window
    // of every shard). Anything else is summed key by key and sorted.
    const n = flat.length >> 1;
    const keys = new Int32Array(n);
    const counts = new Float64Array(n);
    let ascending = true;
    for (let i = 0; i < n; i++) {
      keys[i] = flat[2 * i]!;
      counts[i] = flat[2 * i + 1]!;
      if (keys[i] !== flat[2 * i] || (i > 0 && keys[i]! <= keys[i - 1]!)) ascending = false;
    }
    if (ascending) {
      s.keys = keys;
      s.counts = counts;
      return s;
    }
    for (let i = 0; i + 1 < flat.length; i += 2) s.recordKey(flat[i]!, flat[i + 1]!);
    s.compact();
    return s;
  }
}

function keyValue(key: number): number {
  if (key === ZERO_KEY) return 0;
  // The midpoint (in relative terms) of (γ^(k-1), γ^k].
  return (2 * GAMMA ** key) / (GAMMA + 1);
}

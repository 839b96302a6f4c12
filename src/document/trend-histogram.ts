import type { Distribution } from '../stats/distribution.js';
import { hdrValueAt, PERF_GATE_LAYOUT, readHdr, writeHdrCounts, type HdrCounts } from './hdr-counts.js';

/** How many integer units one trend unit becomes inside the HDR histogram. */
export const TIME_SCALE = 1_000_000; // k6 times are milliseconds with nanosecond resolution: record nanoseconds
export const VALUE_SCALE = 1_000; // other trends (sizes, counts): keep three decimals

/**
 * HDR layout for 3 significant digits and a lowest discernible value of 1: 2048 sub-buckets, the upper
 * half of each bucket doubling the range of the previous one (HdrHistogram's own index arithmetic).
 */
const SUB_BUCKET_HALF_MAGNITUDE = 10;
const SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_MAGNITUDE; // 1024
const SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF_COUNT - 1; // 2047
const TWO_32 = 2 ** 32;

export interface EncodedTrend {
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** Integer units per trend unit inside `hdr` (1e6 for times: nanoseconds). */
  readonly scale: number;
  /** HDR histogram, compressed base64 (HdrHistogram's V2 compressed encoding). */
  readonly hdr: string;
  /** Values below zero were recorded as zero in the histogram (custom trends only). */
  readonly negatives?: number;
}

/**
 * One trend metric's distribution: an HDR histogram with three significant digits for percentiles and
 * rank tests, plus exact count, sum, min and max so that k6's avg, min and max are reproduced exactly.
 * HDR records integers only, hence the scale (times become nanoseconds, so 0.0016 ms keeps 3 digits).
 *
 * Counting uses HdrHistogram's index arithmetic on integers (clz32 and shifts) over our own counts
 * array: hdr-histogram-js computes the same index with floating-point log2 and pow, which made it the
 * largest cost of ingest. The encoding is HdrHistogram's standard V2 one, so documents stay readable by
 * any HdrHistogram implementation; hdr-counts.ts writes and reads it byte for byte as hdr-histogram-js
 * does (its tests check that against the package), and reads other layouts too, re-bucketed into this one.
 */
export class TrendHistogram {
  /**
   * Counts of HDR indexes [offset, offset + counts.length): 32-bit until a bucket would pass 2^32 − 1,
   * then 64-bit floats (exact to 2^53). Empty while the histogram holds few values (`pending`).
   */
  private counts: Uint32Array | Float64Array = NO_COUNTS;
  private offset = 0;
  /**
   * The indexes of the first values, until there are PENDING_LIMIT of them: a scope with a handful of
   * points (an endpoint called once, of thousands) costs a few bytes instead of tens of kilobytes.
   */
  private pending: number[] | undefined = NO_PENDING;
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  negatives = 0;

  constructor(readonly scale: number) {}

  record(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    let scaled = Math.round(value * this.scale);
    if (!(scaled >= 0)) {
      this.negatives++;
      scaled = 0;
    } else if (scaled > Number.MAX_SAFE_INTEGER) {
      scaled = Number.MAX_SAFE_INTEGER; // beyond 2^53 units (104 days in ns) the histogram saturates
    }
    const at = countsIndex(scaled) - this.offset;
    const counts = this.counts;
    if (at >= 0 && at < counts.length) {
      if (++counts[at]! === 0) this.widenCounts(at);
    } else {
      this.addAt(at + this.offset, 1);
    }
  }

  /** Adds `n` at HDR index `index`, outside the fast path: pending values, or a range to grow. */
  private addAt(index: number, n: number): void {
    const pending = this.pending;
    if (pending !== undefined) {
      if (n === 1 && pending.length < PENDING_LIMIT) {
        // Most such histograms hold one or two values: copy while small (push reserves room for 17).
        if (pending.length < 4) this.pending = [...pending, index];
        else pending.push(index);
        return;
      }
      this.pending = undefined;
      for (const i of pending) this.addAt(i, 1);
    }
    if (this.counts.length === 0 || index < this.offset || index >= this.offset + this.counts.length) this.cover(index);
    const at = index - this.offset;
    const sum = this.counts[at]! + n;
    if (sum > 0xffffffff && this.counts instanceof Uint32Array) this.counts = Float64Array.from(this.counts);
    this.counts[at] = sum;
  }

  /** Grows the counted range to include `index`, in whole blocks of 1024 indexes (half an HDR bucket). */
  private cover(index: number): void {
    const lo = this.counts.length === 0 ? index : Math.min(this.offset, index);
    const hi = this.counts.length === 0 ? index : Math.max(this.offset + this.counts.length - 1, index);
    const from = lo - (lo % SUB_BUCKET_HALF_COUNT);
    const to = hi - (hi % SUB_BUCKET_HALF_COUNT) + SUB_BUCKET_HALF_COUNT;
    const next = this.counts instanceof Float64Array ? new Float64Array(to - from) : new Uint32Array(to - from);
    if (this.counts.length > 0) next.set(this.counts, this.offset - from);
    this.counts = next;
    this.offset = from;
  }

  /** Takes the non-empty buckets of an empty histogram at once (ascending indexes, as readHdr gives them). */
  private setCounts({ n, indexes, counts }: HdrCounts): void {
    if (n === 0) return;
    const first = indexes[0]!;
    const last = indexes[n - 1]!;
    const from = first - (first % SUB_BUCKET_HALF_COUNT);
    const size = last - (last % SUB_BUCKET_HALF_COUNT) + SUB_BUCKET_HALF_COUNT - from;
    let wide = false;
    for (let k = 0; k < n; k++) if (counts[k]! > 0xffffffff) wide = true;
    const c = wide ? new Float64Array(size) : new Uint32Array(size);
    for (let k = 0; k < n; k++) c[indexes[k]! - from] = counts[k]!;
    this.counts = c;
    this.offset = from;
  }

  /** A 32-bit count wrapped to 0: switch to 64-bit floats and put the count back. */
  private widenCounts(wrapped: number): void {
    const wide = Float64Array.from(this.counts);
    wide[wrapped] = 2 ** 32;
    this.counts = wide;
  }

  /**
   * Empties the histogram but keeps its counts array, for a histogram summed into again and again (the
   * scopes of a run document, one after the other): no fresh array of tens of kilobytes per scope.
   */
  clear(): void {
    this.counts.fill(0);
    this.pending = this.counts.length > 0 ? undefined : NO_PENDING;
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    this.negatives = 0;
  }

  /** Adds another histogram of the same scale (exact: counts per bucket add up). */
  add(other: TrendHistogram): void {
    if (other.scale !== this.scale) throw new Error(`cannot merge trend histograms of scale ${other.scale} and ${this.scale}`);
    if (other.count === 0) return;
    if (other.pending !== undefined) {
      for (const i of other.pending) this.addAt(i, 1);
    } else {
      // Cover the other's whole range at once rather than block by block.
      const c = other.counts;
      let first = 0;
      while (first < c.length && c[first] === 0) first++;
      let last = c.length - 1;
      while (last > first && c[last] === 0) last--;
      if (first < c.length) {
        this.addAt(first + other.offset, c[first]!);
        if (last > first) this.addAt(last + other.offset, c[last]!);
        if (this.pending === undefined) {
          // The range is covered now: add bucket by bucket without addAt's checks (what addAt would do).
          let counts = this.counts;
          const shift = other.offset - this.offset;
          for (let i = first + 1; i < last; i++) {
            const n = c[i]!;
            if (n === 0) continue;
            const sum = counts[i + shift]! + n;
            if (sum > 0xffffffff && counts instanceof Uint32Array) this.counts = counts = Float64Array.from(counts);
            counts[i + shift] = sum;
          }
        } else {
          for (let i = first + 1; i < last; i++) if (c[i] !== 0) this.addAt(i + other.offset, c[i]!);
        }
      }
    }
    this.count += other.count;
    this.sum += other.sum;
    this.negatives += other.negatives;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /**
   * The buckets in trend units, ascending. Each bucket stands at its median equivalent value, except that
   * the lowest and highest are pinned to the exact min and max, so p(0) and p(100) are exact.
   */
  distribution(): Distribution {
    const { n, indexes, counts } = this.nonEmpty();
    const out: { value: number; count: number }[] = [];
    for (let k = 0; k < n; k++) out.push({ value: medianEquivalent(indexes[k]!) / this.scale, count: counts[k]! });
    if (out.length === 1) {
      out[0] = { value: this.min === this.max ? this.min : this.sum / this.count, count: out[0]!.count };
    } else if (out.length > 1) {
      out[0] = { value: Math.max(this.min, 0), count: out[0]!.count };
      out[out.length - 1] = { value: this.max, count: out[out.length - 1]!.count };
    }
    return out;
  }

  encode(): EncodedTrend {
    const base = { count: this.count, sum: this.sum, min: this.count ? this.min : 0, max: this.count ? this.max : 0, scale: this.scale, hdr: writeHdrCounts(this.nonEmpty()) };
    return this.negatives > 0 ? { ...base, negatives: this.negatives } : base;
  }

  /** The non-empty buckets, ascending, in the shared scratch columns (overwritten by the next call). */
  private nonEmpty(): HdrCounts {
    let n = 0;
    const pending = this.pending;
    if (pending !== undefined) {
      const sorted = [...pending].sort((a, b) => a - b);
      ensureScratch(sorted.length);
      for (let i = 0; i < sorted.length; ) {
        let j = i + 1;
        while (j < sorted.length && sorted[j] === sorted[i]) j++;
        scratchIndexes[n] = sorted[i]!;
        scratchCounts[n++] = j - i;
        i = j;
      }
    } else {
      const c = this.counts;
      ensureScratch(c.length);
      for (let i = 0; i < c.length; i++) {
        if (c[i] === 0) continue;
        scratchIndexes[n] = i + this.offset;
        scratchCounts[n++] = c[i]!;
      }
    }
    return { n, indexes: scratchIndexes, counts: scratchCounts };
  }

  /** The histogram of an encoded trend; `scope` names it in the error for a text that is not one. */
  static decode(e: EncodedTrend, scope?: string): TrendHistogram {
    const t = new TrendHistogram(e.scale);
    t.pending = undefined;
    const read = readHdr(e.hdr);
    if (typeof read === 'string') throw new Error(`${scope === undefined ? "a trend's" : `scope ${scope}: its`} histogram (hdr) is not HdrHistogram's V2 compressed base64: ${read}`);
    // Our own layout straight into the counts (a merge of 64 shards decodes thousands); another, bucket by bucket at each one's lowest value.
    if (read.layout === PERF_GATE_LAYOUT) t.setCounts(read);
    else for (let k = 0; k < read.n; k++) t.addAt(countsIndex(hdrValueAt(read.layout, read.indexes[k]!)), read.counts[k]!);
    t.count = e.count;
    t.sum = e.sum;
    t.min = e.count ? e.min : Number.POSITIVE_INFINITY;
    t.max = e.count ? e.max : Number.NEGATIVE_INFINITY;
    t.negatives = e.negatives ?? 0;
    return t;
  }
}

const NO_COUNTS = new Uint32Array(0);
/** Shared by every empty histogram; never pushed to (the first value copies it). */
const NO_PENDING: number[] = [];
/** Values a histogram keeps as a list of indexes before it allocates counts. */
const PENDING_LIMIT = 64;

/** The columns TrendHistogram.encode hands writeHdrCounts, grown to the largest histogram encoded. */
let scratchIndexes = new Float64Array(4096);
let scratchCounts = new Float64Array(4096);

function ensureScratch(length: number): void {
  if (length <= scratchIndexes.length) return;
  scratchIndexes = new Float64Array(length);
  scratchCounts = new Float64Array(length);
}

/** floor(log2(v)) for an integer 1 ≤ v < 2^53. */
function log2Floor(v: number): number {
  return v < TWO_32 ? 31 - Math.clz32(v) : 63 - Math.clz32(Math.floor(v / TWO_32));
}

/** HdrHistogram's counts index of an integer value ≥ 0 (3 significant digits, unit 1). */
export function countsIndex(v: number): number {
  const bucket = v > SUB_BUCKET_MASK ? log2Floor(v) - SUB_BUCKET_HALF_MAGNITUDE : 0;
  const sub = v < TWO_32 ? v >>> bucket : Math.floor(v / 2 ** bucket);
  return ((bucket + 1) << SUB_BUCKET_HALF_MAGNITUDE) + sub - SUB_BUCKET_HALF_COUNT;
}

/** The lowest integer value a counts index stands for. */
export function lowestEquivalent(index: number): number {
  let bucket = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  let sub = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
  if (bucket < 0) {
    sub -= SUB_BUCKET_HALF_COUNT;
    bucket = 0;
  }
  return sub * POW2[bucket]!;
}

/** 2^k for the buckets of integer values below 2^64 (a product with an exact power of two is exact). */
const POW2 = Array.from({ length: 64 }, (_, k) => 2 ** k);

/** The middle of the range of integer values a counts index stands for. */
function medianEquivalent(index: number): number {
  const bucket = Math.max((index >> SUB_BUCKET_HALF_MAGNITUDE) - 1, 0);
  return lowestEquivalent(index) + Math.floor(2 ** bucket / 2);
}

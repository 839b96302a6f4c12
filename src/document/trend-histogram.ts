import * as hdr from 'hdr-histogram-js';
import type { Distribution } from '../stats/distribution.js';

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

/** The HDR internals read to walk a decoded histogram; the package types them loosely. */
interface HdrInternals {
  countsArrayLength: number;
  getCountAtIndex(index: number): number;
  valueFromIndex(index: number): number;
}

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
 * largest cost of ingest. hdr-histogram-js still does the standard encoding and decoding, so documents
 * stay readable by any HdrHistogram implementation.
 */
export class TrendHistogram {
  /** Counts per HDR index; 32-bit until a bucket would pass 2^32 − 1, then 64-bit floats (exact to 2^53). */
  private counts: Uint32Array | Float64Array;
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  negatives = 0;

  constructor(readonly scale: number) {
    this.counts = new Uint32Array(4 * SUB_BUCKET_HALF_COUNT);
  }

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
    const index = countsIndex(scaled);
    if (index >= this.counts.length) this.grow(index);
    if (++this.counts[index]! === 0) this.widenCounts(index);
  }

  /** A 32-bit count wrapped to 0: switch to 64-bit floats and put the count back. */
  private widenCounts(wrapped: number): void {
    const wide = Float64Array.from(this.counts);
    wide[wrapped] = 2 ** 32;
    this.counts = wide;
  }

  private grow(index: number): void {
    let length = this.counts.length;
    while (length <= index) length += SUB_BUCKET_HALF_COUNT;
    const next = this.counts instanceof Uint32Array ? new Uint32Array(length) : new Float64Array(length);
    next.set(this.counts);
    this.counts = next;
  }

  /** Adds another histogram of the same scale (exact: counts per bucket add up). */
  add(other: TrendHistogram): void {
    if (other.scale !== this.scale) throw new Error(`cannot merge trend histograms of scale ${other.scale} and ${this.scale}`);
    if (other.count === 0) return;
    if (other.counts.length > this.counts.length) this.grow(other.counts.length - 1);
    const c = other.counts;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === 0) continue;
      const sum = this.counts[i]! + c[i]!;
      if (sum > 0xffffffff && this.counts instanceof Uint32Array) this.counts = Float64Array.from(this.counts);
      this.counts[i] = sum;
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
    const out: { value: number; count: number }[] = [];
    const c = this.counts;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === 0) continue;
      out.push({ value: medianEquivalent(i) / this.scale, count: c[i]! });
    }
    if (out.length === 1) {
      out[0] = { value: this.min === this.max ? this.min : this.sum / this.count, count: out[0]!.count };
    } else if (out.length > 1) {
      out[0] = { value: Math.max(this.min, 0), count: out[0]!.count };
      out[out.length - 1] = { value: this.max, count: out[out.length - 1]!.count };
    }
    return out;
  }

  encode(): EncodedTrend {
    const c = this.counts;
    let top = c.length - 1;
    while (top >= 0 && c[top] === 0) top--;
    // A few histograms serve every encoding (a run has hundreds of scopes, and a fresh 64-bit histogram
    // each would be garbage of a few hundred kilobytes apiece), one per size class of the largest value:
    // the encoding states the encoder's size, so sharing one across sizes would make the text depend on
    // what was encoded before.
    const sizeClass = top < 0 ? -1 : top >> SUB_BUCKET_HALF_MAGNITUDE;
    let h = encoders.get(sizeClass);
    if (h === undefined) {
      h = hdr.build({ bitBucketSize: 64, autoResize: true, numberOfSignificantValueDigits: 3 });
      encoders.set(sizeClass, h);
    }
    h.reset();
    for (let i = 0; i <= top; i++) if (c[i] !== 0) h.recordValueWithCount(lowestEquivalent(i), c[i]!);
    const base = { count: this.count, sum: this.sum, min: this.count ? this.min : 0, max: this.count ? this.max : 0, scale: this.scale, hdr: hdr.encodeIntoCompressedBase64(h) };
    return this.negatives > 0 ? { ...base, negatives: this.negatives } : base;
  }

  static decode(e: EncodedTrend): TrendHistogram {
    const t = new TrendHistogram(e.scale);
    const h = hdr.decodeFromCompressedBase64(e.hdr, 64, false) as unknown as HdrInternals;
    for (let i = 0; i < h.countsArrayLength; i++) {
      const n = h.getCountAtIndex(i);
      if (n === 0) continue;
      const index = countsIndex(h.valueFromIndex(i));
      if (index >= t.counts.length) t.grow(index);
      const sum = t.counts[index]! + n;
      if (sum > 0xffffffff && t.counts instanceof Uint32Array) t.counts = Float64Array.from(t.counts);
      t.counts[index] = sum;
    }
    t.count = e.count;
    t.sum = e.sum;
    t.min = e.count ? e.min : Number.POSITIVE_INFINITY;
    t.max = e.count ? e.max : Number.NEGATIVE_INFINITY;
    t.negatives = e.negatives ?? 0;
    return t;
  }
}

/** Encoders by size class (the largest value's counts index >> 10). */
const encoders = new Map<number, hdr.Histogram>();

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
  return sub * 2 ** bucket;
}

/** The middle of the range of integer values a counts index stands for. */
function medianEquivalent(index: number): number {
  const bucket = Math.max((index >> SUB_BUCKET_HALF_MAGNITUDE) - 1, 0);
  return lowestEquivalent(index) + Math.floor(2 ** bucket / 2);
}

import * as hdr from 'hdr-histogram-js';
import type { Distribution } from '../stats/distribution.js';

/** How many integer units one trend unit becomes inside the HDR histogram. */
export const TIME_SCALE = 1_000_000; // k6 times are milliseconds with nanosecond resolution: record nanoseconds
export const VALUE_SCALE = 1_000; // other trends (sizes, counts): keep three decimals

/** The HDR internals we read to walk buckets; the package exports JsHistogram but types it loosely. */
interface HdrInternals {
  countsArrayLength: number;
  getCountAtIndex(index: number): number;
  valueFromIndex(index: number): number;
  medianEquivalentValue(value: number): number;
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
 */
export class TrendHistogram {
  private readonly histogram: hdr.Histogram;
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  negatives = 0;

  constructor(readonly scale: number, histogram?: hdr.Histogram) {
    this.histogram = histogram ?? hdr.build({ bitBucketSize: 32, autoResize: true, numberOfSignificantValueDigits: 3, highestTrackableValue: 2 ** 20 });
  }

  record(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    let scaled = Math.round(value * this.scale);
    if (scaled < 0) {
      this.negatives++;
      scaled = 0;
    }
    this.histogram.recordValue(scaled);
  }

  /** Adds another histogram of the same scale (exact: counts per bucket add up). */
  add(other: TrendHistogram): void {
    if (other.scale !== this.scale) throw new Error(`cannot merge trend histograms of scale ${other.scale} and ${this.scale}`);
    if (other.count === 0) return;
    this.histogram.add(other.histogram);
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
    const h = this.histogram as unknown as HdrInternals;
    const out: { value: number; count: number }[] = [];
    for (let i = 0; i < h.countsArrayLength; i++) {
      const c = h.getCountAtIndex(i);
      if (c === 0) continue;
      const v = h.valueFromIndex(i);
      out.push({ value: (v === 0 ? 0 : h.medianEquivalentValue(v)) / this.scale, count: c });
    }
    if (out.length > 0 && this.count > 0) {
      const first = out[0]!;
      const last = out[out.length - 1]!;
      out[0] = { value: Math.max(this.min, 0), count: first.count };
      out[out.length - 1] = { value: out.length === 1 ? first.value : this.max, count: last.count };
      if (out.length === 1) out[0] = { value: this.min === this.max ? this.min : (this.sum / this.count), count: first.count };
    }
    return out;
  }

  encode(): EncodedTrend {
    const base = { count: this.count, sum: this.sum, min: this.count ? this.min : 0, max: this.count ? this.max : 0, scale: this.scale, hdr: hdr.encodeIntoCompressedBase64(this.histogram) };
    return this.negatives > 0 ? { ...base, negatives: this.negatives } : base;
  }

  static decode(e: EncodedTrend): TrendHistogram {
    const t = new TrendHistogram(e.scale, hdr.decodeFromCompressedBase64(e.hdr, 32, false));
    t.histogram.autoResize = true;
    t.count = e.count;
    t.sum = e.sum;
    t.min = e.count ? e.min : Number.POSITIVE_INFINITY;
    t.max = e.count ? e.max : Number.NEGATIVE_INFINITY;
    t.negatives = e.negatives ?? 0;
    return t;
  }
}

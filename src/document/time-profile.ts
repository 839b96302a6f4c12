/** One slice of time of a run: how many points fell in it, of which metrics, and the exact first and last time. */
export interface TimeBin {
  readonly startMs: number;
  points: number;
  /** Points of the request metric (`http_reqs`) and of the iteration metric (`iterations`). */
  requests: number;
  iterations: number;
  firstMs: number;
  lastMs: number;
  /** Metric ids below 31 as bits; higher ids in `moreMetrics`. */
  metrics: number;
  moreMetrics: Set<number> | undefined;
}

/** Bins kept before they are widened (a run spread over years of timestamps must not cost a bin per second). */
const MAX_BINS = 100_000;

/**
 * Where a run's points lie in time, in 1-second bins (wider when a run would need more than 100 000):
 * enough to tell the bulk of a run from a few points far away from it (see `run-span.ts`), at a few
 * comparisons per point.
 */
export class TimeProfile {
  private binMs = 1000;
  private readonly bins = new Map<number, TimeBin>();
  private current: TimeBin | undefined;
  /** The current bin covers [lo, hi). */
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  requestsMetric = -1;
  iterationsMetric = -1;

  record(timeMs: number, metric: number): void {
    const bin = timeMs >= this.lo && timeMs < this.hi ? this.current! : this.enter(timeMs);
    bin.points++;
    if (metric < 31) bin.metrics |= 1 << metric;
    else (bin.moreMetrics ??= new Set()).add(metric);
    if (metric === this.requestsMetric) bin.requests++;
    else if (metric === this.iterationsMetric) bin.iterations++;
    if (timeMs < bin.firstMs) bin.firstMs = timeMs;
    if (timeMs > bin.lastMs) bin.lastMs = timeMs;
  }

  /** The bins in time order. */
  sorted(): TimeBin[] {
    return [...this.bins.values()].sort((a, b) => a.startMs - b.startMs);
  }

  private enter(timeMs: number): TimeBin {
    if (!Number.isFinite(timeMs)) throw new RangeError(`a point's time must be finite, got ${timeMs}`);
    const key = Math.floor(timeMs / this.binMs);
    let bin = this.bins.get(key);
    if (bin === undefined) {
      if (this.bins.size >= MAX_BINS) {
        this.widen();
        return this.enter(timeMs);
      }
      bin = { startMs: key * this.binMs, points: 0, requests: 0, iterations: 0, firstMs: Number.POSITIVE_INFINITY, lastMs: Number.NEGATIVE_INFINITY, metrics: 0, moreMetrics: undefined };
      this.bins.set(key, bin);
    }
    this.current = bin;
    this.lo = key * this.binMs;
    this.hi = this.lo + this.binMs;
    return bin;
  }

  /** Doubles the bin width, merging neighbours. */
  private widen(): void {
    this.binMs *= 2;
    const old = [...this.bins.values()];
    this.bins.clear();
    for (const b of old) {
      const key = Math.floor(b.startMs / this.binMs);
      const into = this.bins.get(key);
      if (into === undefined) {
        this.bins.set(key, { ...b, startMs: key * this.binMs, moreMetrics: b.moreMetrics && new Set(b.moreMetrics) });
        continue;
      }
      into.points += b.points;
      into.requests += b.requests;
      into.iterations += b.iterations;
      into.firstMs = Math.min(into.firstMs, b.firstMs);
      into.lastMs = Math.max(into.lastMs, b.lastMs);
      into.metrics |= b.metrics;
      if (b.moreMetrics) for (const m of b.moreMetrics) (into.moreMetrics ??= new Set()).add(m);
    }
    this.current = undefined;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }
}

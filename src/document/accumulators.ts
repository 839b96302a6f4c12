import { TrendHistogram } from './trend-histogram.js';
import { WindowSketch } from './window-sketch.js';
import type { MetricType, Window, WindowOf } from './run-document.js';

/** Running totals of one scope (a metric, or a metric narrowed to tag values) over the whole run. */
export type ScopeTotals =
  | { readonly type: 'trend'; readonly histogram: TrendHistogram }
  | { readonly type: 'counter'; count: number; samples: number }
  | { readonly type: 'rate'; passes: number; fails: number }
  | { readonly type: 'gauge'; value: number; valueTime: number; min: number; max: number; samples: number };

export function newTotals(type: MetricType, scale: number): ScopeTotals {
  switch (type) {
    case 'trend':
      return { type, histogram: new TrendHistogram(scale) };
    case 'counter':
      return { type, count: 0, samples: 0 };
    case 'rate':
      return { type, passes: 0, fails: 0 };
    case 'gauge':
      return { type, value: 0, valueTime: Number.NEGATIVE_INFINITY, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, samples: 0 };
  }
}

export function recordTotal(t: ScopeTotals, timeMs: number, value: number): void {
  switch (t.type) {
    case 'trend':
      t.histogram.record(value);
      return;
    case 'counter':
      t.count += value;
      t.samples++;
      return;
    case 'rate':
      // k6: a non-zero value is a "pass" (for http_req_failed that means a failed request)
      if (value !== 0) t.passes++;
      else t.fails++;
      return;
    case 'gauge':
      if (timeMs >= t.valueTime) {
        t.value = value;
        t.valueTime = timeMs;
      }
      if (value < t.min) t.min = value;
      if (value > t.max) t.max = value;
      t.samples++;
      return;
  }
}

/** Adds one scope's totals into another of the same type (leaves into scopes, shards into a run). */
export function addTotals(into: ScopeTotals, from: ScopeTotals): void {
  switch (into.type) {
    case 'trend':
      if (from.type === 'trend') into.histogram.add(from.histogram);
      return;
    case 'counter':
      if (from.type === 'counter') {
        into.count += from.count;
        into.samples += from.samples;
      }
      return;
    case 'rate':
      if (from.type === 'rate') {
        into.passes += from.passes;
        into.fails += from.fails;
      }
      return;
    case 'gauge':
      if (from.type === 'gauge' && from.samples > 0) {
        if (from.valueTime >= into.valueTime) {
          into.value = from.value;
          into.valueTime = from.valueTime;
        }
        if (from.min < into.min) into.min = from.min;
        if (from.max > into.max) into.max = from.max;
        into.samples += from.samples;
      }
      return;
  }
}

/** One window of one scope while it is being filled. */
export class WindowTotals {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  sumLog = 0;
  sumLogSq = 0;
  passes = 0;
  last = 0;
  lastTime = Number.NEGATIVE_INFINITY;
  sketch: WindowSketch | undefined;

  /**
   * @param sketch for a trend window: 'filling' while points are recorded into it (counts densely until
   *   closed), 'summing' while stored windows add into it (WindowSketch.summing), 'stored' otherwise.
   */
  constructor(readonly type: MetricType, sketch: 'filling' | 'summing' | 'stored' = 'stored') {
    if (type === 'trend') this.sketch = sketch === 'filling' ? WindowSketch.open() : sketch === 'summing' ? WindowSketch.summing() : new WindowSketch();
  }

  /** A value of a trend window (the hot path of ingest, so no type switch). */
  recordTrend(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value > 0) {
      const l = Math.log(value);
      this.sumLog += l;
      this.sumLogSq += l * l;
      this.sketch!.recordLog(l);
    } else {
      this.sketch!.record(value);
    }
  }

  record(timeMs: number, value: number): void {
    switch (this.type) {
      case 'trend':
        this.recordTrend(value);
        return;
      case 'counter':
        this.count += value;
        return;
      case 'rate':
        this.count++;
        if (value !== 0) this.passes++;
        return;
      case 'gauge':
        this.count++;
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
        if (timeMs >= this.lastTime) {
          this.last = value;
          this.lastTime = timeMs;
        }
        return;
    }
  }

  /** The window is complete (its run moved on): shrink it to what it holds. */
  close(): void {
    this.sketch?.compact();
  }

  /** Encoding it changes nothing: no sketch, or a settled one. */
  get settled(): boolean {
    return this.sketch?.settled ?? true;
  }

  add(o: WindowTotals): void {
    this.count += o.count;
    this.sum += o.sum;
    this.sumLog += o.sumLog;
    this.sumLogSq += o.sumLogSq;
    this.passes += o.passes;
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
    if (o.lastTime >= this.lastTime) {
      this.last = o.last;
      this.lastTime = o.lastTime;
    }
    if (this.sketch && o.sketch) this.sketch.add(o.sketch);
  }

  /**
   * Adds a stored window of `type` (its scope's) that starts at `atMs`: the same as `add` of the totals it
   * decodes to — whose other fields are 0 or ±∞, which add nothing — without building them.
   */
  addStored(type: MetricType, w: Window, atMs: number): void {
    this.count += w.count;
    let last = 0;
    switch (type) {
      case 'trend': {
        const t = w as WindowOf['trend'];
        this.sum += t.sum;
        this.sumLog += t.sumLog;
        this.sumLogSq += t.sumLogSq;
        if (t.min < this.min) this.min = t.min;
        if (t.max > this.max) this.max = t.max;
        this.sketch?.addEncoded(t.sketch);
        break;
      }
      case 'counter':
        break;
      case 'rate':
        this.passes += (w as WindowOf['rate']).passes;
        break;
      case 'gauge': {
        const g = w as WindowOf['gauge'];
        if (g.min < this.min) this.min = g.min;
        if (g.max > this.max) this.max = g.max;
        last = g.last;
        break;
      }
    }
    if (atMs >= this.lastTime) {
      this.last = last;
      this.lastTime = atMs;
    }
  }
}

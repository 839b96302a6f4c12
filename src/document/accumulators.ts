import { TrendHistogram } from './trend-histogram.js';
import { WindowSketch } from './window-sketch.js';
import type { MetricType } from './run-document.js';

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

  constructor(readonly type: MetricType) {
    if (type === 'trend') this.sketch = new WindowSketch();
  }

  record(timeMs: number, value: number): void {
    switch (this.type) {
      case 'trend':
        this.count++;
        this.sum += value;
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
        if (value > 0) {
          const l = Math.log(value);
          this.sumLog += l;
          this.sumLogSq += l * l;
        }
        this.sketch!.record(value);
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
}

import type { MetricType, TrendWindow, WindowOf } from './run-document.js';
import { RunView } from './run-view.js';
import { percentileKey } from './run-view.js';
import { WindowSketch } from './window-sketch.js';
import type { Distribution } from '../stats/distribution.js';
import { isInsufficient } from '../stats/insufficient.js';
import { mixture } from '../stats/mixture.js';
import { percentile } from '../stats/percentile.js';

/** One endpoint scope of the mixture and the share of the whole run it is given. */
export interface MixedPart {
  /** The endpoint's scope of the latency metric: `http_req_duration{name:GET /a}`. */
  readonly name: string;
  readonly share: number;
}

/**
 * A run whose whole-run latency scope is re-formed from some of its endpoints with chosen shares — the
 * endpoints both runs share, weighted as in the baseline — so that a whole-run comparison compares the same
 * mix of requests in both runs. Everything else reads as in the run itself.
 *
 * What the re-formed scope holds: a distribution of as many requests as the parts have together (the
 * requests actually measured, not a weighted fiction), each part rescaled to its share (stats/mixture.ts);
 * `avg` the share-weighted mean; windows that add the parts' own windows unweighted, because the design
 * effect measures how requests cluster in time, which is the run's property, not the mix's.
 */
export class MixedRunView extends RunView {
  private mixed: Distribution | undefined | null = null;
  private mixedWindows: TrendWindow[] | undefined;

  constructor(doc: RunView['doc'], private readonly whole: string, private readonly parts: readonly MixedPart[]) {
    super(doc);
  }

  override distribution(name: string): Distribution | undefined {
    if (name !== this.whole) return super.distribution(name);
    if (this.mixed !== null) return this.mixed;
    const own = this.parts.map((p) => ({ distribution: super.distribution(p.name) ?? [], share: p.share }));
    const total = this.parts.reduce((n, p) => n + (super.value(p.name, 'count') ?? 0), 0);
    const m = mixture(own, total);
    this.mixed = isInsufficient(m) ? undefined : m;
    return this.mixed;
  }

  override value(name: string, key: string): number | undefined {
    if (name !== this.whole) return super.value(name, key);
    const d = this.distribution(name);
    if (d === undefined) return key === 'count' ? 0 : undefined;
    switch (key) {
      case 'count':
        return d.reduce((n, b) => n + b.count, 0);
      case 'min':
        return d[0]?.value;
      case 'max':
        return d[d.length - 1]?.value;
      case 'avg': {
        let shares = 0;
        let mean = 0;
        for (const p of this.parts) {
          const m = super.value(p.name, 'avg');
          if (m === undefined || !(p.share > 0)) continue;
          mean += p.share * m;
          shares += p.share;
        }
        return shares > 0 ? mean / shares : undefined;
      }
      default: {
        const q = key === 'med' ? 0.5 : percentileKey(key);
        if (q === undefined) return undefined;
        const v = percentile(d, q);
        return isInsufficient(v) ? undefined : v;
      }
    }
  }

  override windows<T extends MetricType>(name: string, type: T): readonly WindowOf[T][] {
    if (name !== this.whole || type !== 'trend') return super.windows(name, type);
    this.mixedWindows ??= this.sumWindows();
    return this.mixedWindows as unknown as readonly WindowOf[T][];
  }

  private sumWindows(): TrendWindow[] {
    const byIndex = new Map<number, { w: TrendWindow; sketch: WindowSketch }>();
    for (const p of this.parts) {
      if (!(p.share > 0)) continue;
      for (const w of super.windows(p.name, 'trend')) {
        const seen = byIndex.get(w.i);
        if (!seen) {
          byIndex.set(w.i, { w: { ...w }, sketch: WindowSketch.decode(w.sketch) });
          continue;
        }
        const a = seen.w;
        seen.w = { ...a, count: a.count + w.count, sum: a.sum + w.sum, min: Math.min(a.min, w.min), max: Math.max(a.max, w.max), sumLog: a.sumLog + w.sumLog, sumLogSq: a.sumLogSq + w.sumLogSq };
        seen.sketch.add(WindowSketch.decode(w.sketch));
      }
    }
    return [...byIndex.values()].sort((x, y) => x.w.i - y.w.i).map(({ w, sketch }) => ({ ...w, sketch: sketch.encode() }));
  }
}

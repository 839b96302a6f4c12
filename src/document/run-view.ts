import { isReported, type FailureSignature, type MetricType, type RunDocument, type Scope, type WindowOf } from './run-document.js';
import { K6_ROLES, type MetricRoles } from './roles.js';
import type { Unit } from './unit.js';
import { percentileOf } from './percentile-name.js';
import { scopeName } from './selector.js';
import { TrendHistogram } from './trend-histogram.js';
import { WindowSketch } from './window-sketch.js';
import { windowsOf } from './by-type.js';
import type { Distribution } from '../stats/distribution.js';
import { isInsufficient } from '../stats/insufficient.js';
import { percentile } from '../stats/percentile.js';

/**
 * Read-only questions a comparison asks of one run document: distributions, k6-style aggregates,
 * throughput and error rate of a scope, its windows. Decoding is cached: a histogram is decoded once.
 */
export class RunView {
  private readonly distributions = new Map<string, Distribution>();

  constructor(readonly doc: RunDocument) {}

  get durationSeconds(): number {
    return this.doc.meta.durationSeconds;
  }

  get aggregateOnly(): boolean {
    return this.doc.meta.aggregateOnly;
  }

  /** The tool's names for the request latency, count and failures (k6's for documents that do not say). */
  get roles(): MetricRoles {
    return this.doc.meta.roles ?? K6_ROLES;
  }

  scope(name: string): Scope | undefined {
    return this.doc.scopes[name];
  }

  /** The trend's distribution (ascending buckets), or undefined when the scope has none (aggregate-only, not a trend). */
  distribution(name: string): Distribution | undefined {
    const cached = this.distributions.get(name);
    if (cached) return cached;
    const s = this.doc.scopes[name];
    if (!s || isReported(s) || s.type !== 'trend' || s.trend.count === 0) return undefined;
    const t = s.trend;
    const d = TrendHistogram.decode(t, name).distribution();
    this.distributions.set(name, d);
    return d;
  }

  /**
   * A k6 aggregate of a scope by k6's own key (`avg`, `min`, `med`, `max`, `p(95)`, `count`, `rate`,
   * `passes`, `fails`, `value`), computed as k6 computes it; undefined when it does not apply.
   */
  value(name: string, key: string): number | undefined {
    const s = this.doc.scopes[name];
    if (!s) return undefined;
    if (isReported(s)) return s.reported[key] ?? (key === 'value' && s.type === 'rate' ? s.reported['rate'] : undefined);
    switch (s.type) {
      case 'trend': {
        const t = s.trend;
        if (t.count === 0) return key === 'count' ? 0 : undefined;
        if (key === 'count') return t.count;
        if (key === 'avg') return t.sum / t.count;
        if (key === 'min') return t.min;
        if (key === 'max') return t.max;
        const p = key === 'med' ? 0.5 : percentileKey(key);
        if (p === undefined) return undefined;
        const d = this.distribution(name);
        if (!d) return undefined;
        const v = percentile(d, p);
        return isInsufficient(v) ? undefined : v;
      }
      case 'counter': {
        const c = s.counter;
        if (key === 'count') return c.count;
        if (key === 'rate') return this.durationSeconds > 0 ? c.count / this.durationSeconds : undefined;
        return undefined;
      }
      case 'rate': {
        const r = s.rate;
        const total = r.passes + r.fails;
        if (key === 'passes') return r.passes;
        if (key === 'fails') return r.fails;
        if (key === 'rate' || key === 'value') return total > 0 ? r.passes / total : undefined;
        if (key === 'count') return total;
        return undefined;
      }
      case 'gauge': {
        const g = s.gauge;
        if (g.samples === 0) return undefined;
        if (key === 'value') return g.value;
        if (key === 'min') return g.min;
        if (key === 'max') return g.max;
        return undefined;
      }
    }
  }

  /** Requests per second of a scope of the latency metric, from the matching scope of the request counter. */
  throughput(tags: Readonly<Record<string, string>>, requestsMetric = this.roles.requests): number | undefined {
    const name = scopeName(requestsMetric, tags);
    const s = this.doc.scopes[name];
    if (s && isReported(s)) return s.reported['rate'];
    const count = this.value(name, 'count');
    return count !== undefined && this.durationSeconds > 0 ? count / this.durationSeconds : undefined;
  }

  /** Failed requests / all requests of a scope, from the matching scope of the failures rate. */
  errors(tags: Readonly<Record<string, string>>, failedMetric = this.roles.failures): { failed: number; total: number } | undefined {
    const s = this.doc.scopes[scopeName(failedMetric, tags)];
    if (!s || s.type !== 'rate') return undefined;
    // A summary's Rate keeps exact counts when it gave whole numbers; else its reported passes and fails.
    const counts = isReported(s) ? (s.rate ?? reportedCounts(s.reported)) : s.rate;
    return counts ? { failed: counts.passes, total: counts.passes + counts.fails } : undefined;
  }

  /**
   * Failed requests of a scope by failure signature (status and error_code), from the matching scope of the
   * failures rate; undefined when the document does not record them (older documents, summaries) or has no
   * such scope. An empty list: recorded, and nothing failed.
   */
  signatures(tags: Readonly<Record<string, string>>, failedMetric = this.roles.failures): readonly FailureSignature[] | undefined {
    const s = this.doc.scopes[scopeName(failedMetric, tags)];
    if (!s || isReported(s) || s.type !== 'rate') return undefined;
    return s.signatures;
  }

  /** The windows of a scope of this metric type (none when the scope is another type, or aggregate-only). */
  windows<T extends MetricType>(name: string, type: T): readonly WindowOf[T][] {
    return windowsOf(this.doc, name, type);
  }

  /** Windows of a trend scope as sketches, for statistics on a part of the run. */
  windowDistribution(name: string, from: number, to: number): Distribution {
    // A pooled dense counter, given back when distribution() compacts it: one sum at a time here.
    const merged = WindowSketch.open();
    for (const w of this.windows(name, 'trend')) {
      if (w.i < from || w.i >= to) continue;
      merged.addEncoded(w.sketch);
    }
    return merged.distribution();
  }

  /**
   * The unit a trend (or gauge) of this scope is measured in, from its metric's `contains`: `ms` for
   * times, `bytes` for data, `value` for anything else (a custom metric's own unit).
   */
  unitOf(name: string): Unit {
    switch (this.definition(name)?.contains) {
      case 'time':
        return 'ms';
      case 'data':
        return 'bytes';
      case 'default':
      case undefined:
        return 'value';
    }
  }

  /** The unit of a k6 aggregate of this scope (`count` is a count, a Rate's `rate` a fraction, a counter's `rate` per second). */
  unitOfStatistic(name: string, key: string): Unit {
    const def = this.definition(name);
    switch (def?.type) {
      case 'counter':
        if (key === 'rate') return def.metric === this.roles.requests ? 'req/s' : 'per-second';
        return def.contains === 'data' ? 'bytes' : 'count';
      case 'rate':
        return key === 'rate' || key === 'value' ? 'fraction' : 'count';
      case 'trend':
      case 'gauge':
        return key === 'count' ? 'count' : this.unitOf(name);
      case undefined:
        return 'value';
    }
  }

  /** The type and content of the metric a scope belongs to. */
  private definition(name: string): { metric: string; type: MetricType; contains: 'time' | 'data' | 'default' } | undefined {
    const metric = this.doc.scopes[name]?.metric ?? (name.includes('{') ? name.slice(0, name.indexOf('{')) : name);
    const m = this.doc.metrics[metric];
    return m ? { metric, type: m.type, contains: m.contains } : undefined;
  }

  /** Scopes of a metric split by one tag, as tag value → scope name. */
  scopesByTag(metric: string, tag: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, s] of Object.entries(this.doc.scopes)) {
      const keys = Object.keys(s.tags);
      if (s.metric === metric && keys.length === 1 && keys[0] === tag) out.set(s.tags[tag]!, name);
    }
    return out;
  }
}

function reportedCounts(reported: Readonly<Record<string, number>>): { passes: number; fails: number } | undefined {
  const passes = reported['passes'];
  const fails = reported['fails'];
  return passes !== undefined && fails !== undefined ? { passes, fails } : undefined;
}

/** `p(95)` → 0.95, `p(99.9)` → 0.999; undefined for anything else (and outside 0..100). */
export function percentileKey(key: string): number | undefined {
  const n = percentileOf(key);
  return n !== undefined && n >= 0 && n <= 100 ? n / 100 : undefined;
}

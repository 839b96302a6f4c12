import { WindowTotals } from './accumulators.js';
import { encodeWindows } from './run-builder.js';
import { isReported, RUN_DOCUMENT_SCHEMA, type MeasuredScope, type RunDocument, type Scope, type Window } from './run-document.js';
import { addSignatureLists } from './failure-signatures.js';
import { TrendHistogram } from './trend-histogram.js';
import { WindowSketch } from './window-sketch.js';
import { seriesOf, type TypedSeries } from './by-type.js';

import { MergeError } from './merge-error.js';
import { checkShards, type ShardCheckOptions } from './shard-check.js';

export { MergeError };

export interface MergeOptions extends ShardCheckOptions {
  /** How each document is named in messages (its file), in the order given; default `run 1`, `run 2`, …. */
  readonly names?: readonly string[];
}

/**
 * Adds up the run documents of the shards of one test (k6 run on several machines at once).
 * Counts, rates and trend histograms add exactly; windows are re-aligned on a common origin at the
 * widest width among the shards; gauges add (concurrent users of shards running at once add up, and
 * the sum of the shards' maxima is an upper bound of the true maximum).
 *
 * Documents that record `meta.shard` (docs/distributed.md) are first checked to form one whole
 * (shard-check.ts): the merged document records them in `meta.shards` (each shard's requests, the missing
 * ones, how far apart they started) and carries no `meta.shard` of its own.
 * @throws MergeError when the shards were grouped by different tags, windows cannot be aligned, or shard
 *   documents do not form one whole (naming the file, or the missing shard).
 */
export function mergeRuns(docs: readonly RunDocument[], options: MergeOptions = {}): RunDocument {
  if (docs.length === 0) throw new MergeError('nothing to merge: give at least one run document');
  const shards = checkShards(docs, options.names ?? [], options);
  if (docs.length === 1 && !shards) return docs[0]!;
  const first = docs[0]!;
  for (const d of docs) {
    if (d.meta.groupBy.join(',') !== first.meta.groupBy.join(',')) {
      throw new MergeError(`cannot merge runs grouped by different tags: [${first.meta.groupBy.join(', ')}] and [${d.meta.groupBy.join(', ')}] — ingest them again with the same --group-by`);
    }
  }
  const scopes: Record<string, Scope> = {};
  // Trends add into one decoded histogram per scope, encoded once at the end: decoding and encoding (a
  // deflate) per shard would cost 64 round trips per scope for 64 shards.
  const histograms = new Map<string, TrendHistogram>();
  for (const d of docs) {
    for (const [name, s] of Object.entries(d.scopes)) {
      const prev = scopes[name];
      if (!prev) scopes[name] = s;
      else if (!isReported(prev) && !isReported(s) && prev.type === 'trend' && s.type === 'trend') {
        let h = histograms.get(name);
        if (!h) {
          h = TrendHistogram.decode(prev.trend);
          histograms.set(name, h);
        }
        h.add(TrendHistogram.decode(s.trend));
      } else scopes[name] = addScopes(prev, s, name);
    }
  }
  for (const [name, h] of histograms) {
    const s = scopes[name]!;
    if (!isReported(s) && s.type === 'trend') scopes[name] = { ...s, trend: h.encode() };
  }
  const metrics: RunDocument['metrics'] = {};
  for (const d of docs) {
    for (const [name, m] of Object.entries(d.metrics)) {
      const prev = metrics[name];
      metrics[name] = prev ? mergeMetric(prev, m) : m;
    }
  }
  const startMs = Math.min(...docs.map((d) => Date.parse(d.meta.start)));
  const endMs = Math.max(...docs.map((d) => Date.parse(d.meta.end)));
  const tools = new Set(docs.map((d) => d.meta.tool));
  const memory = docs.flatMap((d) => (d.memory ? [d.memory] : []));
  const { shard: _shard, shards: _shards, ...firstMeta } = first.meta;
  const merged: RunDocument = {
    schema: RUN_DOCUMENT_SCHEMA,
    meta: {
      ...firstMeta,
      tool: tools.size === 1 ? first.meta.tool : 'unknown',
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      durationSeconds: Math.max((endMs - startMs) / 1000, ...docs.map((d) => d.meta.durationSeconds)),
      labels: Object.assign({}, ...docs.map((d) => d.meta.labels)),
      partial: docs.some((d) => d.meta.partial),
      aggregateOnly: docs.some((d) => d.meta.aggregateOnly),
      sources: docs.flatMap((d) => d.meta.sources),
      warnings: [...docs.flatMap((d) => d.meta.warnings), ...(shards?.warnings ?? [])],
      ...(shards ? { shards: shards.summary } : {}),
    },
    metrics,
    scopes,
    windows: mergeWindows(docs),
  };
  if (memory.length > 0) {
    merged.memory = {
      source: memory.map((m) => m.source).join(' + '),
      samples: memory.flatMap((m) => m.samples).sort((a, b) => a.t - b.t),
    };
  }
  return merged;
}

function addScopes(a: Scope, b: Scope, name: string): Scope {
  if (a.type !== b.type) throw new MergeError(`metric scope '${name}' is a ${a.type} in one run and a ${b.type} in another`);
  if (isReported(a) || isReported(b)) throw new MergeError(`'${name}' comes from an aggregate-only summary; aggregates (percentiles) cannot be added exactly — merge the NDJSON outputs instead`);
  return addMeasured(a, b);
}

/** Two measured scopes of one type added up (the caller checked the types agree). */
function addMeasured(a: MeasuredScope, b: MeasuredScope): MeasuredScope {
  switch (a.type) {
    case 'trend': {
      if (b.type !== 'trend') return a;
      const h = TrendHistogram.decode(a.trend);
      h.add(TrendHistogram.decode(b.trend));
      return { ...a, trend: h.encode() };
    }
    case 'counter':
      if (b.type !== 'counter') return a;
      return { ...a, counter: { count: a.counter.count + b.counter.count, samples: a.counter.samples + b.counter.samples } };
    case 'rate': {
      if (b.type !== 'rate') return a;
      // Signatures add only when both shards kept them; otherwise the merged run cannot tell them apart.
      const { signatures: _, ...rest } = a;
      return {
        ...rest,
        rate: { passes: a.rate.passes + b.rate.passes, fails: a.rate.fails + b.rate.fails },
        ...(a.signatures && b.signatures ? { signatures: addSignatureLists(a.signatures, b.signatures) } : {}),
      };
    }
    case 'gauge':
      if (b.type !== 'gauge') return a;
      return { ...a, gauge: { value: a.gauge.value + b.gauge.value, min: a.gauge.min + b.gauge.min, max: a.gauge.max + b.gauge.max, samples: a.gauge.samples + b.gauge.samples } };
  }
}

function mergeWindows(docs: readonly RunDocument[]): RunDocument['windows'] {
  const widthMs = Math.max(...docs.map((d) => d.windows.widthMs));
  for (const d of docs) {
    if (widthMs % d.windows.widthMs !== 0) {
      throw new MergeError(`cannot align ${d.windows.widthMs / 1000} s windows with ${widthMs / 1000} s windows — ingest the shards with the same --window`);
    }
  }
  const originMs = Math.min(...docs.map((d) => Math.floor(d.windows.originMs / widthMs) * widthMs));
  const names = [...new Set(docs.flatMap((d) => Object.keys(d.windows.series)))].sort();
  const series: Record<string, Window[]> = {};
  // Scope by scope: each merged window counts its sketch densely while the shards add into it, and is
  // closed (compacted, its dense counter given back) before the next scope — one merge pass per window
  // instead of one per shard, and only one scope's dense counters alive at a time.
  for (const name of names) {
    const target = new Map<number, WindowTotals>();
    for (const d of docs) {
      const typed = seriesOf(d, name);
      if (!typed) continue;
      for (const { i, totals } of decodeSeries(typed, (i) => d.windows.originMs + i * d.windows.widthMs)) {
        const j = Math.floor((d.windows.originMs + i * d.windows.widthMs - originMs) / widthMs);
        let merged = target.get(j);
        if (!merged) {
          merged = new WindowTotals(typed.type, true);
          target.set(j, merged);
        }
        merged.add(totals);
      }
    }
    if (target.size === 0) continue;
    for (const t of target.values()) t.close();
    series[name] = encodeWindows(target, 0);
  }
  return { originMs, widthMs, series };
}

/** Stored windows back into running totals, so windows of different shards add up; `atMs` is a window's start. */
export function decodeSeries(series: TypedSeries, atMs: (i: number) => number): { i: number; totals: WindowTotals }[] {
  const open = (w: Window): WindowTotals => {
    const t = new WindowTotals(series.type);
    t.count = w.count;
    t.lastTime = atMs(w.i);
    return t;
  };
  switch (series.type) {
    case 'trend':
      return series.windows.map((w) => {
        const t = open(w);
        t.sum = w.sum;
        t.min = w.min;
        t.max = w.max;
        t.sumLog = w.sumLog;
        t.sumLogSq = w.sumLogSq;
        t.sketch = WindowSketch.decode(w.sketch);
        return { i: w.i, totals: t };
      });
    case 'counter':
      return series.windows.map((w) => ({ i: w.i, totals: open(w) }));
    case 'rate':
      return series.windows.map((w) => {
        const t = open(w);
        t.passes = w.passes;
        return { i: w.i, totals: t };
      });
    case 'gauge':
      return series.windows.map((w) => {
        const t = open(w);
        t.min = w.min;
        t.max = w.max;
        t.last = w.last;
        return { i: w.i, totals: t };
      });
  }
}

type MetricEntry = RunDocument['metrics'][string];

/** Thresholds and tag keys of both shards; the tag keys only when both know theirs (older documents do not). */
function mergeMetric(a: MetricEntry, b: MetricEntry): MetricEntry {
  const { tags: _a, ...rest } = a;
  const tags = a.tags && b.tags ? [...new Set([...a.tags, ...b.tags])].sort() : undefined;
  return { ...rest, thresholds: [...new Set([...a.thresholds, ...b.thresholds])], ...(tags ? { tags } : {}) };
}

import { WindowTotals } from './accumulators.js';
import { seriesOf } from './by-type.js';
import { addSignatureLists } from './failure-signatures.js';
import { MergeError } from './merge-error.js';
import { encodeWindows } from './run-builder.js';
import { isReported, RUN_DOCUMENT_SCHEMA, type MeasuredScope, type RunDocument, type Scope, type ShardsSummary } from './run-document.js';
import { checkShards, type ShardCheckOptions } from './shard-check.js';
import { TrendHistogram } from './trend-histogram.js';

/** How windows are summed: each window's start minus `baseMs`, in steps of `widthMs`, gives its key. */
interface WindowFrame {
  readonly baseMs: number;
  readonly widthMs: number;
}

/**
 * Adds run documents up one at a time — mergeRuns' one implementation (see it for what the merged document
 * holds). Each document is folded into running totals when it is given and may then be dropped, so merging
 * the shards of a long test holds one document at a time, not all of them.
 *
 * What mergeRuns checks across all documents (the shard checks, the groupings, the window widths) can only
 * be decided once all were given: the first problem of each kind is kept, and `finish` throws them in
 * mergeRuns' order, so the message is the same whichever document shows its problem first.
 *
 * Windows of one width (the usual case) are summed as they come. When widths differ, the widest is known
 * only at the end, and the windows are summed in a second pass — `windowsAgain()` says so — so that every
 * window adds in the same order as when all windows are at hand.
 *
 * @example
 * const merger = new RunMerger({ allowMissingShards: false });
 * for (const file of files) merger.add(await read(file), file);
 * if (merger.windowsAgain()) for (const file of files) merger.addWindows(await read(file));
 * const merged = merger.finish();
 */
export class RunMerger {
  private readonly names: string[] = [];
  /** What the shard checks read of each document: its meta and its requests count's scope. */
  private readonly shardViews: Pick<RunDocument, 'meta' | 'scopes'>[] = [];
  /** The first document, folded once a second comes: one document alone merges to itself. */
  private first: RunDocument | undefined;
  private firstMeta: RunDocument['meta'] | undefined;
  private folded = 0;
  private groupByError: MergeError | undefined;
  /** The first error adding up scopes (a type clash, an aggregate, a histogram that cannot be read). */
  private scopeError: { error: unknown } | undefined;

  private readonly scopes: Record<string, Scope> = {};
  // Trends add into one decoded histogram per scope, encoded once at the end: decoding and encoding (a
  // deflate) per shard would cost 64 round trips per scope for 64 shards.
  private readonly histograms = new Map<string, TrendHistogram>();
  private readonly metrics: RunDocument['metrics'] = {};
  private startMs = Number.POSITIVE_INFINITY;
  private endMs = Number.NEGATIVE_INFINITY;
  private durationSeconds = Number.NEGATIVE_INFINITY;
  private readonly tools = new Set<string>();
  private readonly labels: Record<string, string> = {};
  private partial = false;
  private aggregateOnly = false;
  private readonly sources: RunDocument['meta']['sources'] = [];
  private readonly warnings: string[] = [];
  private readonly memory: NonNullable<RunDocument['memory']>[] = [];

  /** Each document's window origin and width, for the common frame and the alignment check. */
  private readonly frames: { originMs: number; widthMs: number }[] = [];
  /** Where windows are summed as they come (the first document's); 'later' once they wait for a second pass. */
  private frame: WindowFrame | 'later' | undefined;
  private secondPass: { frame: WindowFrame; given: number } | undefined;
  private series = new Map<string, Map<number, WindowTotals>>();
  /** checkShards' result once every document was added (null before). */
  private checked: { summary: ShardsSummary; warnings: string[] } | undefined | null = null;
  /** The merged start and end, formatted where mergeRuns formats them (before it aligns windows). */
  private span: { start: string; end: string } | undefined;

  constructor(private readonly options: ShardCheckOptions = {}) {}

  /** Adds one document; `name` (its file) names it in messages, default `run 1`, `run 2`, …. */
  add(doc: RunDocument, name?: string): void {
    if (this.checked !== null) throw new Error('RunMerger: add after windowsAgain or finish');
    const k = this.names.length;
    this.names.push(name ?? `run ${k + 1}`);
    const requests = doc.meta.roles?.requests ?? 'http_reqs';
    const scope = doc.scopes[requests];
    this.shardViews.push({ meta: doc.meta, scopes: scope ? { [requests]: scope } : {} });
    if (k === 0) {
      this.first = doc;
      return;
    }
    if (this.first) {
      this.fold(this.first);
      this.first = undefined;
    }
    this.fold(doc);
  }

  /**
   * After the last `add`: true when the documents' windows must be given again, in the same order, with
   * `addWindows` before `finish` (their widths differ, or a window does not start on a whole millisecond).
   * @throws MergeError as `finish` does, for what is wrong already.
   */
  windowsAgain(): boolean {
    if (this.settle() || this.frame !== 'later') return false;
    if (this.secondPass === undefined) {
      const { originMs, widthMs } = this.commonFrame();
      this.secondPass = { frame: { baseMs: originMs, widthMs }, given: 0 };
      this.series = new Map();
    }
    return true;
  }

  /** The windows of the documents again, in the order they were added (only when `windowsAgain()`). */
  addWindows(doc: RunDocument): void {
    const pass = this.secondPass;
    if (pass === undefined || pass.given >= this.names.length) throw new Error('RunMerger: addWindows without windowsAgain, or more documents than were added');
    pass.given++;
    this.foldWindows(doc, pass.frame, false);
  }

  /**
   * The merged document.
   * @throws MergeError when nothing was given, the shards do not form one whole, the documents were grouped
   *   by different tags, scopes cannot be added, or windows cannot be aligned (naming the file).
   */
  finish(): RunDocument {
    if (this.settle()) return this.first!;
    if (this.windowsAgain() && this.secondPass!.given !== this.names.length) {
      throw new Error(`RunMerger: ${this.secondPass!.given} of ${this.names.length} documents' windows given again`);
    }
    const shards = this.checked ?? undefined;
    for (const [name, h] of this.histograms) {
      const s = this.scopes[name]!;
      if (!isReported(s) && s.type === 'trend') this.scopes[name] = { ...s, trend: h.encode() };
    }
    const { shard: _shard, shards: _shards, ...firstMeta } = this.firstMeta!;
    const merged: RunDocument = {
      schema: RUN_DOCUMENT_SCHEMA,
      meta: {
        ...firstMeta,
        tool: this.tools.size === 1 ? firstMeta.tool : 'unknown',
        start: this.span!.start,
        end: this.span!.end,
        durationSeconds: Math.max((this.endMs - this.startMs) / 1000, this.durationSeconds),
        labels: this.labels,
        partial: this.partial,
        aggregateOnly: this.aggregateOnly,
        sources: this.sources,
        warnings: [...this.warnings, ...(shards?.warnings ?? [])],
        ...(shards ? { shards: shards.summary } : {}),
      },
      metrics: this.metrics,
      scopes: this.scopes,
      windows: this.mergedWindows(),
    };
    if (this.memory.length > 0) {
      merged.memory = {
        source: this.memory.map((m) => m.source).join(' + '),
        samples: this.memory.flatMap((m) => m.samples).sort((a, b) => a.t - b.t),
      };
    }
    return merged;
  }

  /**
   * After the last `add`: throws what was found wrong, in mergeRuns' order (the shard checks first). True
   * when the one document given merges to itself; else every document is folded.
   */
  private settle(): boolean {
    if (this.names.length === 0) throw new MergeError('nothing to merge: give at least one run document');
    if (this.checked === null) this.checked = checkShards(this.shardViews, this.names, this.options);
    if (this.names.length === 1 && this.checked === undefined) return true;
    if (this.first) {
      this.fold(this.first);
      this.first = undefined;
    }
    if (this.groupByError) throw this.groupByError;
    if (this.scopeError) throw this.scopeError.error;
    this.span ??= { start: new Date(this.startMs).toISOString(), end: new Date(this.endMs).toISOString() };
    const { widthMs } = this.commonFrame();
    for (const f of this.frames) {
      if (widthMs % f.widthMs !== 0) {
        throw new MergeError(`cannot align ${f.widthMs / 1000} s windows with ${widthMs / 1000} s windows — ingest the shards with the same --window`);
      }
    }
    return false;
  }

  /** The widest width and the earliest origin on it: the merged document's windows. */
  private commonFrame(): { originMs: number; widthMs: number } {
    let widthMs = Number.NEGATIVE_INFINITY;
    for (const f of this.frames) widthMs = Math.max(widthMs, f.widthMs);
    let originMs = Number.POSITIVE_INFINITY;
    for (const f of this.frames) originMs = Math.min(originMs, Math.floor(f.originMs / widthMs) * widthMs);
    return { originMs, widthMs };
  }

  private fold(doc: RunDocument): void {
    const first = (this.firstMeta ??= doc.meta);
    this.folded++;
    const meta = doc.meta;
    this.startMs = Math.min(this.startMs, Date.parse(meta.start));
    this.endMs = Math.max(this.endMs, Date.parse(meta.end));
    this.durationSeconds = Math.max(this.durationSeconds, meta.durationSeconds);
    this.tools.add(meta.tool);
    Object.assign(this.labels, meta.labels);
    this.partial ||= meta.partial;
    this.aggregateOnly ||= meta.aggregateOnly;
    this.sources.push(...meta.sources);
    this.warnings.push(...meta.warnings);
    if (doc.memory) this.memory.push(doc.memory);
    this.frames.push({ originMs: doc.windows.originMs, widthMs: doc.windows.widthMs });
    if (meta.groupBy.join(',') !== first.groupBy.join(',')) {
      this.groupByError ??= new MergeError(`cannot merge runs grouped by different tags: [${first.groupBy.join(', ')}] and [${meta.groupBy.join(', ')}] — ingest them again with the same --group-by`);
    }
    if (this.groupByError || this.scopeError) return;
    try {
      this.foldScopes(doc);
    } catch (error) {
      this.scopeError = { error };
      return;
    }
    for (const [name, m] of Object.entries(doc.metrics)) {
      const prev = this.metrics[name];
      this.metrics[name] = prev ? mergeMetric(prev, m) : m;
    }
    if (this.frame === 'later') return;
    const { originMs, widthMs } = doc.windows;
    this.frame ??= { baseMs: Math.floor(originMs / widthMs) * widthMs, widthMs };
    // Summed now only on one width, in whole milliseconds: then a window's key differs from its index in the
    // merged document by a whole number of windows, known at the end, and every step is exact. Else later.
    if (widthMs !== this.frame.widthMs || !isWhole(originMs) || !isWhole(widthMs) || !this.foldWindows(doc, this.frame, true)) {
      this.frame = 'later';
      this.series = new Map();
    }
  }

  private foldScopes(doc: RunDocument): void {
    for (const [name, s] of Object.entries(doc.scopes)) {
      const prev = this.scopes[name];
      if (!prev) this.scopes[name] = s;
      else if (!isReported(prev) && !isReported(s) && prev.type === 'trend' && s.type === 'trend') {
        let h = this.histograms.get(name);
        if (!h) {
          h = TrendHistogram.decode(prev.trend, name);
          this.histograms.set(name, h);
        }
        h.add(TrendHistogram.decode(s.trend, name));
      } else this.scopes[name] = addScopes(prev, s, name);
    }
  }

  /**
   * Adds a document's windows at their key in `frame`; with `whole`, only while every window starts on a
   * whole (safe-integer) millisecond — false when one does not, and the windows must wait for a second pass.
   */
  private foldWindows(doc: RunDocument, frame: WindowFrame, whole: boolean): boolean {
    const { originMs, widthMs } = doc.windows;
    for (const name of Object.keys(doc.windows.series)) {
      const typed = seriesOf(doc, name);
      if (!typed || typed.windows.length === 0) continue;
      let target = this.series.get(name);
      if (!target) {
        target = new Map();
        this.series.set(name, target);
      }
      for (const w of typed.windows) {
        const atMs = originMs + w.i * widthMs;
        if (whole && !isWhole(atMs)) return false;
        const j = Math.floor((atMs - frame.baseMs) / frame.widthMs);
        let merged = target.get(j);
        if (!merged) {
          merged = new WindowTotals(typed.type, 'summing');
          target.set(j, merged);
        }
        merged.addStored(typed.type, w, atMs);
      }
    }
    return true;
  }

  private mergedWindows(): RunDocument['windows'] {
    const { originMs, widthMs } = this.commonFrame();
    const frame = this.frame === 'later' ? this.secondPass!.frame : this.frame!;
    // Whole windows between the frame's base and the merged origin (0 in a second pass).
    const shift = (frame.baseMs - originMs) / widthMs;
    const series: RunDocument['windows']['series'] = {};
    for (const name of [...this.series.keys()].sort()) {
      const summed = this.series.get(name)!;
      const target = new Map<number, WindowTotals>();
      for (const [j, t] of summed) {
        t.close();
        target.set(j + shift, t);
      }
      series[name] = encodeWindows(target, 0);
    }
    return { originMs, widthMs, series };
  }
}

/**
 * A whole number of milliseconds small enough (2^51, some 71 000 years) that sums and differences of two
 * stay exact: a window's key in the first document's frame then differs from mergeRuns' index by a whole
 * number of windows, exactly.
 */
function isWhole(ms: number): boolean {
  return Number.isInteger(ms) && Math.abs(ms) <= 2 ** 51;
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

type MetricEntry = RunDocument['metrics'][string];

/** Thresholds and tag keys of both shards; the tag keys only when both know theirs (older documents do not). */
function mergeMetric(a: MetricEntry, b: MetricEntry): MetricEntry {
  const { tags: _a, ...rest } = a;
  const tags = a.tags && b.tags ? [...new Set([...a.tags, ...b.tags])].sort() : undefined;
  return { ...rest, thresholds: [...new Set([...a.thresholds, ...b.thresholds])], ...(tags ? { tags } : {}) };
}

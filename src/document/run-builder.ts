import { addTotals, newTotals, recordTotal, WindowTotals, type ScopeTotals } from './accumulators.js';
import { MAX_SIGNATURE_KEYS, OTHER_SIGNATURE, signatureKey, signatureList } from './failure-signatures.js';
import type { PointBuilder } from './point-builder.js';
import { K6_ROLES } from './roles.js';
import type { MeasuredScope, MetricType, RunDocument, Scope, Source, Window } from './run-document.js';
import { RUN_DOCUMENT_SCHEMA } from './schema-version.js';
import { runSpan, setAsideWarning } from './run-span.js';
import { OTHER_VALUE, ScopeCardinality, type ScopeWeight } from './scope-cardinality.js';
import { scopeName } from './selector.js';
import { TimeProfile } from './time-profile.js';
import { TIME_SCALE, VALUE_SCALE, type TrendHistogram } from './trend-histogram.js';

export interface MetricDefinition {
  readonly name: string;
  readonly type: MetricType;
  readonly contains: 'time' | 'data' | 'default';
  readonly thresholds: readonly string[];
  /** Submetrics k6 declared (from thresholds), each a set of tags a point must carry. */
  readonly submetrics: readonly Readonly<Record<string, string>>[];
}

export interface RunBuilderOptions {
  /** Tags that split every metric into scopes (default `name`: one scope per endpoint). */
  readonly groupBy: readonly string[];
  /** Window width in seconds, or 'auto' (1 s, widened step by step so a run fills at most `maxWindows`). */
  readonly window: 'auto' | number;
  readonly maxWindows?: number;
  /** Metrics that get time windows; default: requests, latency, failures, iterations, VUs, checks and custom metrics. */
  readonly windowed?: (metric: string) => boolean;
  /** Extra submetrics to keep (e.g. from the gate's thresholds), as metric → tags. */
  readonly submetrics?: readonly { readonly metric: string; readonly tags: Readonly<Record<string, string>> }[];
  /** At most this many values per `groupBy` tag get their own scopes; the rest go into `(other)` (default 500). */
  readonly maxScopes?: number;
  /** The metric that counts requests, the run's span is found from (the tool's role; default k6's http_reqs). */
  readonly requestsMetric?: string;
  /** The rate of failed requests, whose scopes keep failure signatures (the tool's role; default k6's http_req_failed). */
  readonly failuresMetric?: string;
}

/** A scope a leaf adds to; `group` names the grouping tag when it is one of a `groupBy` tag's values. */
interface LeafScope {
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly group?: string;
}

/**
 * Where one point lands, as a builder answered `targets` (see PointBuilder): give it back to the same
 * builder's `point`, never to another.
 */
export interface PointTargets {
  readonly metric: number;
}

/**
 * RunBuilder's targets: a leaf — the metric narrowed to the values of every tag any scope of it looks at
 * (grouping tags and submetric tags). A point is recorded once, in its leaf; scopes are sums of leaves,
 * built at the end. That keeps the per-point cost at one histogram update whatever the number of scopes.
 */
interface LeafTargets extends PointTargets {
  readonly leaf: Leaf;
}

interface Leaf {
  readonly metric: number;
  readonly totals: ScopeTotals;
  /** The trend histogram inside `totals`, when the metric is a trend. */
  readonly histogram: TrendHistogram | undefined;
  /** Scopes this leaf adds to. */
  readonly scopes: readonly LeafScope[];
  /** For the failures metric: the failure signature of its points (status and error_code), a key of failure-signatures.ts. */
  readonly signature: string | undefined;
  windows: Map<number, WindowTotals> | undefined;
  /** The window the last point went to: points come in time order, so this saves a map lookup. */
  lastIndex: number;
  lastWindow: WindowTotals | undefined;
  /** Highest window index seen, and the windows still counting densely (the newest two). */
  maxIndex: number;
  open: { index: number; window: WindowTotals }[];
}

/** k6's built-in metrics that are only detail of a request's timing; windows for them cost memory and help no verdict. */
const UNWINDOWED_BUILTINS = new Set([
  'http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending', 'http_req_waiting',
  'http_req_receiving', 'data_sent', 'data_received', 'group_duration', 'vus_max', 'ws_connecting', 'ws_session_duration',
  'ws_msgs_sent', 'ws_msgs_received', 'ws_sessions', 'ws_ping', 'iteration_duration',
]);

/** Widths an 'auto' series steps through; each divides the next, so windows merge exactly. */
const AUTO_WIDTHS_MS = [1_000, 2_000, 10_000, 20_000, 60_000, 120_000, 600_000, 1_200_000, 3_600_000];

interface MetricState {
  def: MetricDefinition;
  windowed: boolean;
  /** Tag keys seen on the metric's points (bounded by MAX_TAG_KEYS). */
  tagKeys: Set<string>;
  /** Submetrics k6 declared and those asked for, in a fixed order (a leaf's key lists the ones it matches). */
  submetrics: readonly Readonly<Record<string, string>>[];
}

/** k6's request and iteration counters: the run's span is read from them first (run-span.ts). */
const ITERATIONS_METRIC = 'iterations';

/** Tag keys kept per metric: enough for any script, bounded against a generator that invents keys. */
const MAX_TAG_KEYS = 64;


/**
 * Builds a run document from points in constant memory: per scope running totals (HDR histograms for
 * trends) and per window small sketches, whatever the number of points. Parsers call `defineMetric`,
 * `targets` (cache its answer per tag set) and `point`.
 */
export class RunBuilder implements PointBuilder {
  private readonly metrics: MetricState[] = [];
  private readonly metricIds = new Map<string, number>();
  private readonly leaves = new Map<string, LeafTargets>();
  private readonly extraSubmetrics = new Map<string, Readonly<Record<string, string>>[]>();
  private originMs = Number.NaN;
  private widthMs: number;
  private widthStep = 0;
  /**
   * Window indexes that hold points. 'auto' widens when more than `maxWindows` are occupied — not when the
   * span would need more: one stray point an hour away adds one window instead of coarsening all of them.
   */
  private occupied = new Set<number>();
  private lastOccupied = Number.NaN;
  /** The highest window index any point went to, and the leaves with windows still counting densely. */
  private maxSeenIndex = Number.NEGATIVE_INFINITY;
  private readonly openLeaves = new Set<Leaf>();
  /** Templates for URL-like grouping values and the maxScopes cap. */
  private readonly cardinality: ScopeCardinality;
  /** Where the points lie in time: the run's span, without stray points far from it (run-span.ts). */
  private readonly profile = new TimeProfile();
  private readonly maxWindows: number;
  points = 0;

  /** The request counter's name (see RunBuilderOptions.requestsMetric). */
  private readonly requestsMetric: string;
  /** The failures rate's name (see RunBuilderOptions.failuresMetric), and its id once defined. */
  private readonly failuresMetric: string;
  private failuresId = -1;
  /** The failure signatures told apart so far (at most MAX_SIGNATURE_KEYS; later new ones are `other`). */
  private readonly signatureKeys = new Set<string>();

  constructor(private readonly options: RunBuilderOptions) {
    this.requestsMetric = options.requestsMetric ?? K6_ROLES.requests;
    this.failuresMetric = options.failuresMetric ?? K6_ROLES.failures;
    this.widthMs = options.window === 'auto' ? AUTO_WIDTHS_MS[0]! : Math.round(options.window * 1000);
    this.maxWindows = options.maxWindows ?? 360;
    this.cardinality = new ScopeCardinality(options.maxScopes);
    for (const s of options.submetrics ?? []) {
      const list = this.extraSubmetrics.get(s.metric) ?? [];
      list.push(s.tags);
      this.extraSubmetrics.set(s.metric, list);
    }
  }

  /** Declares a metric (k6 writes one "Metric" line before its first point). Returns its id. */
  defineMetric(def: MetricDefinition): number {
    const known = this.metricIds.get(def.name);
    if (known !== undefined) {
      const state = this.metrics[known]!;
      // A later declaration (another shard) may add thresholds and submetrics.
      state.def = {
        ...state.def,
        thresholds: [...new Set([...state.def.thresholds, ...def.thresholds])],
        submetrics: [...state.def.submetrics, ...def.submetrics],
      };
      // Appended: the positions earlier leaves' keys name stay the same.
      state.submetrics = [...state.submetrics, ...def.submetrics];
      return known;
    }
    const id = this.metrics.length;
    const windowed = this.options.windowed ? this.options.windowed(def.name) : !UNWINDOWED_BUILTINS.has(def.name);
    this.metrics.push({ def, windowed, tagKeys: new Set(), submetrics: [...(this.extraSubmetrics.get(def.name) ?? []), ...def.submetrics] });
    this.metricIds.set(def.name, id);
    if (def.name === this.requestsMetric) this.profile.requestsMetric = id;
    if (def.name === this.failuresMetric && def.type === 'rate') this.failuresId = id;
    if (def.name === ITERATIONS_METRIC) this.profile.iterationsMetric = id;
    return id;
  }

  metricId(name: string): number | undefined {
    return this.metricIds.get(name);
  }

  metricDefinition(id: number): MetricDefinition {
    return this.metrics[id]!.def;
  }

  /** The leaf a point of this metric with these tags counts in. Parsers should cache the answer per raw tag text. */
  targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets {
    const state = this.metrics[metric]!;
    for (const k in tags) if (state.tagKeys.size < MAX_TAG_KEYS) state.tagKeys.add(k);
    // The leaf is known by the scope values of the grouping tags and the submetrics the tags match; the
    // scopes themselves are only built for a new leaf (thousands of tag sets can share one: ids in URLs).
    const values: (string | number | null)[] = [metric];
    for (const tag of this.options.groupBy) {
      const raw = tags[tag];
      values.push(raw === undefined ? null : this.cardinality.value(tag, raw));
    }
    const subs = state.submetrics;
    for (let i = 0; i < subs.length; i++) if (matches(subs[i]!, tags)) values.push(i);
    // The failures metric's leaves are told apart by signature too (a string after the submetric numbers).
    const signature = metric === this.failuresId ? this.signatureOf(tags) : undefined;
    if (signature !== undefined) values.push(signature);
    const key = JSON.stringify(values);
    const cached = this.leaves.get(key);
    if (cached) return cached;
    const scopes: LeafScope[] = [{ name: state.def.name, tags: NO_TAGS }];
    this.options.groupBy.forEach((tag, k) => {
      const value = values[k + 1];
      if (typeof value === 'string') {
        const t = this.cardinality.tagsOf(tag, value);
        // Flattened: a name built by concatenation is a rope of several objects, for every leaf.
        scopes.push({ name: flat(scopeName(state.def.name, t)), tags: t, group: tag });
      }
    });
    for (const i of values.slice(this.options.groupBy.length + 1, signature === undefined ? undefined : -1) as number[]) scopes.push({ name: scopeName(state.def.name, subs[i]!), tags: subs[i]! });
    // A grouping value a submetric names (a threshold on one endpoint) is never folded into (other).
    const declared = new Set(scopes.filter((s) => s.group === undefined).map((s) => s.name));
    for (const s of scopes) if (s.group !== undefined && declared.has(s.name)) this.cardinality.pin(s.group, s.tags[s.group]!);
    // slice(): an array of exactly its length (one built by push keeps room for 17), for every leaf.
    const unique = scopes.filter((s, i) => scopes.findIndex((o) => o.name === s.name) === i).slice();
    const scale = state.def.contains === 'time' ? TIME_SCALE : VALUE_SCALE;
    const totals = newTotals(state.def.type, scale);
    const leaf: Leaf = {
      metric,
      totals,
      histogram: totals.type === 'trend' ? totals.histogram : undefined,
      scopes: unique,
      signature,
      windows: state.windowed ? new Map() : undefined,
      lastIndex: Number.NaN,
      lastWindow: undefined,
      maxIndex: Number.NEGATIVE_INFINITY,
      open: [],
    };
    const targets: LeafTargets = { metric, leaf };
    this.leaves.set(key, targets);
    return targets;
  }

  /** The signature key of a failures point's tags, bounded: past MAX_SIGNATURE_KEYS new ones are `other`. */
  private signatureOf(tags: Readonly<Record<string, string>>): string {
    const key = signatureKey(tags);
    if (this.signatureKeys.has(key)) return key;
    if (this.signatureKeys.size >= MAX_SIGNATURE_KEYS) return OTHER_SIGNATURE;
    this.signatureKeys.add(key);
    return key;
  }

  readonly next = new Float64Array(2);

  point(targets: PointTargets, timeMs: number, value: number): void {
    this.next[0] = timeMs;
    this.next[1] = value;
    this.recordNext(targets);
  }

  recordNext(targets: PointTargets): void {
    const timeMs = this.next[0]!;
    const value = this.next[1]!;
    this.points++;
    const leaf = (targets as LeafTargets).leaf;
    // Trends are most points: call the histogram directly rather than through the type switch.
    if (leaf.histogram !== undefined) leaf.histogram.record(value);
    else recordTotal(leaf.totals, timeMs, value);
    this.profile.record(timeMs, targets.metric);
    if (!leaf.windows) return;
    const index = this.windowIndex(timeMs);
    let win = leaf.lastWindow;
    if (index !== leaf.lastIndex) {
      win = leaf.windows.get(index);
      if (!win) {
        win = new WindowTotals(leaf.totals.type, 'filling');
        leaf.windows.set(index, win);
        leaf.open.push({ index, window: win });
        this.openLeaves.add(leaf);
      }
      if (index > leaf.maxIndex) {
        // Points arrive in time order, give or take k6's flush batches: windows two behind are done.
        leaf.maxIndex = index;
        const stillOpen = [];
        for (const o of leaf.open) {
          if (o.index >= index - 1) stillOpen.push(o);
          else o.window.close();
        }
        leaf.open = stillOpen;
      }
      leaf.lastIndex = index;
      leaf.lastWindow = win;
    }
    if (leaf.histogram !== undefined) win!.recordTrend(value);
    else win!.record(timeMs, value);
  }

  private windowIndex(timeMs: number): number {
    if (Number.isNaN(this.originMs)) this.originMs = Math.floor(timeMs / 1000) * 1000;
    const index = Math.floor((timeMs - this.originMs) / this.widthMs);
    if (index === this.lastOccupied) return index;
    this.lastOccupied = index;
    if (this.occupied.has(index)) return index;
    this.occupied.add(index);
    if (index > this.maxSeenIndex) {
      this.maxSeenIndex = index;
      this.closeStale(index);
    }
    if (this.options.window !== 'auto' || this.occupied.size <= this.maxWindows) return index;
    this.widen();
    this.lastOccupied = Math.floor((timeMs - this.originMs) / this.widthMs);
    return this.lastOccupied;
  }

  /**
   * Compacts the windows of every leaf that are two or more behind the newest: a leaf with a rare tag
   * set (one of thousands of endpoints) would otherwise keep its dense counters to the end of the run.
   */
  private closeStale(newest: number): void {
    for (const leaf of this.openLeaves) {
      const stillOpen = [];
      for (const o of leaf.open) {
        if (o.index >= newest - 1) stillOpen.push(o);
        else o.window.close();
      }
      leaf.open = stillOpen;
      if (stillOpen.length === 0) this.openLeaves.delete(leaf);
    }
  }

  /** Steps to the next wider window and merges the existing windows into it. */
  private widen(): void {
    while (this.occupied.size > this.maxWindows) {
      this.widthStep++;
      const next = AUTO_WIDTHS_MS[this.widthStep] ?? this.widthMs * 2;
      const factor = next / this.widthMs;
      for (const { leaf } of this.leaves.values()) {
        if (!leaf.windows) continue;
        for (const o of leaf.open) o.window.close();
        leaf.windows = regroup(leaf.windows, (i) => Math.floor(i / factor));
        leaf.lastIndex = Number.NaN;
        leaf.lastWindow = undefined;
        leaf.maxIndex = Number.NEGATIVE_INFINITY;
        leaf.open = [];
      }
      this.widthMs = next;
      this.occupied = new Set([...this.occupied].map((i) => Math.floor(i / factor)));
      this.maxSeenIndex = Math.floor(this.maxSeenIndex / factor);
    }
    this.openLeaves.clear();
  }

  /**
   * Scopes as sums of their leaves, built and encoded one at a time so that only one scope's sum is in
   * memory at once (a run has hundreds of scopes).
   */
  private encodeScopes(lowest: number, highest: number, folded: ReadonlyMap<string, ReadonlySet<string>>): { scopes: Record<string, Scope>; series: Record<string, Window[]> } {
    const members = new Map<string, { tags: Readonly<Record<string, string>>; leaves: Leaf[] }>();
    for (const { leaf } of this.leaves.values()) {
      for (const scope of leaf.scopes) {
        let s: LeafScope = scope;
        if (s.group !== undefined && folded.get(s.group)?.has(s.tags[s.group]!)) {
          const tags = { [s.group]: OTHER_VALUE };
          s = { name: scopeName(this.metrics[leaf.metric]!.def.name, tags), tags };
        }
        const m = members.get(s.name);
        if (m) m.leaves.push(leaf);
        else members.set(s.name, { tags: s.tags, leaves: [leaf] });
      }
    }
    const scopes: Record<string, Scope> = {};
    const series: Record<string, Window[]> = {};
    // One trend sum per scale, cleared for each scope: encoded at once, it need not outlive the scope.
    const trendSums = new Map<number, ScopeTotals>();
    for (const name of [...members.keys()].sort(compareText)) {
      const { tags, leaves } = members.get(name)!;
      const def = this.metrics[leaves[0]!.metric]!.def;
      const scale = def.contains === 'time' ? TIME_SCALE : VALUE_SCALE;
      let totals: ScopeTotals;
      if (def.type === 'trend') {
        totals = trendSums.get(scale) ?? newTotals('trend', scale);
        trendSums.set(scale, totals);
        if (totals.type === 'trend') totals.histogram.clear();
      } else {
        totals = newTotals(def.type, scale);
      }
      for (const leaf of leaves) addTotals(totals, leaf.totals);
      const scope = encodeScope({ metric: def.name, tags, totals });
      scopes[name] = scope.type === 'rate' && leaves[0]!.metric === this.failuresId ? { ...scope, signatures: signaturesOf(leaves) } : scope;
      if (!leaves[0]!.windows) continue;
      const windows = new Map<number, WindowTotals>();
      for (const leaf of leaves) {
        for (const [i, w] of leaf.windows!) {
          // A scope of one leaf (an endpoint's) is encoded from the leaf's own windows, not from sums of one.
          // Not a window still being filled (a look at a run that goes on): encoding it would compact it
          // under the points still to come.
          if (leaves.length === 1 && w.settled) {
            windows.set(i, w);
            continue;
          }
          let target = windows.get(i);
          if (!target) {
            // Summing: its sketch adds the leaves' buckets into dense counters over the slots in use (then
            // compacts once), where a compact sketch would merge and reallocate its bucket lists for every leaf.
            // Not a whole pooled 8 kB counter per window ('filling'): every window of the scope is open at
            // once, and the pool would keep them all to the end of the process. Same buckets, same counts.
            target = new WindowTotals(def.type, 'summing');
            windows.set(i, target);
          }
          target.add(w);
        }
      }
      const encoded = encodeWindows(windows, lowest, highest);
      if (encoded.length > 0) series[name] = encoded;
    }
    return { scopes, series };
  }

  /** Requests and points per value of each grouping tag, for the maxScopes cap. */
  private scopeWeights(): Map<string, Map<string, ScopeWeight>> {
    const weights = new Map<string, Map<string, ScopeWeight>>();
    for (const { leaf } of this.leaves.values()) {
      const isRequests = this.metrics[leaf.metric]!.def.name === this.requestsMetric;
      const points = samples(leaf.totals);
      for (const s of leaf.scopes) {
        if (s.group === undefined) continue;
        let byValue = weights.get(s.group);
        if (!byValue) weights.set(s.group, (byValue = new Map()));
        const value = s.tags[s.group]!;
        let w = byValue.get(value);
        if (!w) byValue.set(value, (w = { requests: 0, points: 0 }));
        w.points += points;
        if (isRequests && leaf.totals.type === 'counter') w.requests += leaf.totals.count;
      }
    }
    return weights;
  }

  /** The run document of everything recorded so far. */
  finish(info: RunInfo): RunDocument {
    const span = runSpan(this.profile.sorted());
    const start = span ? span.firstMs : 0;
    const end = span ? span.lastMs : 0;
    // Windows outside the span hold only set-aside points.
    const measured = span !== undefined && !Number.isNaN(this.originMs);
    const lowest = measured ? Math.floor((start - this.originMs) / this.widthMs) : 0;
    const highest = measured ? Math.floor((end - this.originMs) / this.widthMs) : Number.POSITIVE_INFINITY;
    const { folded, warnings: capWarnings } = this.cardinality.fold(this.scopeWeights());
    const { scopes, series } = this.encodeScopes(lowest, highest, folded);
    const templateWarning = this.cardinality.templateWarning();
    const names = this.metrics.map((m) => m.def.name);
    const spanWarnings = span ? span.setAside.map((s) => setAsideWarning(s, names, span)) : [];
    const metrics: RunDocument['metrics'] = {};
    for (const m of [...this.metrics].sort((a, b) => compareText(a.def.name, b.def.name))) {
      metrics[m.def.name] = { type: m.def.type, contains: m.def.contains, thresholds: [...m.def.thresholds], ...(m.tagKeys.size > 0 ? { tags: [...m.tagKeys].sort(compareText) } : {}) };
    }
    return {
      schema: RUN_DOCUMENT_SCHEMA,
      meta: {
        tool: info.tool,
        ...(info.roles !== undefined ? { roles: { ...info.roles } } : {}),
        ...(info.toolVersion !== undefined ? { toolVersion: info.toolVersion } : {}),
        ...(info.stage !== undefined ? { stage: info.stage } : {}),
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        durationSeconds: info.durationSeconds ?? (end - start) / 1000,
        ...(info.gitSha !== undefined ? { gitSha: info.gitSha } : {}),
        labels: info.labels ?? {},
        partial: info.sources.some((s) => s.partial),
        aggregateOnly: info.aggregateOnly ?? false,
        groupBy: [...this.options.groupBy],
        sources: info.sources,
        warnings: [...(info.warnings ?? []), ...spanWarnings, ...(templateWarning !== undefined ? [templateWarning] : []), ...capWarnings],
      },
      metrics,
      scopes,
      windows: {
        originMs: measured ? this.originMs + lowest * this.widthMs : start,
        widthMs: this.widthMs,
        series,
      },
    };
  }
}

/** What the parser knows about a run beyond its points. */
export interface RunInfo {
  readonly tool: RunDocument['meta']['tool'];
  /** The tool's names for the request latency, count and failures (see RunDocument meta.roles). */
  readonly roles?: NonNullable<RunDocument['meta']['roles']>;
  readonly toolVersion?: string;
  readonly stage?: string;
  readonly gitSha?: string;
  readonly labels?: Record<string, string>;
  readonly sources: Source[];
  readonly warnings?: string[];
  readonly aggregateOnly?: boolean;
  /** When the source states the duration (k6's testRunDurationMs); otherwise first to last point. */
  readonly durationSeconds?: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tags of a metric's overall scope, shared by every leaf (encodeScope copies tags). */
const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});

/** `text` as one sequential string (V8 keeps `a + b` as a pair until the string is read whole). */
function flat(text: string): string {
  Number(text);
  return text;
}

function matches(sub: Readonly<Record<string, string>>, tags: Readonly<Record<string, string>>): boolean {
  for (const k in sub) if (tags[k] !== sub[k]) return false;
  return true;
}

/** Failed requests of some leaves of the failures metric by signature (a leaf's `passes` are its failed requests). */
function signaturesOf(leaves: readonly Leaf[]) {
  const counts = new Map<string, number>();
  for (const leaf of leaves) {
    if (leaf.signature === undefined || leaf.totals.type !== 'rate' || leaf.totals.passes === 0) continue;
    counts.set(leaf.signature, (counts.get(leaf.signature) ?? 0) + leaf.totals.passes);
  }
  return signatureList(counts);
}

/** Points recorded into these totals. */
function samples(t: ScopeTotals): number {
  switch (t.type) {
    case 'trend':
      return t.histogram.count;
    case 'counter':
      return t.samples;
    case 'rate':
      return t.passes + t.fails;
    case 'gauge':
      return t.samples;
  }
}

function regroup(windows: Map<number, WindowTotals>, to: (i: number) => number): Map<number, WindowTotals> {
  const merged = new Map<number, WindowTotals>();
  for (const [i, w] of windows) {
    const j = to(i);
    const m = merged.get(j);
    if (m) m.add(w);
    else merged.set(j, w);
  }
  return merged;
}

function encodeScope(s: { metric: string; tags: Readonly<Record<string, string>>; totals: ScopeTotals }): MeasuredScope {
  const base = { metric: s.metric, tags: { ...s.tags } };
  const t = s.totals;
  switch (t.type) {
    case 'trend':
      return { ...base, type: 'trend', trend: t.histogram.encode() };
    case 'counter':
      return { ...base, type: 'counter', counter: { count: t.count, samples: t.samples } };
    case 'rate':
      return { ...base, type: 'rate', rate: { passes: t.passes, fails: t.fails } };
    case 'gauge':
      return { ...base, type: 'gauge', gauge: t.samples > 0 ? { value: t.value, min: t.min, max: t.max, samples: t.samples } : { value: 0, min: 0, max: 0, samples: 0 } };
  }
}

/** Windows `lowest` to `highest` (inclusive), indexed from `lowest`. */
export function encodeWindows(windows: Map<number, WindowTotals>, lowest: number, highest = Number.POSITIVE_INFINITY): Window[] {
  return [...windows.entries()]
    .filter(([i]) => i >= lowest && i <= highest)
    .sort((a, b) => a[0] - b[0])
    .map(([i, w]) => encodeWindow(i - lowest, w));
}

function encodeWindow(i: number, w: WindowTotals): Window {
  switch (w.type) {
    case 'trend':
      return { i, count: w.count, sum: w.sum, min: w.min, max: w.max, sumLog: w.sumLog, sumLogSq: w.sumLogSq, sketch: w.sketch!.encode() };
    case 'counter':
      return { i, count: w.count };
    case 'rate':
      return { i, count: w.count, passes: w.passes };
    case 'gauge':
      return { i, count: w.count, min: w.min, max: w.max, last: w.last };
  }
}

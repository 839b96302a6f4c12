import { z } from 'zod';
import { RUN_DOCUMENT_SCHEMA } from './schema-version.js';

/**
 * The run document: one ingested run as versioned JSON. Every source (k6 NDJSON, CSV, summary JSON, the
 * embedded engine) produces it, the baseline store keeps it, `merge` adds them and `compare` reads two.
 * Users keep these for years, so the schema is versioned and documented in docs/run-document.md.
 */
export { RUN_DOCUMENT_SCHEMA };

export const MetricTypeSchema = z.enum(['trend', 'counter', 'rate', 'gauge']);
export type MetricType = z.infer<typeof MetricTypeSchema>;

export const EncodedTrendSchema = z.object({
  count: z.number().int().nonnegative(),
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  scale: z.number().positive(),
  hdr: z.string(),
  negatives: z.number().int().nonnegative().optional(),
});

/** Aggregates exactly as k6 reported them, for sources that hold no distribution (summary JSON). */
export const ReportedValuesSchema = z.record(z.string(), z.number());

const ScopeBase = { metric: z.string(), tags: z.record(z.string(), z.string()) };

export const RateCountsSchema = z.object({ passes: z.number().int().nonnegative(), fails: z.number().int().nonnegative() });
export type RateCounts = z.infer<typeof RateCountsSchema>;

/** A measured scope is one of four, as k6 keeps one sink per metric type; each carries its own totals. */
export const TrendScopeSchema = z.object({ ...ScopeBase, type: z.literal('trend'), trend: EncodedTrendSchema });
export const CounterScopeSchema = z.object({ ...ScopeBase, type: z.literal('counter'), counter: z.object({ count: z.number(), samples: z.number().int().nonnegative() }) });
/**
 * How some failed requests failed: their status code and k6 `error_code` tags (either absent when the
 * points had no such tag), or `other: true` for the signatures past the cap of a scope.
 */
export const FailureSignatureSchema = z.object({
  status: z.string().optional(),
  errorCode: z.string().optional(),
  other: z.literal(true).optional(),
  failed: z.number().int().positive(),
}).strict();
export type FailureSignature = z.infer<typeof FailureSignatureSchema>;

/**
 * `signatures`: on the scopes of the failures metric (k6's http_req_failed), the failed requests by
 * signature, most frequent first (failure-signatures.ts). Absent in documents written before it was
 * recorded: then signatures cannot be compared. An empty list means no request failed.
 */
export const RateScopeSchema = z.object({ ...ScopeBase, type: z.literal('rate'), rate: RateCountsSchema, signatures: z.array(FailureSignatureSchema).optional() });
export const GaugeScopeSchema = z.object({ ...ScopeBase, type: z.literal('gauge'), gauge: z.object({ value: z.number(), min: z.number(), max: z.number(), samples: z.number().int().nonnegative() }) });
export const MeasuredScopeSchema = z.discriminatedUnion('type', [TrendScopeSchema, CounterScopeSchema, RateScopeSchema, GaugeScopeSchema]);

/**
 * A scope of an aggregate-only source (summary JSON): k6's own keys (`avg`, `p(95)`, `count`, `rate`, …)
 * and no distribution. A Rate keeps its exact counts too when the summary gives them as whole numbers.
 */
export const ReportedScopeSchema = z.object({ ...ScopeBase, type: MetricTypeSchema, reported: ReportedValuesSchema, rate: RateCountsSchema.optional() });

// Reported first: a scope with `reported` is an aggregate whatever else it holds.
export const ScopeSchema = z.union([ReportedScopeSchema, MeasuredScopeSchema]);

export type TrendScope = z.infer<typeof TrendScopeSchema>;
export type CounterScope = z.infer<typeof CounterScopeSchema>;
export type RateScope = z.infer<typeof RateScopeSchema>;
export type GaugeScope = z.infer<typeof GaugeScopeSchema>;
export type MeasuredScope = z.infer<typeof MeasuredScopeSchema>;
export type ReportedScope = z.infer<typeof ReportedScopeSchema>;
export type Scope = z.infer<typeof ScopeSchema>;

/** True for a scope of an aggregate-only source; the other scopes are measured, one union by `type`. */
export function isReported(scope: Scope): scope is ReportedScope {
  return 'reported' in scope;
}

/*
 * One time window of one scope: its index from `windows.originMs` in steps of `windows.widthMs`, and the
 * totals of its scope's metric type. The JSON carries no type (the scope says it), so the shapes are
 * strict: a window missing a field of its type is refused, never read as another type's window.
 */
const WindowBase = { i: z.number().int(), count: z.number().nonnegative() };
export const TrendWindowSchema = z.object({
  ...WindowBase,
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  /** Σ ln(v) and Σ ln(v)² over positive values: the within-window spread on the log scale. */
  sumLog: z.number(),
  sumLogSq: z.number(),
  /** Window sketch, flat [key, count, …] (±1 % log buckets). */
  sketch: z.array(z.number()),
}).strict();
/** `count` is the sum of the counter's values in the window. */
export const CounterWindowSchema = z.object(WindowBase).strict();
/** `count` points, of which `passes` non-zero (for http_req_failed: failed requests). */
export const RateWindowSchema = z.object({ ...WindowBase, passes: z.number().int().nonnegative() }).strict();
export const GaugeWindowSchema = z.object({ ...WindowBase, min: z.number(), max: z.number(), last: z.number() }).strict();

export type TrendWindow = z.infer<typeof TrendWindowSchema>;
export type CounterWindow = z.infer<typeof CounterWindowSchema>;
export type RateWindow = z.infer<typeof RateWindowSchema>;
export type GaugeWindow = z.infer<typeof GaugeWindowSchema>;
/** The window of each metric type. */
export interface WindowOf {
  trend: TrendWindow;
  counter: CounterWindow;
  rate: RateWindow;
  gauge: GaugeWindow;
}
export type Window = WindowOf[MetricType];

const WINDOW_SCHEMAS = { trend: TrendWindowSchema, counter: CounterWindowSchema, rate: RateWindowSchema, gauge: GaugeWindowSchema } as const;
export const WindowSchema = z.union([TrendWindowSchema, GaugeWindowSchema, RateWindowSchema, CounterWindowSchema]);

/**
 * Whether `w` is a window of `type` as the strict schemas above say (the fields of its type and no other;
 * `i` whole, `count` ≥ 0, `passes` whole ≥ 0, the sketch numbers), checked by hand for speed: a merge of 64
 * shards checks a million windows. False means "ask the schema" (which holds the rules, and the message).
 */
function windowFits(type: MetricType, w: unknown): boolean {
  if (typeof w !== 'object' || w === null) return false;
  const o = w as Record<string, unknown>;
  // Named reads of each type's fields (one shape each, fast), then the count of own keys: no other field.
  if (!(isFinite(o['i']) && Number.isInteger(o['i']) && isFinite(o['count']) && o['count'] >= 0)) return false;
  let fields: number;
  switch (type) {
    case 'trend': {
      if (!(isFinite(o['sum']) && isFinite(o['min']) && isFinite(o['max']) && isFinite(o['sumLog']) && isFinite(o['sumLogSq']))) return false;
      const sketch = o['sketch'];
      if (!Array.isArray(sketch)) return false;
      for (let k = 0; k < sketch.length; k++) if (!isFinite(sketch[k])) return false;
      fields = 8;
      break;
    }
    case 'counter':
      fields = 2;
      break;
    case 'rate':
      if (!(isFinite(o['passes']) && Number.isInteger(o['passes']) && o['passes'] >= 0)) return false;
      fields = 3;
      break;
    case 'gauge':
      if (!(isFinite(o['min']) && isFinite(o['max']) && isFinite(o['last']))) return false;
      fields = 5;
      break;
  }
  // Its keys are exactly its type's fields: compared in the order they are written, else looked up. A for-in,
  // not Object.keys: that allocated an array per window, 76 of the 500 MB a 64-shard merge allocated.
  const expected = WINDOW_FIELDS[type];
  let n = 0;
  for (const key in o) {
    if (n >= fields || (key !== expected[n] && !expected.includes(key))) return false;
    n++;
  }
  return n === fields;
}

/** Whether `w` is a window of `type`: the hand check first; zod (the same rules) only confirms a window it refuses. */
function isWindowOf(type: MetricType, w: unknown): boolean {
  return windowFits(type, w) || WINDOW_SCHEMAS[type].safeParse(w).success;
}

/**
 * Whether `windows` is a series of windows of `type`, as the document schema requires of the series of a
 * scope of that type: what ingest/lazy-run-document.ts checks of each series it parses on its own.
 */
export function isSeriesOf(type: MetricType, windows: unknown): windows is Window[] {
  if (!Array.isArray(windows)) return false;
  for (const w of windows) if (!isWindowOf(type, w)) return false;
  return true;
}

const WINDOW_FIELDS: Record<MetricType, readonly string[]> = {
  trend: ['i', 'count', 'sum', 'min', 'max', 'sumLog', 'sumLogSq', 'sketch'],
  counter: ['i', 'count'],
  rate: ['i', 'count', 'passes'],
  gauge: ['i', 'count', 'min', 'max', 'last'],
};

/** A finite number (what z.number() accepts). */
function isFinite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export const MemorySampleSchema = z.object({
  /** Unix milliseconds. */
  t: z.number(),
  rssBytes: z.number().nonnegative(),
  heapUsedBytes: z.number().nonnegative().optional(),
  // What a Prometheus client's /metrics page tells besides memory, for "which resource moved with the
  // latency" (gate/resources.ts). Counters are cumulative since the process started, as exposed.
  /** `process_cpu_seconds_total`: user + system CPU seconds of the service process. */
  cpuSeconds: z.number().nonnegative().optional(),
  /** Σ `nodejs_gc_duration_seconds_sum` over GC kinds: seconds the service spent collecting garbage. */
  gcSeconds: z.number().nonnegative().optional(),
  /** `nodejs_eventloop_lag_p99_seconds`: the event loop's p99 delay since the previous scrape (prom-client resets it per scrape). */
  eventLoopLagP99Seconds: z.number().nonnegative().optional(),
  /** `process_open_fds`: open file descriptors, sockets included (connections held by the service). */
  openFds: z.number().nonnegative().optional(),
});
export type MemorySample = z.infer<typeof MemorySampleSchema>;

export const SourceSchema = z.object({
  file: z.string(),
  /** The reader that read it: `k6-ndjson`, `k6-csv`, `k6-summary-export`, `k6-handle-summary`, `k6-machine-readable-summary`, `embedded`, … (open: new tools add formats). */
  format: z.string().min(1),
  lines: z.number().int().nonnegative(),
  partial: z.boolean(),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * A shard of a distributed test (docs/distributed.md): which slice of the whole it ran (k6's execution
 * segment in its sequence, as k6 writes them), a SHA-256 of the script it ran, and when its load started.
 * `merge` checks that shards form one whole with these. Absent in documents that are no shard.
 */
export const ShardRecordSchema = z.object({
  /** 1-based, ≤ count. */
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  /** `1/4:1/2`. */
  segment: z.string().min(1),
  /** `0,1/4,1/2,3/4,1`. */
  sequence: z.string().min(1),
  /** Hex SHA-256 of the script file's bytes. */
  scriptHash: z.string().min(1),
  /** ISO 8601: when this shard's load tool was started. */
  startedAt: z.string(),
  /** ISO 8601: the common start all shards waited for (`--start-at`), if any. */
  startAt: z.string().optional(),
  /** The shard's region (`--region`), for per-region figures. */
  region: z.string().optional(),
  /**
   * The script's thresholds by metric (`k6 inspect`): off in the shard, judged once on the merged run.
   * Absent when they could not be read, and in documents of older versions.
   */
  thresholds: z.record(z.string(), z.array(z.string())).optional(),
});
export type ShardRecord = z.infer<typeof ShardRecordSchema>;

/**
 * What a merge of shard documents recorded about them (docs/distributed.md): the whole they form, each
 * shard's request count, the shards that are missing (merged with `allowMissingShards`) and how far apart
 * their loads really started.
 */
export const ShardsSummarySchema = z.object({
  count: z.number().int().positive(),
  sequence: z.string(),
  scriptHash: z.string(),
  /** The merged shards in index order. */
  members: z.array(z.object({
    index: z.number().int().positive(),
    segment: z.string(),
    /** Requests (the requests role's count) this shard made. */
    requests: z.number().nonnegative(),
    startedAt: z.string(),
    region: z.string().optional(),
  })),
  /** Shards of the sequence no document was given for (only with allowMissingShards). */
  missing: z.array(z.object({ index: z.number().int().positive(), segment: z.string() })),
  /** Latest minus earliest `startedAt`, seconds. */
  startSpreadSeconds: z.number().nonnegative(),
  /** The script's thresholds the shards recorded (every shard the same), for the merged run's verdict. */
  thresholds: z.record(z.string(), z.array(z.string())).optional(),
});
export type ShardsSummary = z.infer<typeof ShardsSummarySchema>;

export const RunDocumentSchema = z.object({
  schema: z.literal(RUN_DOCUMENT_SCHEMA),
  meta: z.object({
    /** The load tool: `k6`, `embedded`, … (open: new tools add names). */
    tool: z.string().min(1),
    /**
     * The tool's names for what the gate judges: the request latency, the request count and the failed
     * requests. Absent in older documents, which are k6's (http_req_duration, http_reqs, http_req_failed).
     */
    roles: z.object({ latency: z.string(), requests: z.string(), failures: z.string() }).optional(),
    toolVersion: z.string().optional(),
    stage: z.string().optional(),
    /** ISO 8601. */
    start: z.string(),
    end: z.string(),
    durationSeconds: z.number().nonnegative(),
    gitSha: z.string().optional(),
    labels: z.record(z.string(), z.string()),
    /** Read only up to a break (k6 killed, truncated file): numbers cover what was measured. */
    partial: z.boolean(),
    /** Aggregates only (summary JSON): distribution tests do not apply. */
    aggregateOnly: z.boolean(),
    groupBy: z.array(z.string()),
    sources: z.array(SourceSchema),
    warnings: z.array(z.string()),
    /** This document is one shard of a distributed test. Absent otherwise (and in older documents). */
    shard: ShardRecordSchema.optional(),
    /** This document is the merge of shards. Absent otherwise (and in older documents). */
    shards: ShardsSummarySchema.optional(),
  }),
  metrics: z.record(z.string(), z.object({
    type: MetricTypeSchema,
    contains: z.enum(['time', 'data', 'default']),
    thresholds: z.array(z.string()),
    /** Tag keys the metric's points carried (sorted, at most 64), so a policy naming another tag can be told so. Absent in older documents and summaries. */
    tags: z.array(z.string()).optional(),
  })),
  scopes: z.record(z.string(), ScopeSchema),
  windows: z.object({
    originMs: z.number(),
    widthMs: z.number().positive(),
    // Checked window by window against its scope's type in superRefine (windowFits, by hand: a document of
    // 64 merged shards holds a million windows, and a zod union per window cost seconds; even zod's own walk
    // of each list, one custom check per window, doubled the validation of bench:merge's 64 shards, 130 → 280 ms).
    series: z.record(z.string(), z.custom<Window[]>((a) => Array.isArray(a), { message: 'not a list of windows' })),
  }),
  memory: z.object({ source: z.string(), samples: z.array(MemorySampleSchema) }).optional(),
}).superRefine((doc, ctx) => {
  // Each series must hold its scope's kind of window, so readers can take the type from the scope.
  for (const [name, windows] of Object.entries(doc.windows.series)) {
    const scope = doc.scopes[name];
    if (!scope) {
      ctx.addIssue({ code: 'custom', path: ['windows', 'series', name], message: `series '${name}' has no scope of that name` });
      continue;
    }
    windows.forEach((w, k) => {
      if (!isWindowOf(scope.type, w)) ctx.addIssue({ code: 'custom', path: ['windows', 'series', name, k], message: `not a ${scope.type} window, as its scope is` });
    });
  }
});
export type RunDocument = z.infer<typeof RunDocumentSchema>;

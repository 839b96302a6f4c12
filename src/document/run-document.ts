import { z } from 'zod';

/**
 * The run document: one ingested run as versioned JSON. Every source (k6 NDJSON, CSV, summary JSON, the
 * embedded engine) produces it, the baseline store keeps it, `merge` adds them and `compare` reads two.
 * Users keep these for years, so the schema is versioned and documented in docs/run-document.md.
 */
export const RUN_DOCUMENT_SCHEMA = 'perf-gate/run@1';

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

export const ScopeSchema = z.object({
  metric: z.string(),
  tags: z.record(z.string(), z.string()),
  type: MetricTypeSchema,
  trend: EncodedTrendSchema.optional(),
  counter: z.object({ count: z.number(), samples: z.number().int().nonnegative() }).optional(),
  rate: z.object({ passes: z.number().int().nonnegative(), fails: z.number().int().nonnegative() }).optional(),
  gauge: z.object({ value: z.number(), min: z.number(), max: z.number(), samples: z.number().int().nonnegative() }).optional(),
  /** Only for aggregate-only sources: k6's own keys (`avg`, `p(95)`, `count`, `rate`, …). */
  reported: ReportedValuesSchema.optional(),
});
export type Scope = z.infer<typeof ScopeSchema>;

/** One time window of one scope. Fields present depend on the metric type. */
export const WindowSchema = z.object({
  /** Window index from `windows.originMs` in steps of `windows.widthMs`. */
  i: z.number().int(),
  count: z.number().nonnegative(),
  // trend
  sum: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Σ ln(v) and Σ ln(v)² over positive values: the within-window spread on the log scale. */
  sumLog: z.number().optional(),
  sumLogSq: z.number().optional(),
  /** Window sketch, flat [key, count, …] (±1 % log buckets). */
  sketch: z.array(z.number()).optional(),
  // rate
  passes: z.number().int().nonnegative().optional(),
  // gauge
  last: z.number().optional(),
});
export type Window = z.infer<typeof WindowSchema>;

export const MemorySampleSchema = z.object({
  /** Unix milliseconds. */
  t: z.number(),
  rssBytes: z.number().nonnegative(),
  heapUsedBytes: z.number().nonnegative().optional(),
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
    series: z.record(z.string(), z.array(WindowSchema)),
  }),
  memory: z.object({ source: z.string(), samples: z.array(MemorySampleSchema) }).optional(),
});
export type RunDocument = z.infer<typeof RunDocumentSchema>;

import { z } from 'zod';
import { RUN_DOCUMENT_SCHEMA } from './schema-version.js';
/**
 * The run document: one ingested run as versioned JSON. Every source (k6 NDJSON, CSV, summary JSON, the
 * embedded engine) produces it, the baseline store keeps it, `merge` adds them and `compare` reads two.
 * Users keep these for years, so the schema is versioned and documented in docs/run-document.md.
 */
export { RUN_DOCUMENT_SCHEMA };
export declare const MetricTypeSchema: z.ZodEnum<{
    trend: "trend";
    counter: "counter";
    rate: "rate";
    gauge: "gauge";
}>;
export type MetricType = z.infer<typeof MetricTypeSchema>;
export declare const EncodedTrendSchema: z.ZodObject<{
    count: z.ZodNumber;
    sum: z.ZodNumber;
    min: z.ZodNumber;
    max: z.ZodNumber;
    scale: z.ZodNumber;
    hdr: z.ZodString;
    negatives: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
/** Aggregates exactly as k6 reported them, for sources that hold no distribution (summary JSON). */
export declare const ReportedValuesSchema: z.ZodRecord<z.ZodString, z.ZodNumber>;
export declare const RateCountsSchema: z.ZodObject<{
    passes: z.ZodNumber;
    fails: z.ZodNumber;
}, z.core.$strip>;
export type RateCounts = z.infer<typeof RateCountsSchema>;
/** A measured scope is one of four, as k6 keeps one sink per metric type; each carries its own totals. */
export declare const TrendScopeSchema: z.ZodObject<{
    type: z.ZodLiteral<"trend">;
    trend: z.ZodObject<{
        count: z.ZodNumber;
        sum: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        scale: z.ZodNumber;
        hdr: z.ZodString;
        negatives: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>;
export declare const CounterScopeSchema: z.ZodObject<{
    type: z.ZodLiteral<"counter">;
    counter: z.ZodObject<{
        count: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>;
/**
 * How some failed requests failed: their status code and k6 `error_code` tags (either absent when the
 * points had no such tag), or `other: true` for the signatures past the cap of a scope.
 */
export declare const FailureSignatureSchema: z.ZodObject<{
    status: z.ZodOptional<z.ZodString>;
    errorCode: z.ZodOptional<z.ZodString>;
    other: z.ZodOptional<z.ZodLiteral<true>>;
    failed: z.ZodNumber;
}, z.core.$strict>;
export type FailureSignature = z.infer<typeof FailureSignatureSchema>;
/**
 * `signatures`: on the scopes of the failures metric (k6's http_req_failed), the failed requests by
 * signature, most frequent first (failure-signatures.ts). Absent in documents written before it was
 * recorded: then signatures cannot be compared. An empty list means no request failed.
 */
export declare const RateScopeSchema: z.ZodObject<{
    type: z.ZodLiteral<"rate">;
    rate: z.ZodObject<{
        passes: z.ZodNumber;
        fails: z.ZodNumber;
    }, z.core.$strip>;
    signatures: z.ZodOptional<z.ZodArray<z.ZodObject<{
        status: z.ZodOptional<z.ZodString>;
        errorCode: z.ZodOptional<z.ZodString>;
        other: z.ZodOptional<z.ZodLiteral<true>>;
        failed: z.ZodNumber;
    }, z.core.$strict>>>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>;
export declare const GaugeScopeSchema: z.ZodObject<{
    type: z.ZodLiteral<"gauge">;
    gauge: z.ZodObject<{
        value: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>;
export declare const MeasuredScopeSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"trend">;
    trend: z.ZodObject<{
        count: z.ZodNumber;
        sum: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        scale: z.ZodNumber;
        hdr: z.ZodString;
        negatives: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"counter">;
    counter: z.ZodObject<{
        count: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"rate">;
    rate: z.ZodObject<{
        passes: z.ZodNumber;
        fails: z.ZodNumber;
    }, z.core.$strip>;
    signatures: z.ZodOptional<z.ZodArray<z.ZodObject<{
        status: z.ZodOptional<z.ZodString>;
        errorCode: z.ZodOptional<z.ZodString>;
        other: z.ZodOptional<z.ZodLiteral<true>>;
        failed: z.ZodNumber;
    }, z.core.$strict>>>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"gauge">;
    gauge: z.ZodObject<{
        value: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>], "type">;
/**
 * A scope of an aggregate-only source (summary JSON): k6's own keys (`avg`, `p(95)`, `count`, `rate`, …)
 * and no distribution. A Rate keeps its exact counts too when the summary gives them as whole numbers.
 */
export declare const ReportedScopeSchema: z.ZodObject<{
    type: z.ZodEnum<{
        trend: "trend";
        counter: "counter";
        rate: "rate";
        gauge: "gauge";
    }>;
    reported: z.ZodRecord<z.ZodString, z.ZodNumber>;
    rate: z.ZodOptional<z.ZodObject<{
        passes: z.ZodNumber;
        fails: z.ZodNumber;
    }, z.core.$strip>>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>;
export declare const ScopeSchema: z.ZodUnion<readonly [z.ZodObject<{
    type: z.ZodEnum<{
        trend: "trend";
        counter: "counter";
        rate: "rate";
        gauge: "gauge";
    }>;
    reported: z.ZodRecord<z.ZodString, z.ZodNumber>;
    rate: z.ZodOptional<z.ZodObject<{
        passes: z.ZodNumber;
        fails: z.ZodNumber;
    }, z.core.$strip>>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"trend">;
    trend: z.ZodObject<{
        count: z.ZodNumber;
        sum: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        scale: z.ZodNumber;
        hdr: z.ZodString;
        negatives: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"counter">;
    counter: z.ZodObject<{
        count: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"rate">;
    rate: z.ZodObject<{
        passes: z.ZodNumber;
        fails: z.ZodNumber;
    }, z.core.$strip>;
    signatures: z.ZodOptional<z.ZodArray<z.ZodObject<{
        status: z.ZodOptional<z.ZodString>;
        errorCode: z.ZodOptional<z.ZodString>;
        other: z.ZodOptional<z.ZodLiteral<true>>;
        failed: z.ZodNumber;
    }, z.core.$strict>>>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"gauge">;
    gauge: z.ZodObject<{
        value: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>;
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>], "type">]>;
export type TrendScope = z.infer<typeof TrendScopeSchema>;
export type CounterScope = z.infer<typeof CounterScopeSchema>;
export type RateScope = z.infer<typeof RateScopeSchema>;
export type GaugeScope = z.infer<typeof GaugeScopeSchema>;
export type MeasuredScope = z.infer<typeof MeasuredScopeSchema>;
export type ReportedScope = z.infer<typeof ReportedScopeSchema>;
export type Scope = z.infer<typeof ScopeSchema>;
/** True for a scope of an aggregate-only source; the other scopes are measured, one union by `type`. */
export declare function isReported(scope: Scope): scope is ReportedScope;
export declare const TrendWindowSchema: z.ZodObject<{
    sum: z.ZodNumber;
    min: z.ZodNumber;
    max: z.ZodNumber;
    sumLog: z.ZodNumber;
    sumLogSq: z.ZodNumber;
    sketch: z.ZodArray<z.ZodNumber>;
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>;
/** `count` is the sum of the counter's values in the window. */
export declare const CounterWindowSchema: z.ZodObject<{
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>;
/** `count` points, of which `passes` non-zero (for http_req_failed: failed requests). */
export declare const RateWindowSchema: z.ZodObject<{
    passes: z.ZodNumber;
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>;
export declare const GaugeWindowSchema: z.ZodObject<{
    min: z.ZodNumber;
    max: z.ZodNumber;
    last: z.ZodNumber;
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>;
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
export declare const WindowSchema: z.ZodUnion<readonly [z.ZodObject<{
    sum: z.ZodNumber;
    min: z.ZodNumber;
    max: z.ZodNumber;
    sumLog: z.ZodNumber;
    sumLogSq: z.ZodNumber;
    sketch: z.ZodArray<z.ZodNumber>;
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>, z.ZodObject<{
    min: z.ZodNumber;
    max: z.ZodNumber;
    last: z.ZodNumber;
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>, z.ZodObject<{
    passes: z.ZodNumber;
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>, z.ZodObject<{
    i: z.ZodNumber;
    count: z.ZodNumber;
}, z.core.$strict>]>;
/**
 * Whether `windows` is a series of windows of `type`, as the document schema requires of the series of a
 * scope of that type: what ingest/lazy-run-document.ts checks of each series it parses on its own.
 */
export declare function isSeriesOf(type: MetricType, windows: unknown): windows is Window[];
export declare const MemorySampleSchema: z.ZodObject<{
    t: z.ZodNumber;
    rssBytes: z.ZodNumber;
    heapUsedBytes: z.ZodOptional<z.ZodNumber>;
    cpuSeconds: z.ZodOptional<z.ZodNumber>;
    gcSeconds: z.ZodOptional<z.ZodNumber>;
    eventLoopLagP99Seconds: z.ZodOptional<z.ZodNumber>;
    openFds: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export type MemorySample = z.infer<typeof MemorySampleSchema>;
export declare const SourceSchema: z.ZodObject<{
    file: z.ZodString;
    format: z.ZodString;
    lines: z.ZodNumber;
    partial: z.ZodBoolean;
}, z.core.$strip>;
export type Source = z.infer<typeof SourceSchema>;
/**
 * A shard of a distributed test (docs/distributed.md): which slice of the whole it ran (k6's execution
 * segment in its sequence, as k6 writes them), a SHA-256 of the script it ran, and when its load started.
 * `merge` checks that shards form one whole with these. Absent in documents that are no shard.
 */
export declare const ShardRecordSchema: z.ZodObject<{
    index: z.ZodNumber;
    count: z.ZodNumber;
    segment: z.ZodString;
    sequence: z.ZodString;
    scriptHash: z.ZodString;
    startedAt: z.ZodString;
    startAt: z.ZodOptional<z.ZodString>;
    region: z.ZodOptional<z.ZodString>;
    thresholds: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodArray<z.ZodString>>>;
}, z.core.$strip>;
export type ShardRecord = z.infer<typeof ShardRecordSchema>;
/**
 * What a merge of shard documents recorded about them (docs/distributed.md): the whole they form, each
 * shard's request count, the shards that are missing (merged with `allowMissingShards`) and how far apart
 * their loads really started.
 */
export declare const ShardsSummarySchema: z.ZodObject<{
    count: z.ZodNumber;
    sequence: z.ZodString;
    scriptHash: z.ZodString;
    members: z.ZodArray<z.ZodObject<{
        index: z.ZodNumber;
        segment: z.ZodString;
        requests: z.ZodNumber;
        startedAt: z.ZodString;
        region: z.ZodOptional<z.ZodString>;
    }, z.core.$strip>>;
    missing: z.ZodArray<z.ZodObject<{
        index: z.ZodNumber;
        segment: z.ZodString;
    }, z.core.$strip>>;
    startSpreadSeconds: z.ZodNumber;
    thresholds: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodArray<z.ZodString>>>;
}, z.core.$strip>;
export type ShardsSummary = z.infer<typeof ShardsSummarySchema>;
export declare const RunDocumentSchema: z.ZodObject<{
    schema: z.ZodLiteral<"perf-gate/run@1">;
    meta: z.ZodObject<{
        tool: z.ZodString;
        roles: z.ZodOptional<z.ZodObject<{
            latency: z.ZodString;
            requests: z.ZodString;
            failures: z.ZodString;
        }, z.core.$strip>>;
        toolVersion: z.ZodOptional<z.ZodString>;
        stage: z.ZodOptional<z.ZodString>;
        start: z.ZodString;
        end: z.ZodString;
        durationSeconds: z.ZodNumber;
        gitSha: z.ZodOptional<z.ZodString>;
        labels: z.ZodRecord<z.ZodString, z.ZodString>;
        partial: z.ZodBoolean;
        aggregateOnly: z.ZodBoolean;
        groupBy: z.ZodArray<z.ZodString>;
        sources: z.ZodArray<z.ZodObject<{
            file: z.ZodString;
            format: z.ZodString;
            lines: z.ZodNumber;
            partial: z.ZodBoolean;
        }, z.core.$strip>>;
        warnings: z.ZodArray<z.ZodString>;
        shard: z.ZodOptional<z.ZodObject<{
            index: z.ZodNumber;
            count: z.ZodNumber;
            segment: z.ZodString;
            sequence: z.ZodString;
            scriptHash: z.ZodString;
            startedAt: z.ZodString;
            startAt: z.ZodOptional<z.ZodString>;
            region: z.ZodOptional<z.ZodString>;
            thresholds: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodArray<z.ZodString>>>;
        }, z.core.$strip>>;
        shards: z.ZodOptional<z.ZodObject<{
            count: z.ZodNumber;
            sequence: z.ZodString;
            scriptHash: z.ZodString;
            members: z.ZodArray<z.ZodObject<{
                index: z.ZodNumber;
                segment: z.ZodString;
                requests: z.ZodNumber;
                startedAt: z.ZodString;
                region: z.ZodOptional<z.ZodString>;
            }, z.core.$strip>>;
            missing: z.ZodArray<z.ZodObject<{
                index: z.ZodNumber;
                segment: z.ZodString;
            }, z.core.$strip>>;
            startSpreadSeconds: z.ZodNumber;
            thresholds: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodArray<z.ZodString>>>;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    metrics: z.ZodRecord<z.ZodString, z.ZodObject<{
        type: z.ZodEnum<{
            trend: "trend";
            counter: "counter";
            rate: "rate";
            gauge: "gauge";
        }>;
        contains: z.ZodEnum<{
            default: "default";
            time: "time";
            data: "data";
        }>;
        thresholds: z.ZodArray<z.ZodString>;
        tags: z.ZodOptional<z.ZodArray<z.ZodString>>;
    }, z.core.$strip>>;
    scopes: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodObject<{
        type: z.ZodEnum<{
            trend: "trend";
            counter: "counter";
            rate: "rate";
            gauge: "gauge";
        }>;
        reported: z.ZodRecord<z.ZodString, z.ZodNumber>;
        rate: z.ZodOptional<z.ZodObject<{
            passes: z.ZodNumber;
            fails: z.ZodNumber;
        }, z.core.$strip>>;
        metric: z.ZodString;
        tags: z.ZodRecord<z.ZodString, z.ZodString>;
    }, z.core.$strip>, z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"trend">;
        trend: z.ZodObject<{
            count: z.ZodNumber;
            sum: z.ZodNumber;
            min: z.ZodNumber;
            max: z.ZodNumber;
            scale: z.ZodNumber;
            hdr: z.ZodString;
            negatives: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>;
        metric: z.ZodString;
        tags: z.ZodRecord<z.ZodString, z.ZodString>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"counter">;
        counter: z.ZodObject<{
            count: z.ZodNumber;
            samples: z.ZodNumber;
        }, z.core.$strip>;
        metric: z.ZodString;
        tags: z.ZodRecord<z.ZodString, z.ZodString>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"rate">;
        rate: z.ZodObject<{
            passes: z.ZodNumber;
            fails: z.ZodNumber;
        }, z.core.$strip>;
        signatures: z.ZodOptional<z.ZodArray<z.ZodObject<{
            status: z.ZodOptional<z.ZodString>;
            errorCode: z.ZodOptional<z.ZodString>;
            other: z.ZodOptional<z.ZodLiteral<true>>;
            failed: z.ZodNumber;
        }, z.core.$strict>>>;
        metric: z.ZodString;
        tags: z.ZodRecord<z.ZodString, z.ZodString>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"gauge">;
        gauge: z.ZodObject<{
            value: z.ZodNumber;
            min: z.ZodNumber;
            max: z.ZodNumber;
            samples: z.ZodNumber;
        }, z.core.$strip>;
        metric: z.ZodString;
        tags: z.ZodRecord<z.ZodString, z.ZodString>;
    }, z.core.$strip>], "type">]>>;
    windows: z.ZodObject<{
        originMs: z.ZodNumber;
        widthMs: z.ZodNumber;
        series: z.ZodRecord<z.ZodString, z.ZodCustom<Window[], Window[]>>;
    }, z.core.$strip>;
    memory: z.ZodOptional<z.ZodObject<{
        source: z.ZodString;
        samples: z.ZodArray<z.ZodObject<{
            t: z.ZodNumber;
            rssBytes: z.ZodNumber;
            heapUsedBytes: z.ZodOptional<z.ZodNumber>;
            cpuSeconds: z.ZodOptional<z.ZodNumber>;
            gcSeconds: z.ZodOptional<z.ZodNumber>;
            eventLoopLagP99Seconds: z.ZodOptional<z.ZodNumber>;
            openFds: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type RunDocument = z.infer<typeof RunDocumentSchema>;

import { z } from 'zod';
/**
 * The run document: one ingested run as versioned JSON. Every source (k6 NDJSON, CSV, summary JSON, the
 * embedded engine) produces it, the baseline store keeps it, `merge` adds them and `compare` reads two.
 * Users keep these for years, so the schema is versioned and documented in docs/run-document.md.
 */
export declare const RUN_DOCUMENT_SCHEMA = "perf-gate/run@1";
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
export declare const ScopeSchema: z.ZodObject<{
    metric: z.ZodString;
    tags: z.ZodRecord<z.ZodString, z.ZodString>;
    type: z.ZodEnum<{
        trend: "trend";
        counter: "counter";
        rate: "rate";
        gauge: "gauge";
    }>;
    trend: z.ZodOptional<z.ZodObject<{
        count: z.ZodNumber;
        sum: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        scale: z.ZodNumber;
        hdr: z.ZodString;
        negatives: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>>;
    counter: z.ZodOptional<z.ZodObject<{
        count: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>>;
    rate: z.ZodOptional<z.ZodObject<{
        passes: z.ZodNumber;
        fails: z.ZodNumber;
    }, z.core.$strip>>;
    gauge: z.ZodOptional<z.ZodObject<{
        value: z.ZodNumber;
        min: z.ZodNumber;
        max: z.ZodNumber;
        samples: z.ZodNumber;
    }, z.core.$strip>>;
    reported: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNumber>>;
}, z.core.$strip>;
export type Scope = z.infer<typeof ScopeSchema>;
/** One time window of one scope. Fields present depend on the metric type. */
export declare const WindowSchema: z.ZodObject<{
    i: z.ZodNumber;
    count: z.ZodNumber;
    sum: z.ZodOptional<z.ZodNumber>;
    min: z.ZodOptional<z.ZodNumber>;
    max: z.ZodOptional<z.ZodNumber>;
    sumLog: z.ZodOptional<z.ZodNumber>;
    sumLogSq: z.ZodOptional<z.ZodNumber>;
    sketch: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
    passes: z.ZodOptional<z.ZodNumber>;
    last: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export type Window = z.infer<typeof WindowSchema>;
export declare const MemorySampleSchema: z.ZodObject<{
    t: z.ZodNumber;
    rssBytes: z.ZodNumber;
    heapUsedBytes: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export type MemorySample = z.infer<typeof MemorySampleSchema>;
export declare const SourceSchema: z.ZodObject<{
    file: z.ZodString;
    format: z.ZodString;
    lines: z.ZodNumber;
    partial: z.ZodBoolean;
}, z.core.$strip>;
export type Source = z.infer<typeof SourceSchema>;
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
    scopes: z.ZodRecord<z.ZodString, z.ZodObject<{
        metric: z.ZodString;
        tags: z.ZodRecord<z.ZodString, z.ZodString>;
        type: z.ZodEnum<{
            trend: "trend";
            counter: "counter";
            rate: "rate";
            gauge: "gauge";
        }>;
        trend: z.ZodOptional<z.ZodObject<{
            count: z.ZodNumber;
            sum: z.ZodNumber;
            min: z.ZodNumber;
            max: z.ZodNumber;
            scale: z.ZodNumber;
            hdr: z.ZodString;
            negatives: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
        counter: z.ZodOptional<z.ZodObject<{
            count: z.ZodNumber;
            samples: z.ZodNumber;
        }, z.core.$strip>>;
        rate: z.ZodOptional<z.ZodObject<{
            passes: z.ZodNumber;
            fails: z.ZodNumber;
        }, z.core.$strip>>;
        gauge: z.ZodOptional<z.ZodObject<{
            value: z.ZodNumber;
            min: z.ZodNumber;
            max: z.ZodNumber;
            samples: z.ZodNumber;
        }, z.core.$strip>>;
        reported: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNumber>>;
    }, z.core.$strip>>;
    windows: z.ZodObject<{
        originMs: z.ZodNumber;
        widthMs: z.ZodNumber;
        series: z.ZodRecord<z.ZodString, z.ZodArray<z.ZodObject<{
            i: z.ZodNumber;
            count: z.ZodNumber;
            sum: z.ZodOptional<z.ZodNumber>;
            min: z.ZodOptional<z.ZodNumber>;
            max: z.ZodOptional<z.ZodNumber>;
            sumLog: z.ZodOptional<z.ZodNumber>;
            sumLogSq: z.ZodOptional<z.ZodNumber>;
            sketch: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
            passes: z.ZodOptional<z.ZodNumber>;
            last: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>>;
    }, z.core.$strip>;
    memory: z.ZodOptional<z.ZodObject<{
        source: z.ZodString;
        samples: z.ZodArray<z.ZodObject<{
            t: z.ZodNumber;
            rssBytes: z.ZodNumber;
            heapUsedBytes: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type RunDocument = z.infer<typeof RunDocumentSchema>;

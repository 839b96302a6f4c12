/**
 * One line of a stage's history: the whole-run figures a baseline store keeps of every run it is given,
 * for the trend in the report. Pure.
 */
import { z } from 'zod';
import type { RunDocument } from './run-document.js';
/** One scope's level in a history entry (whole run without `scope`), for learning run-to-run noise. */
export declare const HistoryLevelSchema: z.ZodObject<{
    scope: z.ZodOptional<z.ZodObject<{
        tag: z.ZodString;
        value: z.ZodString;
    }, z.core.$strip>>;
    count: z.ZodNumber;
    logMean: z.ZodNumber;
    se: z.ZodNumber;
    quantiles: z.ZodOptional<z.ZodArray<z.ZodObject<{
        q: z.ZodNumber;
        log: z.ZodNumber;
        se: z.ZodNumber;
    }, z.core.$strip>>>;
}, z.core.$strip>;
export type HistoryLevel = z.infer<typeof HistoryLevelSchema>;
/** One run in a stage's history: the whole-run request-latency figures, for trends and the chart. */
export declare const HistoryEntrySchema: z.ZodObject<{
    sha: z.ZodString;
    start: z.ZodString;
    end: z.ZodString;
    durationSeconds: z.ZodNumber;
    p50: z.ZodNullable<z.ZodNumber>;
    p95: z.ZodNullable<z.ZodNumber>;
    p99: z.ZodNullable<z.ZodNumber>;
    throughput: z.ZodNullable<z.ZodNumber>;
    errorRate: z.ZodNullable<z.ZodNumber>;
    latencyMetric: z.ZodOptional<z.ZodString>;
    levels: z.ZodOptional<z.ZodArray<z.ZodObject<{
        scope: z.ZodOptional<z.ZodObject<{
            tag: z.ZodString;
            value: z.ZodString;
        }, z.core.$strip>>;
        count: z.ZodNumber;
        logMean: z.ZodNumber;
        se: z.ZodNumber;
        quantiles: z.ZodOptional<z.ZodArray<z.ZodObject<{
            q: z.ZodNumber;
            log: z.ZodNumber;
            se: z.ZodNumber;
        }, z.core.$strip>>>;
    }, z.core.$strip>>>;
}, z.core.$strip>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
/**
 * The history entry of a run: whole-run p50/p95/p99 (ms) of the request latency (the policy's
 * latencyMetric when given, else the tool's own), requests per second and error rate, null where the run
 * has no such data; and the level of the whole run and of each endpoint (each value of the run's grouping
 * tags), from which a later comparison learns how much runs of the baseline branch wobble.
 */
export declare function historyEntry(doc: RunDocument, sha: string, latencyMetric?: string): HistoryEntry;
/** The percentiles a history entry keeps per scope: the median (for the tail's spread) and the usual tail percentiles. */
export declare const HISTORY_QUANTILES: readonly number[];
/**
 * The entries that describe the latency metric `judged` (one without `latencyMetric` describes the tool's
 * own, `toolOwn`), in their order: one series. Figures of another metric (written before the config's
 * latencyMetric changed) would show the change of config as a shift, and teach the noise of another series.
 *
 * @example entriesOfLatency(history, 'http_req_duration{scenario:api}', 'http_req_duration')
 */
export declare function entriesOfLatency(history: readonly HistoryEntry[], judged: string, toolOwn: string): HistoryEntry[];
/**
 * The entries of the newest entry's latency metric: the series a history file stands for when nothing
 * else says which metric is judged (`perf-gate history`, the HTML report's chart).
 */
export declare function newestLatencySeries(history: readonly HistoryEntry[]): HistoryEntry[];

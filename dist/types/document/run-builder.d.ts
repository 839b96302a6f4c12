import { WindowTotals } from './accumulators.js';
import type { PointBuilder } from './point-builder.js';
import type { MetricType, RunDocument, Source, Window } from './run-document.js';
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
    readonly submetrics?: readonly {
        readonly metric: string;
        readonly tags: Readonly<Record<string, string>>;
    }[];
    /** At most this many values per `groupBy` tag get their own scopes; the rest go into `(other)` (default 500). */
    readonly maxScopes?: number;
    /** The metric that counts requests, the run's span is found from (the tool's role; default k6's http_reqs). */
    readonly requestsMetric?: string;
    /** The rate of failed requests, whose scopes keep failure signatures (the tool's role; default k6's http_req_failed). */
    readonly failuresMetric?: string;
}
/**
 * Where one point lands, as a builder answered `targets` (see PointBuilder): give it back to the same
 * builder's `point`, never to another.
 */
export interface PointTargets {
    readonly metric: number;
}
/**
 * Builds a run document from points in constant memory: per scope running totals (HDR histograms for
 * trends) and per window small sketches, whatever the number of points. Parsers call `defineMetric`,
 * `targets` (cache its answer per tag set) and `point`.
 */
export declare class RunBuilder implements PointBuilder {
    private readonly options;
    private readonly metrics;
    private readonly metricIds;
    private readonly leaves;
    private readonly extraSubmetrics;
    private originMs;
    private widthMs;
    private widthStep;
    /**
     * Window indexes that hold points. 'auto' widens when more than `maxWindows` are occupied — not when the
     * span would need more: one stray point an hour away adds one window instead of coarsening all of them.
     */
    private occupied;
    private lastOccupied;
    /** The highest window index any point went to, and the leaves with windows still counting densely. */
    private maxSeenIndex;
    private readonly openLeaves;
    /** Templates for URL-like grouping values and the maxScopes cap. */
    private readonly cardinality;
    /** Where the points lie in time: the run's span, without stray points far from it (run-span.ts). */
    private readonly profile;
    private readonly maxWindows;
    points: number;
    /** The request counter's name (see RunBuilderOptions.requestsMetric). */
    private readonly requestsMetric;
    /** The failures rate's name (see RunBuilderOptions.failuresMetric), and its id once defined. */
    private readonly failuresMetric;
    private failuresId;
    /** The failure signatures told apart so far (at most MAX_SIGNATURE_KEYS; later new ones are `other`). */
    private readonly signatureKeys;
    constructor(options: RunBuilderOptions);
    /** Declares a metric (k6 writes one "Metric" line before its first point). Returns its id. */
    defineMetric(def: MetricDefinition): number;
    metricId(name: string): number | undefined;
    metricDefinition(id: number): MetricDefinition;
    /** The leaf a point of this metric with these tags counts in. Parsers should cache the answer per raw tag text. */
    targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets;
    /** The signature key of a failures point's tags, bounded: past MAX_SIGNATURE_KEYS new ones are `other`. */
    private signatureOf;
    readonly next: Float64Array<ArrayBuffer>;
    point(targets: PointTargets, timeMs: number, value: number): void;
    recordNext(targets: PointTargets): void;
    private windowIndex;
    /**
     * Compacts the windows of every leaf that are two or more behind the newest: a leaf with a rare tag
     * set (one of thousands of endpoints) would otherwise keep its dense counters to the end of the run.
     */
    private closeStale;
    /** Steps to the next wider window and merges the existing windows into it. */
    private widen;
    /**
     * Scopes as sums of their leaves, built and encoded one at a time so that only one scope's sum is in
     * memory at once (a run has hundreds of scopes).
     */
    private encodeScopes;
    /** Requests and points per value of each grouping tag, for the maxScopes cap. */
    private scopeWeights;
    /** The run document of everything recorded so far. */
    finish(info: RunInfo): RunDocument;
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
/** Windows `lowest` to `highest` (inclusive), indexed from `lowest`. */
export declare function encodeWindows(windows: Map<number, WindowTotals>, lowest: number, highest?: number): Window[];

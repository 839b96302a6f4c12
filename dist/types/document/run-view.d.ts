import { type FailureSignature, type MetricType, type RunDocument, type Scope, type WindowOf } from './run-document.js';
import { type MetricRoles } from './roles.js';
import type { Unit } from './unit.js';
import type { Distribution } from '../stats/distribution.js';
/**
 * Read-only questions a comparison asks of one run document: distributions, k6-style aggregates,
 * throughput and error rate of a scope, its windows. Decoding is cached: a histogram is decoded once.
 */
export declare class RunView {
    readonly doc: RunDocument;
    private readonly distributions;
    constructor(doc: RunDocument);
    get durationSeconds(): number;
    get aggregateOnly(): boolean;
    /** The tool's names for the request latency, count and failures (k6's for documents that do not say). */
    get roles(): MetricRoles;
    scope(name: string): Scope | undefined;
    /** The trend's distribution (ascending buckets), or undefined when the scope has none (aggregate-only, not a trend). */
    distribution(name: string): Distribution | undefined;
    /**
     * A k6 aggregate of a scope by k6's own key (`avg`, `min`, `med`, `max`, `p(95)`, `count`, `rate`,
     * `passes`, `fails`, `value`), computed as k6 computes it; undefined when it does not apply.
     */
    value(name: string, key: string): number | undefined;
    /** Requests per second of a scope of the latency metric, from the matching scope of the request counter. */
    throughput(tags: Readonly<Record<string, string>>, requestsMetric?: string): number | undefined;
    /** Failed requests / all requests of a scope, from the matching scope of the failures rate. */
    errors(tags: Readonly<Record<string, string>>, failedMetric?: string): {
        failed: number;
        total: number;
    } | undefined;
    /**
     * Failed requests of a scope by failure signature (status and error_code), from the matching scope of the
     * failures rate; undefined when the document does not record them (older documents, summaries) or has no
     * such scope. An empty list: recorded, and nothing failed.
     */
    signatures(tags: Readonly<Record<string, string>>, failedMetric?: string): readonly FailureSignature[] | undefined;
    /** The windows of a scope of this metric type (none when the scope is another type, or aggregate-only). */
    windows<T extends MetricType>(name: string, type: T): readonly WindowOf[T][];
    /** Windows of a trend scope as sketches, for statistics on a part of the run. */
    windowDistribution(name: string, from: number, to: number): Distribution;
    /**
     * The unit a trend (or gauge) of this scope is measured in, from its metric's `contains`: `ms` for
     * times, `bytes` for data, `value` for anything else (a custom metric's own unit).
     */
    unitOf(name: string): Unit;
    /** The unit of a k6 aggregate of this scope (`count` is a count, a Rate's `rate` a fraction, a counter's `rate` per second). */
    unitOfStatistic(name: string, key: string): Unit;
    /** The type and content of the metric a scope belongs to. */
    private definition;
    /** Scopes of a metric split by one tag, as tag value → scope name. */
    scopesByTag(metric: string, tag: string): Map<string, string>;
}
/** `p(95)` → 0.95, `p(99.9)` → 0.999; undefined for anything else (and outside 0..100). */
export declare function percentileKey(key: string): number | undefined;

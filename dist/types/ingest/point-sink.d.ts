import type { PointBuilder } from '../document/point-builder.js';
import type { PointTargets } from '../document/run-builder.js';
import { type MetricType } from '../document/run-document.js';
/** Past this many distinct raw tag texts a parser's cache starts over (k6 `url` tags can be unique per request). */
export declare const TAG_CACHE_LIMIT = 50000;
/** What a parser remembers about one raw tag text (the bytes of a tags object, the tag columns of a CSV row). */
export interface TagEntry {
    /** The tags, or undefined when the text is not a flat object of strings (the line takes the slow path). */
    readonly tags: Readonly<Record<string, string>> | undefined;
    /** Where a point with these tags lands, per builder metric id, filled on first use. */
    readonly targets: (PointTargets | undefined)[];
}
/** Raw tag text → tags and targets, cleared when it grows past `limit` entries. */
export declare class TagCache {
    private readonly limit;
    private readonly map;
    constructor(limit?: number);
    get(raw: string): TagEntry | undefined;
    add(raw: string, tags: Readonly<Record<string, string>> | undefined): TagEntry;
    get size(): number;
}
/**
 * A flat tag map from parsed JSON: string values as they are, numbers and booleans as text, nulls dropped.
 * Undefined when `value` is not an object of such values (k6 never writes one).
 */
export declare function normalizeTags(value: unknown): Record<string, string> | undefined;
/**
 * Feeds one run's points into a RunBuilder (or a PointBuilder that hands them to one): turns k6 Metric declarations into definitions, defines metrics
 * that arrive without one (type from k6's built-in table, else trend, with a warning) and resolves targets.
 */
export declare class PointSink {
    readonly builder: PointBuilder;
    private readonly warn;
    /** The tool's own metrics with their types, for points that arrive without a declaration. */
    private readonly known;
    private readonly inferred;
    constructor(builder: PointBuilder, warn: (message: string) => void, 
    /** The tool's own metrics with their types, for points that arrive without a declaration. */
    known?: ReadonlyMap<string, {
        readonly type: MetricType;
        readonly contains: 'time' | 'data' | 'default';
    }>);
    /** Defines the metric of a k6 `{"type":"Metric","data":{…}}` line. Returns an error sentence when `data` is not one. */
    defineK6Metric(data: unknown): number | string;
    /**
     * The id of `name`, defining it from k6's built-in table (or as a trend) when no declaration was seen.
     * `why` completes the warning (`has points but no Metric line`); built-ins are only warned about when
     * `warnBuiltins` (NDJSON, where a missing declaration means a damaged file).
     */
    metricFor(name: string, why: string, warnBuiltins: boolean): number;
    /** Await it (when defined) before parsing the next chunk: the builder's backpressure (PointBuilder.ready). */
    ready(): Promise<void> | undefined;
    /** Targets of `metric` for a cached tag entry (the entry must have tags). */
    targets(entry: TagEntry, metric: number): PointTargets;
}

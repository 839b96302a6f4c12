import type { MetricDefinition, PointTargets } from './run-builder.js';
/**
 * What a parser feeds points into: RunBuilder itself, or a stand-in that hands the points to a RunBuilder
 * in another thread (src/ingest/remote-builder.ts). Calls are made in the order the input gives them, and
 * a stand-in must make the same calls on its RunBuilder in that same order, so the document is the same.
 */
export interface PointBuilder {
    /** Declares a metric (k6 writes one "Metric" line before its first point). Returns its id. */
    defineMetric(def: MetricDefinition): number;
    metricId(name: string): number | undefined;
    /** The definition of a declared metric, with what later declarations added. */
    metricDefinition(id: number): MetricDefinition;
    /** Where a point of `metric` with these tags lands. Parsers cache the answer per raw tag text. */
    targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets;
    /** Records one point; `targets` must come from this builder's `targets`. */
    point(targets: PointTargets, timeMs: number, value: number): void;
    /**
     * The next point's time in ms ([0]) and value ([1]), for `recordNext`: the same as `point`, for a
     * parser's hot loop. Doubles passed as arguments are boxed on the heap (two per point, 30 MB of garbage
     * per million points); written to a typed array they are not.
     */
    readonly next: Float64Array;
    /** Records the point in `next` (what `point(targets, next[0], next[1])` records). */
    recordNext(targets: PointTargets): void;
    /** Points recorded so far. */
    readonly points: number;
    /**
     * Backpressure, for builders that work elsewhere: a promise that parsers await before the next chunk
     * when the builder is behind; undefined (or no method) when they may go on.
     */
    ready?(): Promise<void> | undefined;
}

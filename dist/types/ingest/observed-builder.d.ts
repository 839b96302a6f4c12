import type { PointBuilder } from '../document/point-builder.js';
import type { MetricDefinition, PointTargets } from '../document/run-builder.js';
/** What sees a metric's points as they are built: once per metric, a recorder or undefined (not watched). */
export type PointObserver = (metric: string) => ((timeMs: number, value: number) => void) | undefined;
/**
 * A PointBuilder that hands every point to `builder` and also to the observer's recorder for its metric:
 * a live view (progress lines) fed from the parse the ingest does anyway, instead of a second parse of
 * the same bytes. Which metrics are watched is asked once per metric id; unwatched points cost one array read.
 */
export declare class ObservedBuilder implements PointBuilder {
    private readonly builder;
    private readonly observer;
    /** Per metric id: its recorder, null when not watched, undefined when not asked yet. */
    private readonly recorders;
    /** The wrapped builder's own: a point written here is the one it records. */
    readonly next: Float64Array;
    constructor(builder: PointBuilder, observer: PointObserver);
    get points(): number;
    defineMetric(def: MetricDefinition): number;
    metricId(name: string): number | undefined;
    metricDefinition(id: number): MetricDefinition;
    targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets;
    point(targets: PointTargets, timeMs: number, value: number): void;
    recordNext(targets: PointTargets): void;
    ready(): Promise<void> | undefined;
}

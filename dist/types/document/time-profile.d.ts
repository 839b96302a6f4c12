/** One slice of time of a run: how many points fell in it, of which metrics, and the exact first and last time. */
export interface TimeBin {
    readonly startMs: number;
    points: number;
    /** Points of the request metric (`http_reqs`) and of the iteration metric (`iterations`). */
    requests: number;
    iterations: number;
    firstMs: number;
    lastMs: number;
    /** Metric ids below 31 as bits; higher ids in `moreMetrics`. */
    metrics: number;
    moreMetrics: Set<number> | undefined;
}
/**
 * Where a run's points lie in time, in 1-second bins (wider when a run would need more than 100 000):
 * enough to tell the bulk of a run from a few points far away from it (see `run-span.ts`), at a few
 * comparisons per point.
 */
export declare class TimeProfile {
    private binMs;
    private readonly bins;
    private current;
    /** The current bin covers [lo, hi). */
    private lo;
    private hi;
    requestsMetric: number;
    iterationsMetric: number;
    record(timeMs: number, metric: number): void;
    /** The bins in time order. */
    sorted(): TimeBin[];
    private enter;
    /** Doubles the bin width, merging neighbours. */
    private widen;
}

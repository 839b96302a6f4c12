import type { PointBuilder } from '../document/point-builder.js';
import { type MetricDefinition, type PointTargets, type RunBuilderOptions, type RunInfo } from '../document/run-builder.js';
import type { RunDocument } from '../document/run-document.js';
import type { BuilderPort } from './builder-protocol.js';
/**
 * Keys a RemoteBuilder binds targets to, reused round robin: the builder thread's table stays this small
 * however many tag sets a run has (a `url` tag unique per request makes one per line).
 */
export declare const TARGET_KEYS: number;
/**
 * A PointBuilder whose RunBuilder runs at the other end of `port` (serveBuilder, in another thread), so
 * that parsing and building run at once. Points and the other calls go over in batches (point-batch.ts),
 * in the order they were made, and the RunBuilder there makes the same calls in the same order: the
 * document is the one a RunBuilder in this thread would build. Metric declarations are also kept here,
 * in a RunBuilder that only answers `metricId` and `metricDefinition`, so that the parser never waits.
 *
 * Options must survive structured cloning (no `windowed` function).
 *
 * @example
 * const builder = new RemoteBuilder({ groupBy: ['name'], window: 'auto' }, worker);
 * // … a parser calls defineMetric, targets and point, and awaits builder.ready() between chunks …
 * const doc = await builder.finish({ tool: 'k6', sources, warnings });
 */
export declare class RemoteBuilder implements PointBuilder {
    private readonly port;
    /** How many keys to reuse (TARGET_KEYS; tests make it small to exercise the reuse). */
    private readonly keys;
    points: number;
    private readonly catalogue;
    private readonly writer;
    private readonly bindings;
    private nextKey;
    private inFlight;
    private failure;
    private resume;
    private pending;
    private finishing;
    constructor(options: RunBuilderOptions, port: BuilderPort, 
    /** How many keys to reuse (TARGET_KEYS; tests make it small to exercise the reuse). */
    keys?: number);
    defineMetric(def: MetricDefinition): number;
    metricId(name: string): number | undefined;
    metricDefinition(id: number): MetricDefinition;
    targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets;
    readonly next: Float64Array<ArrayBuffer>;
    point(targets: PointTargets, timeMs: number, value: number): void;
    recordNext(targets: PointTargets): void;
    /**
     * Backpressure: a promise to await before parsing more when the builder thread is behind (undefined
     * when it is not). Rejects when the builder thread failed.
     */
    ready(): Promise<void> | undefined;
    /** Sends what is left and the run's description; resolves with the document the builder thread built. */
    finish(info: RunInfo): Promise<RunDocument>;
    /** The builder thread cannot go on (it exited, or failed to start): every wait rejects with `err`. */
    fail(err: Error): void;
    private bind;
    private sendBatch;
    private send;
    private receive;
    private wake;
}

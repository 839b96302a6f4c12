import type { MetricDefinition } from '../document/run-builder.js';
/**
 * A call on the RunBuilder other than `point`, carried in a batch between the points it came between:
 * declaring a metric, or binding a small integer key to the targets of a metric and tag set.
 */
export type BuilderOp = {
    readonly kind: 'metric';
    readonly def: MetricDefinition;
} | {
    readonly kind: 'targets';
    readonly key: number;
    readonly metric: number;
    readonly tags: Readonly<Record<string, string>>;
};
/**
 * Points and ops in input order, compact enough to move between threads without copying: `records` holds
 * `length` records of three float64s, `[key, timeMs, value]` for a point, `[-1, index into ops, 0]` for an
 * op. Floats carry every time and value bit for bit (the key is a small integer), so the builder at the
 * other end sees exactly the numbers the parser read.
 */
export interface PointBatch {
    readonly records: Float64Array;
    readonly length: number;
    readonly ops: readonly BuilderOp[];
}
/** Records per batch: 16 Ki × 24 bytes = 384 KiB, a few 1 MiB input chunks' worth of points. */
export declare const BATCH_RECORDS = 16384;
/**
 * Writes points and ops into batches of `capacity` records and hands each full batch to `send` (the
 * transport transfers its buffer). Buffers come back through `recycle` once the other side is done with
 * them, so a run of any length uses the same few buffers.
 *
 * @example
 * const sent: PointBatch[] = [];
 * const w = new PointBatchWriter((b) => sent.push(b));
 * w.op({ kind: 'targets', key: 0, metric: 0, tags: { name: 'GET /' } });
 * w.point(0, 1764236919719.132, 12.5);
 * w.flush(); // sent[0]: 2 records, 1 op
 */
export declare class PointBatchWriter {
    private readonly send;
    private readonly capacity;
    private records;
    private at;
    private ops;
    private readonly pool;
    constructor(send: (batch: PointBatch) => void, capacity?: number);
    /** A point for the targets bound to `key` (a whole number ≥ 0). */
    point(key: number, timeMs: number, value: number): void;
    op(op: BuilderOp): void;
    /** Sends what is written, if anything. */
    flush(): void;
    /** A buffer the other side has finished reading, to write into again. */
    recycle(records: Float64Array): void;
}
/** What reading a batch calls, in the batch's order. */
export interface BatchHandler {
    point(key: number, timeMs: number, value: number): void;
    op(op: BuilderOp): void;
}
/**
 * Calls `handler` for every record of `batch` in order.
 *
 * @throws RangeError when a record names an op the batch does not hold (a corrupt batch).
 */
export declare function readBatch(batch: PointBatch, handler: BatchHandler): void;

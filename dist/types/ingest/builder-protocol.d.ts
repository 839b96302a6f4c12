import type { RunDocument } from '../document/run-document.js';
import type { RunBuilderOptions, RunInfo } from '../document/run-builder.js';
import type { PointBatch } from './point-batch.js';
/**
 * The messages between a RemoteBuilder (the parsing thread) and serveBuilder (the thread that builds).
 * In order: `start`, then `batch` after `batch`, then `finish`; the builder thread answers each batch
 * with `recycle` (its buffer, transferred back) and `finish` with `document`, or anything with `error`.
 */
export type ToBuilder = {
    readonly type: 'start';
    readonly options: RunBuilderOptions;
} | {
    readonly type: 'batch';
    readonly batch: PointBatch;
} | {
    readonly type: 'finish';
    readonly info: RunInfo;
};
export type FromBuilder = {
    readonly type: 'recycle';
    readonly records: Float64Array;
} | {
    readonly type: 'document';
    readonly doc: RunDocument;
} | {
    readonly type: 'error';
    readonly message: string;
};
/** One end of the channel: a worker_threads Worker, its parentPort, or a MessagePort (tests). */
export interface BuilderPort {
    postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
    on(event: 'message', listener: (message: unknown) => void): unknown;
}

import type { RunBuilderOptions } from '../document/run-builder.js';
import { RemoteBuilder } from './remote-builder.js';
/** A RemoteBuilder and the thread it builds in. */
export interface BuilderThread {
    readonly builder: RemoteBuilder;
    /** Ends the thread (after finish, or when reading failed). */
    close(): Promise<void>;
}
/** Whether a builder thread can be started (the worker script is there). */
export declare function builderThreadAvailable(script?: URL): boolean;
/**
 * Starts a RunBuilder in a worker thread and returns the RemoteBuilder that feeds it. The thread failing
 * or exiting early makes the builder's `ready` and `finish` reject with the reason.
 *
 * @example
 * const thread = startBuilderThread({ groupBy: ['name'], window: 'auto' });
 * try { … parse into thread.builder …; doc = await thread.builder.finish(info); } finally { await thread.close(); }
 */
export declare function startBuilderThread(options: RunBuilderOptions, script?: URL): BuilderThread;
/**
 * The Node flags for the builder thread: the process's own (a worker inherits them: --cpu-prof, memory
 * flags …) without those that only make sense for the main script, which make `new Worker(file)` throw
 * (ERR_INPUT_TYPE_NOT_ALLOWED when perf-gate is imported from `node --input-type=module -e …`).
 *
 * @example
 * workerExecArgv(['--cpu-prof', '--input-type=module', '-e', 'code']) // ['--cpu-prof']
 */
export declare function workerExecArgv(execArgv: readonly string[]): string[];

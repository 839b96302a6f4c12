import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunBuilderOptions } from '../document/run-builder.js';
import { RemoteBuilder } from './remote-builder.js';

/**
 * The builder thread's script: beside the bundle that runs (dist/cli.js, dist/index.js, dist/lib.js all
 * have dist/ingest-worker.js next to them). Running from source (tsx, vitest) it is not there: a worker
 * cannot load TypeScript, so the builder stays in this thread.
 */
const WORKER_SCRIPT = new URL('./ingest-worker.js', import.meta.url);

/** A RemoteBuilder and the thread it builds in. */
export interface BuilderThread {
  readonly builder: RemoteBuilder;
  /** Ends the thread (after finish, or when reading failed). */
  close(): Promise<void>;
}

/** Whether a builder thread can be started (the worker script is there). */
export function builderThreadAvailable(script: URL = WORKER_SCRIPT): boolean {
  return script.protocol === 'file:' && existsSync(fileURLToPath(script));
}

/**
 * Starts a RunBuilder in a worker thread and returns the RemoteBuilder that feeds it. The thread failing
 * or exiting early makes the builder's `ready` and `finish` reject with the reason.
 *
 * @example
 * const thread = startBuilderThread({ groupBy: ['name'], window: 'auto' });
 * try { … parse into thread.builder …; doc = await thread.builder.finish(info); } finally { await thread.close(); }
 */
export function startBuilderThread(options: RunBuilderOptions, script: URL = WORKER_SCRIPT): BuilderThread {
  const worker = new Worker(script);
  const builder = new RemoteBuilder(options, worker);
  let closed = false;
  worker.on('error', (err) => builder.fail(new Error(`the run builder thread failed: ${err.message}`, { cause: err })));
  worker.on('exit', (code) => {
    if (!closed) builder.fail(new Error(`the run builder thread exited (code ${code}) before the run was built`));
  });
  return {
    builder,
    async close() {
      closed = true;
      await worker.terminate();
    },
  };
}

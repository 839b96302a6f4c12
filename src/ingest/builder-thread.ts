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

const WORKER_YOUNG_GENERATION_MB = 8;

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
  const worker = newWorker(script, workerExecArgv(process.execArgv));
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

function newWorker(script: URL, execArgv: string[]): Worker {
  // A small young generation: the thread's garbage is short-lived (numbers of the points it replays), and
  // the default (as large as the main thread's) would add ~30 MB of peak RSS to an ingest bounded at 150.
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  try {
    return new Worker(script, { execArgv, resourceLimits });
  } catch (err) {
    // V8 and per-process flags (--expose-gc, --max-old-space-size …) are refused in a worker's execArgv; the
    // worker shares their effect anyway (one V8), so only Node's own per-thread flags (--cpu-prof) are lost.
    if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    return new Worker(script, { execArgv: [], resourceLimits });
  }
}

/** Flags of the main script that a worker started from a file refuses, and whether each takes the next argument. */
const MAIN_ONLY_FLAGS = new Map([
  ['--input-type', true],
  ['-e', true],
  ['--eval', true],
  ['-p', true],
  ['--print', true],
]);

/**
 * The Node flags for the builder thread: the process's own (a worker inherits them: --cpu-prof, memory
 * flags …) without those that only make sense for the main script, which make `new Worker(file)` throw
 * (ERR_INPUT_TYPE_NOT_ALLOWED when perf-gate is imported from `node --input-type=module -e …`).
 *
 * @example
 * workerExecArgv(['--cpu-prof', '--input-type=module', '-e', 'code']) // ['--cpu-prof']
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takesNext = MAIN_ONLY_FLAGS.get(flag);
    if (takesNext === undefined) kept.push(arg);
    else if (takesNext && eq < 0) i++;
  }
  return kept;
}

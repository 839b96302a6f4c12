import { isMainThread, parentPort, SHARE_ENV, Worker } from 'node:worker_threads';

/**
 * The Action runs in a worker thread of its own process, with a small young generation.
 *
 * Why: V8 doubles an isolate's young generation each time as many bytes have survived scavenges since it
 * last grew as it holds, up to 2 × 16 MiB, so a busy isolate that lives for minutes (a live stage reading
 * k6's output at thousands of requests a second) ends with ~32 MiB of young generation: a fifth of the
 * 150 MiB a 10-minute live stage may use. `--max-semi-space-size` would bound it, but only on node's
 * command line, which action.yml cannot give (and the growth factor that `v8.setFlagsFromString` could
 * still change is held at ≥ 2 by newer V8, Node 24's among them). A worker's `resourceLimits` bound its
 * own isolate; the main thread only waits, so its young generation stays at its smallest.
 *
 * A thread, not a child process: the inputs and the token stay in this process (a child would need them
 * in its environment, and no secret reaches a child process we start, childEnv).
 */
export const ACTION_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

/** What the main thread tells the Action's thread. */
type ToActionThread = { readonly type: 'cancel'; readonly signal: 'SIGINT' | 'SIGTERM' };

/**
 * Starts `script` (the Action's own bundle) in the Action's thread and waits for it: the process's exit
 * code is the thread's (core.setFailed sets it there); a thread that dies of an uncaught error is a
 * failed step, said through `fail`. SIGINT and SIGTERM (a cancelled workflow) are passed on, once each,
 * as the runner sends them: a worker thread receives no signals of its own.
 */
export function runInActionThread(script: URL, fail: (message: string) => void): void {
  const worker = new Worker(script, { env: SHARE_ENV, resourceLimits: ACTION_THREAD_LIMITS });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => worker.postMessage({ type: 'cancel', signal } satisfies ToActionThread));
  }
  worker.on('error', (err) => fail(`perf-gate failed: ${err.message}`));
  worker.on('exit', (code) => {
    if (code !== 0) process.exitCode = code;
  });
}

/**
 * Calls `handler` on a cancellation: in the Action's thread when the main thread passes one on (the port
 * does not keep the thread alive: the Action ends when its work does); run in one thread, on SIGINT or
 * SIGTERM itself.
 */
export function onActionThreadCancel(handler: () => void): void {
  const port = parentPort;
  let called = false;
  if (isMainThread || port === null) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        if (!called) handler();
        called = true;
      });
    }
    return;
  }
  port.on('message', (message: ToActionThread) => {
    if (message.type !== 'cancel' || called) return;
    called = true;
    handler();
  });
  port.unref();
}

/**
 * Fails the step from the main thread, as `core.setFailed` does (an `::error::` workflow command and exit
 * code 1), without loading @actions/core and its HTTP client into the thread that only waits.
 */
export function failStep(message: string): void {
  process.exitCode = 1;
  process.stdout.write(`::error::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
}

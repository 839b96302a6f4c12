// The Action's two threads in small (action-thread.test.ts): this file is the main thread and, started
// again by runInActionThread, the Action's thread, which does what THREAD_DOES says.
import { isMainThread, resourceLimits } from 'node:worker_threads';
import { failStep, onActionThreadCancel, runInActionThread } from '../../../src/action/action-thread.js';

// ONE_THREAD: the thread's work run directly in the main thread, as `node dist/action.js` would.
if (isMainThread && process.env['ONE_THREAD'] === undefined) {
  runInActionThread(new URL(import.meta.url), failStep);
} else {
  switch (process.env['THREAD_DOES']) {
    case 'exit-3':
      process.exitCode = 3;
      break;
    case 'throw':
      setTimeout(() => {
        throw new Error('boom');
      }, 10);
      break;
    case 'wait-for-cancel': {
      // Work that would last a minute, stopped by a cancellation.
      const work = setTimeout(() => process.stdout.write('never cancelled\n'), 60_000);
      onActionThreadCancel(() => {
        clearTimeout(work);
        process.stdout.write(`cancelled; env seen: ${process.env['SHARED'] ?? 'no'}\n`);
        process.exitCode = 5;
      });
      process.stdout.write('ready\n');
      break;
    }
    case 'limits':
      process.stdout.write(`young generation ≤ ${resourceLimits.maxYoungGenerationSizeMb ?? 'unbounded'} MB\n`);
      break;
    case 'listen-only':
      // A cancellation listener alone does not keep the thread (and the step) alive.
      onActionThreadCancel(() => undefined);
      break;
  }
}

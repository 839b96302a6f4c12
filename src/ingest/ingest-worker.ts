// The builder thread's script (bundled as dist/ingest-worker.js, next to the CLI, the Action and the
// library, which start it through builder-thread.ts).
import { parentPort } from 'node:worker_threads';
import { serveBuilder } from './builder-service.js';

if (parentPort) serveBuilder(parentPort);

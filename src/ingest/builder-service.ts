import { RunBuilder, type PointTargets } from '../document/run-builder.js';
import type { BuilderPort, FromBuilder, ToBuilder } from './builder-protocol.js';
import { readBatch, type BatchHandler, type BuilderOp } from './point-batch.js';

/**
 * The building end of a RemoteBuilder: a RunBuilder that replays the batches it is sent, in order, and
 * sends the run document back on `finish`. Runs in the builder thread (ingest-worker.ts); tests serve it
 * over a MessageChannel in one thread.
 *
 * @example
 * const { port1, port2 } = new MessageChannel();
 * serveBuilder(port2);
 * const builder = new RemoteBuilder({ groupBy: ['name'], window: 'auto' }, port1);
 */
export function serveBuilder(port: BuilderPort): void {
  let builder: RunBuilder | undefined;
  /** Targets by the key the other side bound them to (keys are reused, so this stays small). */
  const keys: PointTargets[] = [];
  const handler: BatchHandler = {
    point(key, timeMs, value) {
      builder!.point(keys[key]!, timeMs, value);
    },
    op(op: BuilderOp) {
      switch (op.kind) {
        case 'metric':
          builder!.defineMetric(op.def);
          return;
        case 'targets':
          keys[op.key] = builder!.targets(op.metric, op.tags);
          return;
      }
    },
  };
  const send = (message: FromBuilder, transfer?: readonly ArrayBuffer[]): void => port.postMessage(message, transfer);
  let failed = false;
  port.on('message', (raw) => {
    if (failed) return;
    const message = raw as ToBuilder;
    try {
      switch (message.type) {
        case 'start':
          builder = new RunBuilder(message.options);
          return;
        case 'batch': {
          if (builder === undefined) throw new Error('a batch came before start');
          readBatch(message.batch, handler);
          const records = message.batch.records;
          send({ type: 'recycle', records }, [records.buffer as ArrayBuffer]);
          return;
        }
        case 'finish':
          if (builder === undefined) throw new Error('finish came before start');
          send({ type: 'document', doc: builder.finish(message.info) });
          return;
      }
    } catch (err) {
      failed = true;
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

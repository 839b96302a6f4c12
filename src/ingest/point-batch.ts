import type { MetricDefinition } from '../document/run-builder.js';

/**
 * A call on the RunBuilder other than `point`, carried in a batch between the points it came between:
 * declaring a metric, or binding a small integer key to the targets of a metric and tag set.
 */
export type BuilderOp =
  | { readonly kind: 'metric'; readonly def: MetricDefinition }
  | { readonly kind: 'targets'; readonly key: number; readonly metric: number; readonly tags: Readonly<Record<string, string>> };

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
export const BATCH_RECORDS = 16_384;
const OP_KEY = -1;

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
export class PointBatchWriter {
  private records: Float64Array;
  private at = 0;
  private ops: BuilderOp[] = [];
  private readonly pool: Float64Array[] = [];

  constructor(
    private readonly send: (batch: PointBatch) => void,
    private readonly capacity = BATCH_RECORDS,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`PointBatchWriter: capacity must be a whole number ≥ 1 but got ${capacity}`);
    this.records = new Float64Array(3 * capacity);
  }

  /** A point for the targets bound to `key` (a whole number ≥ 0). */
  point(key: number, timeMs: number, value: number): void {
    if (this.at === this.records.length) this.flush();
    const r = this.records;
    const at = this.at;
    r[at] = key;
    r[at + 1] = timeMs;
    r[at + 2] = value;
    this.at = at + 3;
  }

  op(op: BuilderOp): void {
    if (this.at === this.records.length) this.flush();
    const r = this.records;
    r[this.at] = OP_KEY;
    r[this.at + 1] = this.ops.length;
    r[this.at + 2] = 0;
    this.at += 3;
    this.ops.push(op);
  }

  /** Sends what is written, if anything. */
  flush(): void {
    if (this.at === 0) return;
    const batch: PointBatch = { records: this.records, length: this.at / 3, ops: this.ops };
    this.records = this.pool.pop() ?? new Float64Array(3 * this.capacity);
    this.at = 0;
    this.ops = [];
    this.send(batch);
  }

  /** A buffer the other side has finished reading, to write into again. */
  recycle(records: Float64Array): void {
    if (records.length === 3 * this.capacity) this.pool.push(records);
  }
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
export function readBatch(batch: PointBatch, handler: BatchHandler): void {
  const r = batch.records;
  const end = 3 * batch.length;
  for (let at = 0; at < end; at += 3) {
    const key = r[at]!;
    if (key !== OP_KEY) {
      handler.point(key, r[at + 1]!, r[at + 2]!);
      continue;
    }
    const op = batch.ops[r[at + 1]!];
    if (op === undefined) throw new RangeError(`point batch: record ${at / 3} names op ${r[at + 1]}, but the batch has ${batch.ops.length}`);
    handler.op(op);
  }
}

import type { PointBuilder } from '../document/point-builder.js';
import { RunBuilder, type MetricDefinition, type PointTargets, type RunBuilderOptions, type RunInfo } from '../document/run-builder.js';
import type { RunDocument } from '../document/run-document.js';
import type { BuilderPort, FromBuilder, ToBuilder } from './builder-protocol.js';
import { PointBatchWriter, type PointBatch } from './point-batch.js';

/**
 * Keys a RemoteBuilder binds targets to, reused round robin: the builder thread's table stays this small
 * however many tag sets a run has (a `url` tag unique per request makes one per line).
 */
export const TARGET_KEYS = 1 << 16;
/** Batches sent and not yet read by the builder thread before the parser waits (~3 MiB of points). */
const MAX_IN_FLIGHT = 8;

/** RemoteBuilder's targets: the key they are bound to, and which binding of that key (keys are reused). */
interface KeyTargets extends PointTargets {
  readonly tags: Readonly<Record<string, string>>;
  key: number;
  binding: number;
}

/**
 * A PointBuilder whose RunBuilder runs at the other end of `port` (serveBuilder, in another thread), so
 * that parsing and building run at once. Points and the other calls go over in batches (point-batch.ts),
 * in the order they were made, and the RunBuilder there makes the same calls in the same order: the
 * document is the one a RunBuilder in this thread would build. Metric declarations are also kept here,
 * in a RunBuilder that only answers `metricId` and `metricDefinition`, so that the parser never waits.
 *
 * Options must survive structured cloning (no `windowed` function).
 *
 * @example
 * const builder = new RemoteBuilder({ groupBy: ['name'], window: 'auto' }, worker);
 * // … a parser calls defineMetric, targets and point, and awaits builder.ready() between chunks …
 * const doc = await builder.finish({ tool: 'k6', sources, warnings });
 */
export class RemoteBuilder implements PointBuilder {
  points = 0;
  private readonly catalogue: RunBuilder;
  private readonly writer: PointBatchWriter;
  private readonly bindings: Int32Array;
  private nextKey = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private resume: (() => void) | undefined;
  private pending: { resolve: (doc: RunDocument) => void; reject: (err: Error) => void } | undefined;
  private finishing = false;

  constructor(
    options: RunBuilderOptions,
    private readonly port: BuilderPort,
    /** How many keys to reuse (TARGET_KEYS; tests make it small to exercise the reuse). */
    private readonly keys = TARGET_KEYS,
  ) {
    if (!(Number.isInteger(keys) && keys >= 1)) throw new RangeError(`RemoteBuilder: keys must be a whole number ≥ 1 but got ${keys}`);
    this.bindings = new Int32Array(keys);
    if (options.windowed !== undefined) throw new TypeError('RemoteBuilder: the `windowed` option is a function, which cannot be sent to another thread');
    this.catalogue = new RunBuilder(options);
    this.writer = new PointBatchWriter((batch) => this.sendBatch(batch));
    port.on('message', (message) => this.receive(message as FromBuilder));
    this.send({ type: 'start', options });
  }

  defineMetric(def: MetricDefinition): number {
    const id = this.catalogue.defineMetric(def);
    this.writer.op({ kind: 'metric', def });
    return id;
  }

  metricId(name: string): number | undefined {
    return this.catalogue.metricId(name);
  }

  metricDefinition(id: number): MetricDefinition {
    return this.catalogue.metricDefinition(id);
  }

  targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets {
    const targets: KeyTargets = { metric, tags, key: 0, binding: 0 };
    this.bind(targets);
    return targets;
  }

  readonly next = new Float64Array(2);

  point(targets: PointTargets, timeMs: number, value: number): void {
    this.next[0] = timeMs;
    this.next[1] = value;
    this.recordNext(targets);
  }

  recordNext(targets: PointTargets): void {
    const t = targets as KeyTargets;
    // Bound again if its key went to other targets since (more than TARGET_KEYS bindings ago).
    if (this.bindings[t.key] !== t.binding) this.bind(t);
    this.points++;
    this.writer.point(t.key, this.next[0]!, this.next[1]!);
  }

  /**
   * Backpressure: a promise to await before parsing more when the builder thread is behind (undefined
   * when it is not). Rejects when the builder thread failed.
   */
  ready(): Promise<void> | undefined {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.inFlight < MAX_IN_FLIGHT) return undefined;
    return new Promise<void>((resolve, reject) => {
      this.resume = () => (this.failure !== undefined ? reject(this.failure) : resolve());
    });
  }

  /** Sends what is left and the run's description; resolves with the document the builder thread built. */
  finish(info: RunInfo): Promise<RunDocument> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.finishing) return Promise.reject(new Error('RemoteBuilder: finish was called twice'));
    this.finishing = true;
    this.writer.flush();
    return new Promise<RunDocument>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.send({ type: 'finish', info });
    });
  }

  /** The builder thread cannot go on (it exited, or failed to start): every wait rejects with `err`. */
  fail(err: Error): void {
    if (this.failure !== undefined) return;
    this.failure = err;
    this.wake();
    this.pending?.reject(err);
    this.pending = undefined;
  }

  private bind(t: KeyTargets): void {
    const key = this.nextKey;
    this.nextKey = key + 1 === this.keys ? 0 : key + 1;
    t.key = key;
    t.binding = ++this.bindings[key]!;
    this.writer.op({ kind: 'targets', key, metric: t.metric, tags: t.tags });
  }

  private sendBatch(batch: PointBatch): void {
    this.inFlight++;
    this.send({ type: 'batch', batch }, [batch.records.buffer as ArrayBuffer]);
  }

  private send(message: ToBuilder, transfer?: readonly ArrayBuffer[]): void {
    this.port.postMessage(message, transfer);
  }

  private receive(message: FromBuilder): void {
    switch (message.type) {
      case 'recycle':
        this.inFlight--;
        this.writer.recycle(message.records);
        if (this.inFlight <= MAX_IN_FLIGHT / 2) this.wake();
        return;
      case 'document':
        this.pending?.resolve(message.doc);
        this.pending = undefined;
        return;
      case 'error':
        this.fail(new Error(`the run builder thread failed: ${message.message}`));
        return;
    }
  }

  private wake(): void {
    const resume = this.resume;
    this.resume = undefined;
    resume?.();
  }
}

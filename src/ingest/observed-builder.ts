import type { PointBuilder } from '../document/point-builder.js';
import type { MetricDefinition, PointTargets } from '../document/run-builder.js';

/** What sees a metric's points as they are built: once per metric, a recorder or undefined (not watched). */
export type PointObserver = (metric: string) => ((timeMs: number, value: number) => void) | undefined;

/**
 * A PointBuilder that hands every point to `builder` and also to the observer's recorder for its metric:
 * a live view (progress lines) fed from the parse the ingest does anyway, instead of a second parse of
 * the same bytes. Which metrics are watched is asked once per metric id; unwatched points cost one array read.
 */
export class ObservedBuilder implements PointBuilder {
  /** Per metric id: its recorder, null when not watched, undefined when not asked yet. */
  private readonly recorders: (((timeMs: number, value: number) => void) | null | undefined)[] = [];

  /** The wrapped builder's own: a point written here is the one it records. */
  readonly next: Float64Array;

  constructor(
    private readonly builder: PointBuilder,
    private readonly observer: PointObserver,
  ) {
    this.next = builder.next;
  }

  get points(): number {
    return this.builder.points;
  }

  defineMetric(def: MetricDefinition): number {
    return this.builder.defineMetric(def);
  }

  metricId(name: string): number | undefined {
    return this.builder.metricId(name);
  }

  metricDefinition(id: number): MetricDefinition {
    return this.builder.metricDefinition(id);
  }

  targets(metric: number, tags: Readonly<Record<string, string>>): PointTargets {
    return this.builder.targets(metric, tags);
  }

  point(targets: PointTargets, timeMs: number, value: number): void {
    this.next[0] = timeMs;
    this.next[1] = value;
    this.recordNext(targets);
  }

  recordNext(targets: PointTargets): void {
    this.builder.recordNext(targets);
    let record = this.recorders[targets.metric];
    if (record === undefined) record = this.recorders[targets.metric] = this.observer(this.builder.metricDefinition(targets.metric).name) ?? null;
    if (record !== null) record(this.next[0]!, this.next[1]!);
  }

  ready(): Promise<void> | undefined {
    return this.builder.ready?.();
  }
}

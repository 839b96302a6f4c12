import { z } from 'zod';
import type { PointBuilder } from '../document/point-builder.js';
import type { MetricDefinition, PointTargets } from '../document/run-builder.js';
import { MetricTypeSchema, type MetricType } from '../document/run-document.js';
import { zodMessage } from './zod-message.js';

/** Past this many distinct raw tag texts a parser's cache starts over (k6 `url` tags can be unique per request). */
export const TAG_CACHE_LIMIT = 50_000;

/** What a parser remembers about one raw tag text (the bytes of a tags object, the tag columns of a CSV row). */
export interface TagEntry {
  /** The tags, or undefined when the text is not a flat object of strings (the line takes the slow path). */
  readonly tags: Readonly<Record<string, string>> | undefined;
  /** Where a point with these tags lands, per builder metric id, filled on first use. */
  readonly targets: (PointTargets | undefined)[];
}

/** Raw tag text → tags and targets, cleared when it grows past `limit` entries. */
export class TagCache {
  private readonly map = new Map<string, TagEntry>();

  constructor(private readonly limit = TAG_CACHE_LIMIT) {}

  get(raw: string): TagEntry | undefined {
    return this.map.get(raw);
  }

  add(raw: string, tags: Readonly<Record<string, string>> | undefined): TagEntry {
    if (this.map.size >= this.limit) this.map.clear();
    const entry: TagEntry = { tags, targets: [] };
    this.map.set(raw, entry);
    return entry;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * A flat tag map from parsed JSON: string values as they are, numbers and booleans as text, nulls dropped.
 * Undefined when `value` is not an object of such values (k6 never writes one).
 */
export function normalizeTags(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    let text: string;
    if (typeof v === 'string') text = v;
    else if (typeof v === 'number' || typeof v === 'boolean') text = String(v);
    else if (v === null) continue;
    else return undefined;
    if (k === '__proto__') Object.defineProperty(out, k, { value: text, enumerable: true, writable: true, configurable: true });
    else out[k] = text;
  }
  return out;
}

const K6MetricDataSchema = z.object({
  name: z.string().min(1),
  type: MetricTypeSchema,
  contains: z.enum(['time', 'data', 'default']).optional(),
  thresholds: z.array(z.string()).nullish(),
  submetrics: z.array(z.object({ tags: z.record(z.string(), z.string()).nullish() })).nullish(),
});

/**
 * Feeds one run's points into a RunBuilder (or a PointBuilder that hands them to one): turns k6 Metric declarations into definitions, defines metrics
 * that arrive without one (type from k6's built-in table, else trend, with a warning) and resolves targets.
 */
export class PointSink {
  private readonly inferred = new Set<string>();

  constructor(
    readonly builder: PointBuilder,
    private readonly warn: (message: string) => void,
    /** The tool's own metrics with their types, for points that arrive without a declaration. */
    private readonly known: ReadonlyMap<string, { readonly type: MetricType; readonly contains: 'time' | 'data' | 'default' }> = new Map(),
  ) {}

  /** Defines the metric of a k6 `{"type":"Metric","data":{…}}` line. Returns an error sentence when `data` is not one. */
  defineK6Metric(data: unknown): number | string {
    const parsed = K6MetricDataSchema.safeParse(data);
    if (!parsed.success) return `not a k6 Metric declaration (${zodMessage(parsed.error, 'data')})`;
    const d = parsed.data;
    const known = this.builder.metricId(d.name);
    if (known !== undefined && this.inferred.has(d.name) && this.builder.metricDefinition(known).type !== d.type) {
      this.warn(`metric '${d.name}': its Metric line (type ${d.type}) came after its first points, which were read as ${this.builder.metricDefinition(known).type}`);
    }
    const def: MetricDefinition = {
      name: d.name,
      type: d.type,
      contains: d.contains ?? 'default',
      thresholds: d.thresholds ?? [],
      submetrics: (d.submetrics ?? []).flatMap((s) => (s.tags ? [s.tags] : [])),
    };
    return this.builder.defineMetric(def);
  }

  /**
   * The id of `name`, defining it from k6's built-in table (or as a trend) when no declaration was seen.
   * `why` completes the warning (`has points but no Metric line`); built-ins are only warned about when
   * `warnBuiltins` (NDJSON, where a missing declaration means a damaged file).
   */
  metricFor(name: string, why: string, warnBuiltins: boolean): number {
    const id = this.builder.metricId(name);
    if (id !== undefined) return id;
    const builtin = this.known.get(name);
    this.inferred.add(name);
    if (!builtin) this.warn(`metric '${name}' ${why}: read as a trend`);
    else if (warnBuiltins) this.warn(`metric '${name}' ${why}: read as a ${builtin.type} (k6 built-in)`);
    return this.builder.defineMetric({
      name,
      type: builtin?.type ?? 'trend',
      contains: builtin?.contains ?? 'default',
      thresholds: [],
      submetrics: [],
    });
  }

  /** Await it (when defined) before parsing the next chunk: the builder's backpressure (PointBuilder.ready). */
  ready(): Promise<void> | undefined {
    return this.builder.ready?.();
  }

  /** Targets of `metric` for a cached tag entry (the entry must have tags). */
  targets(entry: TagEntry, metric: number): PointTargets {
    const t = this.builder.targets(metric, entry.tags!);
    entry.targets[metric] = t;
    return t;
  }
}

import { z } from 'zod';
import { MetricTypeSchema, type MetricType } from '../../document/run-document.js';
import { IngestError } from '../errors.js';
import { parseMetricKey, type ParsedMetric } from './summary-metric.js';
import { zodMessage } from '../zod-message.js';

const MachineMetricSchema = z.object({
  name: z.string().min(1),
  type: MetricTypeSchema,
  contains: z.enum(['time', 'data', 'default']).optional(),
  values: z.record(z.string(), z.unknown()),
});

/**
 * k6's machine-readable summary, schema 1.0.0 (`k6 run --new-machine-readable-summary`, opt-in since
 * v1.5; checked on v1.8.1 and v2.2.0): what `--summary-export` writes and `handleSummary(data)` receives
 * in that mode. Metrics are a list; there are no thresholds and no groups.
 */
const MachineSummarySchema = z.object({
  version: z.string(),
  config: z.object({ duration: z.number().nonnegative() }),
  metadata: z
    .object({
      generated_at: z.string().optional(),
      generatedAt: z.string().optional(),
      k6_version: z.string().optional(),
      k6Version: z.string().optional(),
    })
    .optional(),
  results: z.object({
    metrics: z.array(MachineMetricSchema),
    checks: z
      .object({
        metrics: z.array(MachineMetricSchema).nullish(),
        results: z.array(z.object({ name: z.string(), passes: z.number().int().nonnegative(), fails: z.number().int().nonnegative() })).nullish(),
      })
      .nullish(),
  }),
});

/** Whether a parsed JSON document has the machine-readable summary's shape (`results.metrics` a list). */
export function isMachineSummary(o: Record<string, unknown>): boolean {
  const results = o.results;
  return typeof results === 'object' && results !== null && Array.isArray((results as { metrics?: unknown }).metrics);
}

export interface MachineSummary {
  readonly metrics: ParsedMetric[];
  readonly durationSeconds: number;
  /** When k6 wrote it (`metadata.generated_at`), Unix ms; undefined when absent or not a time. */
  readonly generatedMs: number | undefined;
  readonly k6Version: string | undefined;
}

/**
 * The metrics of a machine-readable summary in the shape of the other summaries' (`reported` in k6's
 * legacy keys, so comparisons read all summaries alike): trend `p90` → `p(90)`; a rate's `matches` and
 * `total` → `passes` and `fails` (= total − matches); a counter gets `rate` = count / config.duration, as
 * k6's legacy summaries report it. The check metrics are included, with `checks` (a rate: checks that
 * passed, as in k6's legacy summary) from `checks_succeeded`, and `checks{check:<name>}` for each check.
 *
 * @throws IngestError when the JSON does not have the schema's shape.
 */
export function fromMachineSummary(value: unknown, file: string): MachineSummary {
  const parsed = MachineSummarySchema.safeParse(value);
  if (!parsed.success) throw new IngestError(file, `looks like a k6 machine-readable summary (--new-machine-readable-summary) but ${zodMessage(parsed.error)}`);
  const { config, metadata, results } = parsed.data;
  const duration = config.duration;
  const metrics: ParsedMetric[] = [];
  const seen = new Set<string>();
  const add = (key: string, type: MetricType, contains: ParsedMetric['contains'], reported: Record<string, number>, known?: { base: string; tags: Record<string, string> }): void => {
    if (seen.has(key)) throw new IngestError(file, `metric '${key}' is listed twice in results; write the summary again with k6`);
    seen.add(key);
    const { base, tags } = known ?? parseMetricKey(key, file);
    metrics.push({ key, base, tags, type, contains, reported, thresholds: [] });
  };
  for (const m of [...results.metrics, ...(results.checks?.metrics ?? [])]) add(m.name, m.type, m.contains ?? 'default', legacyValues(m.type, numbers(m.values), duration));
  const succeeded = results.checks?.metrics?.find((m) => m.name === 'checks_succeeded');
  if (succeeded && !seen.has('checks')) add('checks', 'rate', 'default', legacyValues('rate', numbers(succeeded.values), duration));
  const byCheck = new Map<string, { passes: number; fails: number }>();
  for (const c of results.checks?.results ?? []) {
    // The same check name in two groups is one submetric in k6 (`checks{check:…}`): add them up.
    const sum = byCheck.get(c.name) ?? { passes: 0, fails: 0 };
    sum.passes += c.passes;
    sum.fails += c.fails;
    byCheck.set(c.name, sum);
  }
  for (const [name, c] of byCheck) {
    const total = c.passes + c.fails;
    const key = `checks{check:${name}}`;
    // Tags given, not parsed from the key: a check's name may hold ',' or ':'.
    if (!seen.has(key)) add(key, 'rate', 'default', { passes: c.passes, fails: c.fails, ...(total > 0 ? { rate: c.passes / total } : {}) }, { base: 'checks', tags: { check: name } });
  }
  const generated = metadata?.generated_at ?? metadata?.generatedAt;
  const generatedMs = generated !== undefined ? Date.parse(generated) : Number.NaN;
  return {
    metrics,
    durationSeconds: duration,
    generatedMs: Number.isFinite(generatedMs) ? generatedMs : undefined,
    k6Version: metadata?.k6_version ?? metadata?.k6Version,
  };
}

function legacyValues(type: MetricType, values: Record<string, number>, durationSeconds: number): Record<string, number> {
  switch (type) {
    case 'trend': {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(values)) {
        const p = /^p(\d+(?:\.\d+)?)$/.exec(k);
        out[p ? `p(${p[1]})` : k] = v;
      }
      return out;
    }
    case 'counter': {
      const count = values.count;
      return count !== undefined && durationSeconds > 0 && values.rate === undefined ? { ...values, rate: count / durationSeconds } : values;
    }
    case 'rate': {
      const { matches, total, ...rest } = values;
      if (matches === undefined || total === undefined) return values;
      return { ...rest, passes: matches, fails: total - matches };
    }
    case 'gauge':
      return values;
  }
}

function numbers(o: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

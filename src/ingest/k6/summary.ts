import { z } from 'zod';
import { MetricTypeSchema, RUN_DOCUMENT_SCHEMA, type MetricType, type ReportedScope, type RunDocument, type Scope } from '../../document/run-document.js';
import { scopeName } from '../../document/selector.js';
import { K6_BUILTIN_METRICS } from './builtin-metrics.js';
import { K6_ROLES } from './roles.js';
import { IngestError } from '../errors.js';
import { fromMachineSummary } from './machine-summary.js';
import { parseMetricKey, type ParsedMetric } from './summary-metric.js';
import { zodMessage } from '../zod-message.js';

export { parseMetricKey } from './summary-metric.js';

export type SummaryFormat = 'k6-summary-export' | 'k6-handle-summary' | 'k6-machine-readable-summary';

/** What the caller knows about a summary besides its content. */
export interface SummaryInfo {
  readonly file: string;
  readonly format: SummaryFormat;
  /** Lines of the JSON text (for the source entry). */
  readonly lines: number;
  /** When the file was written (k6 writes summaries at the end of the test): the run's end. */
  readonly mtimeMs: number;
  readonly stage?: string;
  readonly labels?: Record<string, string>;
  readonly gitSha?: string;
}

const ContainsSchema = z.enum(['time', 'data', 'default']);

const HandleSummaryMetricSchema = z.object({
  type: MetricTypeSchema,
  contains: ContainsSchema.optional(),
  values: z.record(z.string(), z.unknown()),
  thresholds: z.record(z.string(), z.object({ ok: z.boolean() })).optional(),
});

const HandleSummarySchema = z.object({
  metrics: z.record(z.string(), HandleSummaryMetricSchema),
  state: z.object({ testRunDurationMs: z.number().nonnegative().optional() }).optional(),
});

/** `--summary-export`: values flat in the metric object; in `thresholds`, `true` means the threshold FAILED. */
const SummaryExportSchema = z.object({
  metrics: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/**
 * A run document from k6's end-of-test summary (`--summary-export` or `handleSummary`'s `data`): aggregates
 * only, so `aggregateOnly: true`, every scope carrying k6's own numbers in `reported` (`avg`, `min`, `med`,
 * `max`, `p(90)`, `p(95)`, `count`, `rate`, `passes`, `fails`, `value`; a summary-export Rate's `value`
 * becomes `rate` as in handleSummary) and no windows. Thresholds are kept per metric (a submetric's under
 * its k6 name, `http_req_duration{name:GET /api/alerts}`); those k6 reports as crossed become warnings.
 *
 * @throws IngestError when the JSON does not have the summary's shape.
 */
export function summaryDocument(value: unknown, info: SummaryInfo): RunDocument {
  let metrics: ParsedMetric[];
  let durationSeconds: number | undefined;
  let endMs = Math.round(info.mtimeMs);
  let toolVersion: string | undefined;
  switch (info.format) {
    case 'k6-handle-summary':
      metrics = fromHandleSummary(value, info.file);
      durationSeconds = handleSummaryDuration(value);
      break;
    case 'k6-summary-export':
      metrics = fromSummaryExport(value, info.file);
      durationSeconds = durationFromCounters(metrics);
      break;
    case 'k6-machine-readable-summary': {
      const m = fromMachineSummary(value, info.file);
      metrics = m.metrics;
      durationSeconds = m.durationSeconds;
      // It says when k6 wrote it: better than the file's time, which a copy changes.
      if (m.generatedMs !== undefined) endMs = Math.round(m.generatedMs);
      toolVersion = m.k6Version;
      break;
    }
  }
  const warnings: string[] = [];
  const docMetrics: RunDocument['metrics'] = {};
  const scopes: Record<string, Scope> = {};
  for (const m of [...metrics].sort((a, b) => compareText(a.key, b.key))) {
    const name = scopeName(m.base, m.tags);
    const scope: ReportedScope = { metric: m.base, tags: m.tags, type: m.type, reported: m.reported };
    const { passes, fails } = m.reported;
    if (m.type === 'rate' && isCount(passes) && isCount(fails)) scope.rate = { passes, fails };
    scopes[name] = scope;
    const entryName = Object.keys(m.tags).length === 0 ? m.base : name;
    const expressions = m.thresholds.map((t) => t.expression);
    if (entryName !== m.base && expressions.length === 0) continue;
    const existing = docMetrics[entryName];
    docMetrics[entryName] = { type: m.type, contains: m.contains, thresholds: [...(existing?.thresholds ?? []), ...expressions] };
    for (const t of m.thresholds) if (!t.passed) warnings.push(`k6 reported threshold '${t.expression}' on ${entryName} as crossed`);
  }
  // A submetric whose parent k6 did not list still gets its parent declared.
  for (const m of metrics) docMetrics[m.base] ??= { type: m.type, contains: m.contains, thresholds: [] };
  const ordered: RunDocument['metrics'] = {};
  for (const k of Object.keys(docMetrics).sort(compareText)) ordered[k] = docMetrics[k]!;

  if (durationSeconds === undefined) warnings.push(`${info.file}: the summary does not state the test duration (no counter with a rate): duration set to 0`);
  const startMs = endMs - Math.round((durationSeconds ?? 0) * 1000);
  return {
    schema: RUN_DOCUMENT_SCHEMA,
    meta: {
      tool: 'k6',
      roles: { ...K6_ROLES },
      ...(toolVersion !== undefined ? { toolVersion } : {}),
      ...(info.stage !== undefined ? { stage: info.stage } : {}),
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      durationSeconds: durationSeconds ?? 0,
      ...(info.gitSha !== undefined ? { gitSha: info.gitSha } : {}),
      labels: info.labels ?? {},
      partial: false,
      aggregateOnly: true,
      groupBy: [],
      sources: [{ file: info.file, format: info.format, lines: info.lines, partial: false }],
      warnings,
    },
    metrics: ordered,
    scopes,
    windows: { originMs: startMs, widthMs: 1000, series: {} },
  };
}

function fromHandleSummary(value: unknown, file: string): ParsedMetric[] {
  const parsed = HandleSummarySchema.safeParse(value);
  if (!parsed.success) throw new IngestError(file, `looks like a k6 handleSummary JSON but ${zodMessage(parsed.error)}`);
  return Object.entries(parsed.data.metrics).map(([key, m]) => {
    const { base, tags } = parseMetricKey(key, file);
    return {
      key,
      base,
      tags,
      type: m.type,
      contains: m.contains ?? K6_BUILTIN_METRICS.get(base)?.contains ?? 'default',
      reported: numbers(m.values),
      thresholds: Object.entries(m.thresholds ?? {}).map(([expression, t]) => ({ expression, passed: t.ok })),
    };
  });
}

function fromSummaryExport(value: unknown, file: string): ParsedMetric[] {
  const parsed = SummaryExportSchema.safeParse(value);
  if (!parsed.success) throw new IngestError(file, `looks like a k6 --summary-export JSON but ${zodMessage(parsed.error)}`);
  return Object.entries(parsed.data.metrics).map(([key, m]) => {
    const { base, tags } = parseMetricKey(key, file);
    const values = numbers(m);
    const builtin = K6_BUILTIN_METRICS.get(base);
    const type = builtin?.type ?? inferType(values);
    if (type === 'rate' && values.value !== undefined) {
      values.rate = values.value;
      delete values.value;
    }
    const thresholds = m.thresholds;
    const list: { expression: string; passed: boolean }[] = [];
    if (typeof thresholds === 'object' && thresholds !== null) {
      for (const [expression, failed] of Object.entries(thresholds)) {
        if (typeof failed !== 'boolean') throw new IngestError(file, `metrics.${key}.thresholds.${expression}: expected true (failed) or false, got ${JSON.stringify(failed)}`);
        list.push({ expression, passed: !failed });
      }
    }
    return { key, base, tags, type, contains: builtin?.contains ?? 'default', reported: values, thresholds: list };
  });
}

/** The type of a custom metric from the keys k6 writes for it. */
function inferType(values: Record<string, number>): MetricType {
  if ('passes' in values || 'fails' in values) return 'rate';
  if ('count' in values) return 'counter';
  if ('avg' in values || 'med' in values || Object.keys(values).some((k) => k.startsWith('p('))) return 'trend';
  return 'gauge';
}

function numbers(o: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

function handleSummaryDuration(value: unknown): number | undefined {
  const ms = (value as { state?: { testRunDurationMs?: unknown } }).state?.testRunDurationMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
}

/** k6's counters report count and count per second of test time, so count / rate is the duration it used. */
function durationFromCounters(metrics: readonly ParsedMetric[]): number | undefined {
  const preferred = ['iterations', 'http_reqs', 'data_sent', 'data_received'];
  const counters = metrics.filter((m) => m.type === 'counter' && Object.keys(m.tags).length === 0);
  counters.sort((a, b) => rank(a.base) - rank(b.base));
  for (const m of counters) {
    const { count, rate } = m.reported;
    if (count !== undefined && rate !== undefined && rate > 0) return count / rate;
  }
  return undefined;

  function rank(name: string): number {
    const i = preferred.indexOf(name);
    return i < 0 ? preferred.length : i;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isCount(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 0;
}

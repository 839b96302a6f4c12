import { z } from 'zod';
import { RUN_DOCUMENT_SCHEMA, type MetricType, type ReportedScope, type RunDocument } from '../../document/run-document.js';
import { scopeName } from '../../document/selector.js';
import { IngestError } from '../errors.js';
import type { SummaryFileInfo } from '../reader.js';
import { zodMessage } from '../zod-message.js';
import { ARTILLERY_METRICS, failedStatus, NETWORK_ERROR } from './metrics.js';
import { ARTILLERY_ROLES } from './roles.js';

/** Where artillery-plugin-metrics-by-endpoint writes (its default `metricsNamespace`). */
const BY_ENDPOINT = 'plugins.metrics-by-endpoint.';

/** An Artillery summary: what it writes for a histogram (it replaces each by its summary before writing). */
const SummarySchema = z.object({
  min: z.number(),
  max: z.number(),
  count: z.number().int().nonnegative(),
  mean: z.number().optional(),
  median: z.number().optional(),
  p50: z.number().optional(),
  p75: z.number().optional(),
  p90: z.number().optional(),
  p95: z.number().optional(),
  p99: z.number().optional(),
  p999: z.number().optional(),
});
type Summary = z.infer<typeof SummarySchema>;

const PeriodSchema = z.object({
  counters: z.record(z.string(), z.number()).default({}),
  rates: z.record(z.string(), z.number()).default({}),
  summaries: z.record(z.string(), SummarySchema).default({}),
  firstMetricAt: z.number().optional(),
  lastMetricAt: z.number().optional(),
});

const ReportSchema = z.object({
  aggregate: PeriodSchema,
  intermediate: z.array(z.unknown()).default([]),
});

/** Whether a JSON object is an Artillery `--output` report: `aggregate` with `counters` or `summaries`. */
export function isArtilleryReport(o: Record<string, unknown>): boolean {
  const a = o.aggregate;
  return typeof a === 'object' && a !== null && !Array.isArray(a) && ('counters' in a || 'summaries' in a);
}

/** What the document says about itself, once, in its warnings (and so in every comparison's notes). */
export const AGGREGATE_ONLY_NOTE =
  "Artillery's report holds summaries only (count, min, max, mean, median, p75, p90, p95, p99, p99.9), no distributions: " +
  'latency changes are reported against the limits but not tested for significance, the error-rate and throughput changes are not judged, ' +
  'failure signatures are not recorded, and rules that need time windows (sequential looks, within-run degradation) do not apply; ' +
  'record the per-request stream with artillery-plugin-perf-gate for the full verdict (docs/artillery.md)';

/**
 * A run document from Artillery's `--output` report: aggregates only, like a k6 summary (`aggregateOnly:
 * true`, every scope's numbers in `reported`, no windows). Artillery's names are kept; its summaries map
 * to k6's keys (mean → `avg`, median → `med`, p95 → `p(95)`, p999 → `p(99.9)`), so policies and
 * renderers read them as they read a k6 summary.
 *
 * - `http.response_time` (the time to the first byte): the whole run from Artillery's summary, and per
 *   endpoint `{name:…}` from `plugins.metrics-by-endpoint.response_time.<name>`.
 * - `http.requests`: counts, with the rate over the run's span; per endpoint, the endpoint's status codes
 *   and errors (`plugins.metrics-by-endpoint.<name>.codes.<code>`, `….errors.<code>`) added up.
 * - `http.failed` (a Rate): responses with status ≥ 400 plus network errors (`errors.E…`), over
 *   `http.requests`; per endpoint over its codes and errors. Other `errors.*` (a failed capture) are
 *   not failed requests: a warning names them.
 * - every other counter and summary under its own name (`http.codes.200`, `vusers.session_length`).
 *
 * The span is `firstMetricAt` to `lastMetricAt` of the aggregate.
 *
 * @throws IngestError when the JSON does not have the report's shape.
 */
export function artilleryReportDocument(value: unknown, info: SummaryFileInfo): RunDocument {
  const parsed = ReportSchema.safeParse(value);
  if (!parsed.success) throw new IngestError(info.file, `looks like an Artillery --output report but ${zodMessage(parsed.error)}`);
  const { aggregate, intermediate } = parsed.data;
  const warnings: string[] = [`${info.file}: ${AGGREGATE_ONLY_NOTE}`];
  const scopes: Record<string, ReportedScope> = {};
  const types = new Map<string, MetricType>();
  const add = (metric: string, type: MetricType, tags: Record<string, string>, reported: Record<string, number>, rate?: { passes: number; fails: number }): void => {
    types.set(metric, type);
    scopes[scopeName(metric, tags)] = { metric, tags, type, reported, ...(rate ? { rate } : {}) };
  };

  const first = aggregate.firstMetricAt;
  const last = aggregate.lastMetricAt;
  let durationSeconds = 0;
  if (first !== undefined && last !== undefined && last >= first) durationSeconds = (last - first) / 1000;
  else warnings.push(`${info.file}: the report does not say when its first and last metrics were recorded (aggregate.firstMetricAt, lastMetricAt): duration set to 0`);
  const endMs = last ?? Math.round(info.mtimeMs);
  const startMs = first ?? endMs;
  const perSecond = (count: number): Record<string, number> => (durationSeconds > 0 ? { count, rate: count / durationSeconds } : { count });

  // Per endpoint: codes and errors counted by metrics-by-endpoint.
  const endpoints = new Map<string, { codes: number; failed: number; errors: number }>();
  const endpoint = (name: string) => {
    let e = endpoints.get(name);
    if (!e) endpoints.set(name, (e = { codes: 0, failed: 0, errors: 0 }));
    return e;
  };
  let failedCodes = 0;
  let networkErrors = 0;
  const otherErrors: string[] = [];
  for (const [key, count] of Object.entries(aggregate.counters)) {
    if (key.startsWith(BY_ENDPOINT)) {
      const rest = key.slice(BY_ENDPOINT.length);
      const code = /^(.+)\.codes\.(\d{3})$/.exec(rest);
      const error = /^(.+)\.errors\.([^.]+)$/.exec(rest);
      if (code) {
        const e = endpoint(code[1]!);
        e.codes += count;
        if (failedStatus(Number(code[2]))) e.failed += count;
      } else if (error) {
        // A failed capture lands here too (as `errors.Error`), after its response was counted.
        if (NETWORK_ERROR.test(error[2]!)) endpoint(error[1]!).errors += count;
      } else {
        add(key, 'counter', {}, perSecond(count));
      }
      continue;
    }
    const code = /^http\.codes\.(\d{3})$/.exec(key);
    if (code && failedStatus(Number(code[1]))) failedCodes += count;
    const error = /^errors\.(.+)$/.exec(key);
    if (error) {
      if (NETWORK_ERROR.test(error[1]!)) networkErrors += count;
      else otherErrors.push(`${error[1]} (${count})`);
    }
    if (key === ARTILLERY_ROLES.requests) continue;
    add(key, 'counter', {}, perSecond(count));
  }
  if (otherErrors.length > 0) {
    warnings.push(`${info.file}: Artillery counted errors that are not failed requests, so they are not in ${ARTILLERY_ROLES.failures}: ${otherErrors.join(', ')}`);
  }

  const requests = aggregate.counters[ARTILLERY_ROLES.requests];
  if (requests === undefined) {
    warnings.push(`${info.file}: the report has no ${ARTILLERY_ROLES.requests} counter (no HTTP request was made, or not the HTTP engine): no request count or failure rate`);
  } else {
    add(ARTILLERY_ROLES.requests, 'counter', {}, perSecond(requests));
    const failed = Math.min(requests, failedCodes + networkErrors);
    add(ARTILLERY_ROLES.failures, 'rate', {}, rateValues(failed, requests), { passes: failed, fails: requests - failed });
  }
  for (const [name, e] of [...endpoints].sort((a, b) => compareText(a[0], b[0]))) {
    const total = e.codes + e.errors;
    const failed = e.failed + e.errors;
    add(ARTILLERY_ROLES.requests, 'counter', { name }, perSecond(total));
    add(ARTILLERY_ROLES.failures, 'rate', { name }, rateValues(failed, total), { passes: failed, fails: total - failed });
  }

  for (const [key, s] of Object.entries(aggregate.summaries)) {
    if (key.startsWith(`${BY_ENDPOINT}response_time.`)) {
      add(ARTILLERY_ROLES.latency, 'trend', { name: key.slice(`${BY_ENDPOINT}response_time.`.length) }, trendValues(s));
    } else if (key.startsWith(`${BY_ENDPOINT}server-timing.`)) {
      add(`${BY_ENDPOINT}server-timing`, 'trend', { name: key.slice(`${BY_ENDPOINT}server-timing.`.length) }, trendValues(s));
    } else {
      add(key, 'trend', {}, trendValues(s));
    }
  }
  if (endpoints.size === 0) {
    warnings.push(`${info.file}: no per-endpoint metrics (enable the metrics-by-endpoint plugin, bundled with Artillery, with useOnlyRequestNames: true): only the whole run is judged`);
  }

  const metrics: RunDocument['metrics'] = {};
  for (const name of [...types.keys()].sort(compareText)) {
    const known = ARTILLERY_METRICS.get(name);
    const type = types.get(name)!;
    metrics[name] = { type, contains: known?.type === type ? known.contains : type === 'trend' && isTimeSummary(name) ? 'time' : 'default', thresholds: [] };
  }
  const ordered: RunDocument['scopes'] = {};
  for (const k of Object.keys(scopes).sort(compareText)) ordered[k] = scopes[k]!;
  return {
    schema: RUN_DOCUMENT_SCHEMA,
    meta: {
      tool: 'artillery',
      roles: { ...ARTILLERY_ROLES },
      ...(info.stage !== undefined ? { stage: info.stage } : {}),
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      durationSeconds,
      ...(info.gitSha !== undefined ? { gitSha: info.gitSha } : {}),
      labels: info.labels ?? {},
      partial: false,
      aggregateOnly: true,
      groupBy: endpoints.size > 0 ? ['name'] : [],
      sources: [{ file: info.file, format: 'artillery-report', lines: info.lines, partial: false }],
      warnings: intermediate.length === 0 ? [...warnings, `${info.file}: the report has no intermediate periods`] : warnings,
    },
    metrics,
    scopes: ordered,
    windows: { originMs: startMs, widthMs: 1000, series: {} },
  };
}

/** An Artillery summary in k6's keys. */
function trendValues(s: Summary): Record<string, number> {
  const out: Record<string, number> = { count: s.count, min: s.min, max: s.max };
  const keys: [keyof Summary, string][] = [['mean', 'avg'], ['median', 'med'], ['p75', 'p(75)'], ['p90', 'p(90)'], ['p95', 'p(95)'], ['p99', 'p(99)'], ['p999', 'p(99.9)']];
  for (const [from, to] of keys) {
    const v = s[from];
    if (v !== undefined) out[to] = v;
  }
  if (out.med === undefined && s.p50 !== undefined) out.med = s.p50;
  return out;
}

/** A Rate's k6 keys: `rate` (failed / all), `passes` (failed), `fails` (not failed). */
function rateValues(failed: number, total: number): Record<string, number> {
  return { ...(total > 0 ? { rate: failed / total } : {}), passes: failed, fails: total - failed };
}

/** Artillery's summaries of times (milliseconds): its http.* timings, session lengths, the plugins' response times. */
function isTimeSummary(name: string): boolean {
  return name.startsWith('http.response_time') || name.endsWith('session_length') || name.startsWith(`${BY_ENDPOINT}server-timing`) || /^http\.(dns|tcp|tls|total)$/.test(name);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

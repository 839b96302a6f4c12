/**
 * One line of a stage's history: the whole-run figures a baseline store keeps of every run it is given,
 * for the trend in the report. Pure.
 */
import { z } from 'zod';
import type { RunDocument } from './run-document.js';
import { designEffectOfWindows, logLevelOf } from './run-level.js';
import { isInsufficient } from '../stats/insufficient.js';
import { logQuantileOf } from '../stats/log-quantile.js';
import { RunView } from './run-view.js';

/** One scope's level in a history entry (whole run without `scope`), for learning run-to-run noise. */
export const HistoryLevelSchema = z.object({
  scope: z.object({ tag: z.string(), value: z.string() }).optional(),
  count: z.number().int().nonnegative(),
  /** Mean of ln latency (ms). */
  logMean: z.number(),
  /** Its within-run standard error (design effect of the windows included). */
  se: z.number().nonnegative(),
  /**
   * ln of the percentiles the run could bound (HISTORY_QUANTILES; k6's interpolation, ms) with their
   * order-statistic standard errors at the effective n: a later comparison averages a percentile's
   * baseline over the last stored runs. Absent in entries written before perf-gate kept them.
   */
  quantiles: z.array(z.object({ q: z.number().gt(0).lt(1), log: z.number(), se: z.number().nonnegative() })).optional(),
});
export type HistoryLevel = z.infer<typeof HistoryLevelSchema>;

/** One run in a stage's history: the whole-run request-latency figures, for trends and the chart. */
export const HistoryEntrySchema = z.object({
  /** The commit the run measured. */
  sha: z.string(),
  /** ISO 8601, from the run document. */
  start: z.string(),
  end: z.string(),
  durationSeconds: z.number(),
  /** Milliseconds; null when the run has no latency distribution. */
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
  /** Requests per second (`http_reqs` count / duration). */
  throughput: z.number().nullable(),
  /** Failed / all requests (`http_req_failed`), 0..1. */
  errorRate: z.number().nullable(),
  /**
   * The latency metric p50–p99 and the levels describe, when the config named one (latencyMetric);
   * absent: the tool's own request latency (k6: http_req_duration).
   */
  latencyMetric: z.string().optional(),
  /** Per-scope levels of the request latency (absent in entries written before perf-gate learned noise). */
  levels: z.array(HistoryLevelSchema).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * The history entry of a run: whole-run p50/p95/p99 (ms) of the request latency (the policy's
 * latencyMetric when given, else the tool's own), requests per second and error rate, null where the run
 * has no such data; and the level of the whole run and of each endpoint (each value of the run's grouping
 * tags), from which a later comparison learns how much runs of the baseline branch wobble.
 */
export function historyEntry(doc: RunDocument, sha: string, latencyMetric?: string): HistoryEntry {
  const view = new RunView(doc);
  const latency = latencyMetric ?? view.roles.latency;
  const errors = view.errors({});
  return {
    sha,
    start: doc.meta.start,
    end: doc.meta.end,
    durationSeconds: doc.meta.durationSeconds,
    p50: finiteOrNull(view.value(latency, 'p(50)')),
    p95: finiteOrNull(view.value(latency, 'p(95)')),
    p99: finiteOrNull(view.value(latency, 'p(99)')),
    throughput: finiteOrNull(view.throughput({})),
    errorRate: errors && errors.total > 0 ? errors.failed / errors.total : null,
    ...(latencyMetric !== undefined ? { latencyMetric } : {}),
    levels: levelsOf(view, latency),
  };
}

/** The percentiles a history entry keeps per scope: the median (for the tail's spread) and the usual tail percentiles. */
export const HISTORY_QUANTILES: readonly number[] = [0.5, 0.9, 0.95, 0.99];

function levelsOf(view: RunView, latency: string): HistoryLevel[] {
  const out: HistoryLevel[] = [];
  const whole = levelOf(view, latency);
  if (whole) out.push(whole);
  for (const tag of view.doc.meta.groupBy) {
    for (const [value, name] of [...view.scopesByTag(latency, tag)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const level = levelOf(view, name);
      if (level) out.push({ scope: { tag, value }, ...level });
    }
  }
  return out;
}

function levelOf(view: RunView, name: string): HistoryLevel | undefined {
  const windows = view.windows(name, 'trend');
  const level = logLevelOf(windows);
  if (!level) return undefined;
  const d = view.distribution(name);
  if (!d) return level;
  const nEffective = level.count / designEffectOfWindows(windows);
  const quantiles = HISTORY_QUANTILES.flatMap((q) => {
    const e = logQuantileOf(d, q, nEffective);
    return isInsufficient(e) ? [] : [{ q, log: e.log, se: e.se }];
  });
  return quantiles.length > 0 ? { ...level, quantiles } : level;
}

function finiteOrNull(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/**
 * The entries that describe the latency metric `judged` (one without `latencyMetric` describes the tool's
 * own, `toolOwn`), in their order: one series. Figures of another metric (written before the config's
 * latencyMetric changed) would show the change of config as a shift, and teach the noise of another series.
 *
 * @example entriesOfLatency(history, 'http_req_duration{scenario:api}', 'http_req_duration')
 */
export function entriesOfLatency(history: readonly HistoryEntry[], judged: string, toolOwn: string): HistoryEntry[] {
  return history.filter((e) => (e.latencyMetric ?? toolOwn) === judged);
}

/**
 * The entries of the newest entry's latency metric: the series a history file stands for when nothing
 * else says which metric is judged (`perf-gate history`, the HTML report's chart).
 */
export function newestLatencySeries(history: readonly HistoryEntry[]): HistoryEntry[] {
  const newest = history.at(-1);
  return newest === undefined ? [] : history.filter((e) => e.latencyMetric === newest.latencyMetric);
}

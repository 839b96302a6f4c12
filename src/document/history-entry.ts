/**
 * One line of a stage's history: the whole-run figures a baseline store keeps of every run it is given,
 * for the trend in the report. Pure.
 */
import { z } from 'zod';
import type { RunDocument } from './run-document.js';
import { RunView } from './run-view.js';

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
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * The history entry of a run: whole-run p50/p95/p99 (ms) of the request latency (the policy's
 * latencyMetric when given, else the tool's own), requests per second and error rate; null where the run
 * has no such data.
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
  };
}

function finiteOrNull(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/**
 * A stage's history file: `{ schema: 'perf-gate/history@1', stage, entries }`, newest last, as both
 * baseline stores keep it (the baseline branch's `stages/<stage>/history.json`, the file store's
 * `<baseline>.history.json`). Pure.
 */
import { z } from 'zod';
import { HistoryEntrySchema, type HistoryEntry } from './history-entry.js';

export const HISTORY_SCHEMA = 'perf-gate/history@1';

/** The file as written, or a bare array of entries (an early form). */
export const HistoryFileSchema = z.union([
  z.object({ schema: z.literal(HISTORY_SCHEMA), stage: z.string().optional(), entries: z.array(HistoryEntrySchema) }),
  z.array(HistoryEntrySchema).transform((entries) => ({ schema: HISTORY_SCHEMA, stage: undefined, entries })),
]);

/** The text of a stage's history file. */
export function historyFileText(stage: string, entries: readonly HistoryEntry[]): string {
  return `${JSON.stringify({ schema: HISTORY_SCHEMA, stage, entries }, null, 2)}\n`;
}

/**
 * Both histories as one: one entry per commit sha (the later-ending one when a commit was measured twice),
 * ordered by end time, oldest first, cut to the newest `max`.
 *
 * @example
 * mergeHistory([{ sha: 'a', end: '…01' }], [{ sha: 'b', end: '…02' }], 20) // => a, b
 */
export function mergeHistory(a: readonly HistoryEntry[], b: readonly HistoryEntry[], max: number): HistoryEntry[] {
  const bySha = new Map<string, HistoryEntry>();
  for (const e of [...a, ...b]) {
    const seen = bySha.get(e.sha);
    if (!seen || !endsLater(seen.end, e.end)) bySha.set(e.sha, e);
  }
  const sorted = [...bySha.values()].sort((x, y) => compareTime(x.end, y.end) || compareTime(x.start, y.start) || (x.sha < y.sha ? -1 : x.sha > y.sha ? 1 : 0));
  return sorted.slice(Math.max(0, sorted.length - max));
}

/** Whether ISO time `a` is after `b` (false when either does not parse). */
export function endsLater(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && Number.isFinite(tb) && ta > tb;
}

function compareTime(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isFinite(ta) && Number.isFinite(tb)) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

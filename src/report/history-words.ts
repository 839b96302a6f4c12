/**
 * Shifts in a stage's history in words (gate/history-shifts.ts), for `perf-gate history`, the PR comment's
 * trend and the tracking issues. Raw text: each renderer escapes it for its medium.
 */
import type { HistoryShiftFinding } from '../gate/history-shifts.js';
import { formatChange, formatNumber } from './format.js';

/** `p95 of all requests`, `typical latency of GET /api/alerts`. */
export function seriesName(s: HistoryShiftFinding['series']): string {
  const what = s.statistic === 'p95' ? 'p95' : 'typical latency';
  return s.scope ? `${what} of ${s.scope.tag === 'name' ? s.scope.value : `${s.scope.tag}=${s.scope.value}`}` : `${what} of all requests`;
}

/** One shift in words: `p95 of all requests +10.2 % (155 → 171 ms), began at 1a2b3c4, settled at 5d6e7f8 (commits 0a1b2c3..5d6e7f8), p = 0.001, q = 0.003`. */
export function shiftText(f: HistoryShiftFinding): string {
  const short = (sha: string): string => sha.slice(0, 7);
  const where = f.beganAt === f.settledAt ? `at ${short(f.beganAt)}` : `began at ${short(f.beganAt)}, settled at ${short(f.settledAt)}`;
  return `${seriesName(f.series)} ${formatChange(f.change)} (${formatNumber(f.before)} → ${formatNumber(f.after)} ms), ${where} (commits ${short(f.lastBefore)}..${short(f.settledAt)}), p = ${formatNumber(f.pValue, 2)}, q = ${formatNumber(f.qValue, 2)}`;
}


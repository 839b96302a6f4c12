import type { RunDocument } from './run-document.js';
import { WindowSketch } from './window-sketch.js';
import { windowsOf } from './by-type.js';
import { isInsufficient } from '../stats/insufficient.js';

/**
 * Time series of a run for charts, computed here so that every renderer (the HTML page today, a
 * dashboard tomorrow) draws the same numbers: x in seconds since the run's start.
 */

/** Most points per series: longer series are drawn from merged windows or averaged samples. */
export const MAX_POINTS = 400;

const BYTES_PER_MB = 1_048_576;

/** The run's start in Unix ms: meta.start, or the first window's start when that does not parse. */
function startMs(doc: RunDocument): number {
  const t = Date.parse(doc.meta.start);
  return Number.isFinite(t) ? t : doc.windows.originMs;
}

/**
 * p50 and p95 per window of a scope, x in seconds since the run's start. With more than MAX_POINTS windows,
 * consecutive windows are merged (their sketches added) so that percentiles stay percentiles.
 */
export function latencySeries(doc: RunDocument, metric: string): { p50: [number, number][]; p95: [number, number][] } {
  const windows = windowsOf(doc, metric, 'trend').filter((w) => w.count > 0).sort((a, b) => a.i - b.i);
  const p50: [number, number][] = [];
  const p95: [number, number][] = [];
  if (windows.length === 0) return { p50, p95 };
  const { originMs, widthMs } = doc.windows;
  const start = startMs(doc);
  const first = windows[0]!.i;
  const last = windows[windows.length - 1]!.i;
  const group = Math.max(1, Math.ceil((last - first + 1) / MAX_POINTS));
  // Windows are sorted, so each group is a run of them: summed and drawn one group at a time. A map of all
  // groups' sketches held them all until the last (a 10-minute page held 300 per scope and run at once).
  for (let k = 0; k < windows.length; ) {
    const key = Math.floor((windows[k]!.i - first) / group);
    // One group's sum at a time, so a pooled dense counter (read as it is, then given back), not a summing one:
    // that one grows block by block, 16 MB of copies for a 10-minute page of two runs.
    const sketch = WindowSketch.open();
    let iSum = 0;
    let n = 0;
    for (; k < windows.length && Math.floor((windows[k]!.i - first) / group) === key; k++) {
      sketch.addEncoded(windows[k]!.sketch);
      iSum += windows[k]!.i;
      n++;
    }
    // A window that began before the run's first point still belongs to the run: time since start is ≥ 0.
    const x = Math.max(0, (originMs + (iSum / n) * widthMs - start) / 1000);
    const m = sketch.percentile(0.5);
    const h = sketch.percentile(0.95);
    sketch.discard();
    if (!isInsufficient(m) && Number.isFinite(m) && Number.isFinite(x)) p50.push([x, m]);
    if (!isInsufficient(h) && Number.isFinite(h) && Number.isFinite(x)) p95.push([x, h]);
  }
  return { p50, p95 };
}

/** True when a trend scope has windows with points, so a latency chart has something to draw. */
export function hasLatencyWindows(doc: RunDocument, metric: string): boolean {
  return windowsOf(doc, metric, 'trend').some((w) => w.count > 0);
}

/** Resident memory in MB (2^20 bytes) against seconds since the run's start. */
export function memorySeries(doc: RunDocument): [number, number][] {
  const start = startMs(doc);
  return (doc.memory?.samples ?? [])
    .map((s): [number, number] => [(s.t - start) / 1000, s.rssBytes / BYTES_PER_MB])
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .sort((a, b) => a[0] - b[0]);
}


/**
 * Requests per second and the failed share per window of one endpoint (or the whole run), x in seconds since
 * the run's start at each window's middle: the request counter's and the failures rate's scopes of the same
 * tags. Windows are merged in groups, as latencySeries does, beyond MAX_POINTS.
 */
export function trafficSeries(doc: RunDocument, requestsScope: string, failuresScope: string): { throughput: [number, number][]; errorRate: [number, number][] } {
  const { originMs, widthMs } = doc.windows;
  const start = startMs(doc);
  const requests = [...windowsOf(doc, requestsScope, 'counter')].sort((a, b) => a.i - b.i);
  const failures = windowsOf(doc, failuresScope, 'rate').filter((w) => w.count > 0).sort((a, b) => a.i - b.i);
  const grouped = <W extends { i: number }>(ws: readonly W[], value: (group: readonly W[]) => number | undefined): [number, number][] => {
    if (ws.length === 0) return [];
    const size = Math.max(1, Math.ceil((ws[ws.length - 1]!.i - ws[0]!.i + 1) / MAX_POINTS));
    const out: [number, number][] = [];
    for (let k = 0; k < ws.length; ) {
      const key = Math.floor((ws[k]!.i - ws[0]!.i) / size);
      const group: W[] = [];
      while (k < ws.length && Math.floor((ws[k]!.i - ws[0]!.i) / size) === key) group.push(ws[k++]!);
      const x = (originMs + (group.reduce((s, w) => s + w.i, 0) / group.length + 0.5) * widthMs - start) / 1000;
      const y = value(group);
      if (y !== undefined && Number.isFinite(x) && Number.isFinite(y)) out.push([Math.max(0, x), y]);
    }
    return out;
  };
  return {
    throughput: grouped(requests, (g) => g.reduce((s, w) => s + w.count, 0) / ((g.length * widthMs) / 1000)),
    errorRate: grouped(failures, (g) => {
      const n = g.reduce((s, w) => s + w.count, 0);
      return n > 0 ? (100 * g.reduce((s, w) => s + w.passes, 0)) / n : undefined;
    }),
  };
}

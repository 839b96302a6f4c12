import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latencySeries, MAX_POINTS } from '../../src/document/series.js';
import { WindowSketch } from '../../src/document/window-sketch.js';
import { percentile } from '../../src/stats/percentile.js';
import { isInsufficient } from '../../src/stats/insufficient.js';

const ORIGIN = Date.parse('2026-12-07T09:00:00.000Z');

/** A trend scope's windows: i ascending or not, each with a stored sketch of a few values. */
const windows = fc.uniqueArray(fc.integer({ min: 0, max: 3 * MAX_POINTS }), { maxLength: 60 }).chain((is) =>
  fc.tuple(...is.map((i) => fc.record({ i: fc.constant(i), values: fc.array(fc.double({ min: 0.01, max: 5000, noNaN: true }), { maxLength: 12 }) }))),
);

function docOf(ws: readonly { i: number; values: readonly number[] }[]): never {
  const stored = ws.map(({ i, values }) => {
    const s = WindowSketch.open();
    for (const v of values) s.record(v);
    return { i, count: values.length, sum: values.reduce((a, b) => a + b, 0), sketch: s.encode() };
  });
  return {
    schema: 'perf-gate/run@1',
    meta: { start: new Date(ORIGIN).toISOString() },
    scopes: { 'http_req_duration{name:a}': { type: 'trend' } },
    windows: { originMs: ORIGIN, widthMs: 1000, series: { 'http_req_duration{name:a}': stored } },
  } as never;
}

/** The series as drawn before: every group's windows gathered first, then each group's sketch summed at once. */
function reference(doc: never): { p50: [number, number][]; p95: [number, number][] } {
  const ws = (doc as { windows: { series: Record<string, { i: number; count: number; sketch: number[] }[]> } }).windows.series['http_req_duration{name:a}']!
    .filter((w) => w.count > 0)
    .sort((a, b) => a.i - b.i);
  const p50: [number, number][] = [];
  const p95: [number, number][] = [];
  if (ws.length === 0) return { p50, p95 };
  const group = Math.max(1, Math.ceil((ws[ws.length - 1]!.i - ws[0]!.i + 1) / MAX_POINTS));
  const groups = new Map<number, (typeof ws)[number][]>();
  for (const w of ws) {
    const key = Math.floor((w.i - ws[0]!.i) / group);
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  for (const members of groups.values()) {
    const sum = new WindowSketch();
    for (const w of members) sum.add(WindowSketch.decode(w.sketch));
    const d = sum.distribution();
    const x = Math.max(0, (members.reduce((s, w) => s + w.i, 0) / members.length) * 1000 / 1000);
    const m = percentile(d, 0.5);
    const h = percentile(d, 0.95);
    if (!isInsufficient(m)) p50.push([x, m]);
    if (!isInsufficient(h)) p95.push([x, h]);
  }
  return { p50, p95 };
}

describe('latencySeries', () => {
  it('draws each group of windows as the percentiles of their summed sketches, one point per group', () => {
    fc.assert(
      fc.property(windows, (ws) => {
        const doc = docOf(ws);
        expect(latencySeries(doc, 'http_req_duration{name:a}')).toEqual(reference(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('merges windows in groups beyond MAX_POINTS, so a long run draws at most MAX_POINTS points', () => {
    const ws = Array.from({ length: 3 * MAX_POINTS + 1 }, (_, i) => ({ i, values: [10 + (i % 7)] }));
    const { p50, p95 } = latencySeries(docOf(ws), 'http_req_duration{name:a}');
    expect(p50.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(p50.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(p95.length).toBe(p50.length);
    // Each point's x is its group's mean window index (1 s windows starting at the run's start).
    expect(p50[0]![0]).toBe(1.5);
  });
});

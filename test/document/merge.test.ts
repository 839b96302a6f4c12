import { describe, expect, it } from 'vitest';
import { mergeRuns, MergeError } from '../../src/document/merge.js';
import { TrendHistogram } from '../../src/document/trend-histogram.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { RunDocumentSchema } from '../../src/document/run-document.js';
import { run } from '../gate/fixtures.js';
import { scopeOf } from '../../src/document/by-type.js';

function buckets(doc: RunDocument, scope: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const b of TrendHistogram.decode(scopeOf(doc, scope, 'trend')!.trend).distribution().slice(1, -1)) m.set(b.value, b.count);
  return m;
}

describe('mergeRuns', () => {
  it('adds histograms bucket by bucket, counts and rates exactly, and keeps a valid document', async () => {
    const a = await run('smoke-baseline');
    const b = await run('smoke-aa');
    const merged = mergeRuns([a, b]);
    expect(RunDocumentSchema.safeParse(merged).success).toBe(true);
    for (const scope of ['http_req_duration', 'http_req_duration{name:GET /api/alerts}']) {
      const ta = scopeOf(a, scope, 'trend')!.trend;
      const tb = scopeOf(b, scope, 'trend')!.trend;
      const tm = scopeOf(merged, scope, 'trend')!.trend;
      expect(tm.count).toBe(ta.count + tb.count);
      expect(tm.sum).toBeCloseTo(ta.sum + tb.sum, 6);
      expect(tm.min).toBe(Math.min(ta.min, tb.min));
      expect(tm.max).toBe(Math.max(ta.max, tb.max));
      // Inner buckets (the outer two are pinned to the exact min and max) add exactly.
      const ba = buckets(a, scope);
      const bb = buckets(b, scope);
      const bm = buckets(merged, scope);
      // Only the buckets that were the outer ones of a or b can differ (there they were pinned).
      let differing = 0;
      for (const [v, c] of bm) if (c !== (ba.get(v) ?? 0) + (bb.get(v) ?? 0)) differing++;
      expect(differing).toBeLessThanOrEqual(4);
      expect(bm.size).toBeGreaterThan(100);
      const total = [...bm.values()].reduce((x, y) => x + y, 0);
      expect(total).toBe(tm.count - 2);
    }
    expect(scopeOf(merged, 'http_reqs', 'counter')!.counter.count).toBe(scopeOf(a, 'http_reqs', 'counter')!.counter.count + scopeOf(b, 'http_reqs', 'counter')!.counter.count);
    expect(scopeOf(merged, 'http_req_failed', 'rate')!.rate.fails).toBe(scopeOf(a, 'http_req_failed', 'rate')!.rate.fails + scopeOf(b, 'http_req_failed', 'rate')!.rate.fails);
    // Windows of both runs land on one time axis and add up to the totals.
    const windowed = merged.windows.series['http_req_duration']!.reduce((x, w) => x + w.count, 0);
    expect(windowed).toBe(scopeOf(merged, 'http_req_duration', 'trend')!.trend.count);
  });

  it('refuses runs grouped by different tags', async () => {
    const a = await run('smoke-baseline');
    const other: RunDocument = { ...a, meta: { ...a.meta, groupBy: ['tenant'] } };
    expect(() => mergeRuns([a, other])).toThrow(MergeError);
    expect(() => mergeRuns([])).toThrow(/at least one/);
  });
});

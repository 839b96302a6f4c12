/**
 * A sequential stage's look calls RunBuilder.finish while points keep arriving (k6-live-output.ts
 * `snapshot`): finishing must not change what the builder holds. Property: a builder finished at any
 * points along the way, then fed the rest, gives the document a builder fed everything at once gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunBuilder } from '../../src/document/run-builder.js';

const INFO = { tool: 'k6' as const, stage: 'load', sources: [{ file: 'live.ndjson', format: 'k6-ndjson', lines: 0, partial: false }] };

interface Point { readonly endpoint: number; readonly ms: number; readonly failed: boolean; readonly atMs: number }

function build(points: readonly Point[], looksAt: readonly number[]): string {
  const builder = new RunBuilder({ groupBy: ['name'], window: 'auto' });
  const duration = builder.defineMetric({ name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
  const reqs = builder.defineMetric({ name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
  const failed = builder.defineMetric({ name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
  const start = Date.UTC(2026, 11, 2, 10, 0, 0);
  points.forEach((p, i) => {
    if (looksAt.includes(i)) builder.finish(INFO);
    const tags = { name: `GET /e${p.endpoint}` };
    const t = start + p.atMs;
    builder.point(builder.targets(duration, tags), t, p.ms);
    builder.point(builder.targets(reqs, tags), t, 1);
    builder.point(builder.targets(failed, tags), t, p.failed ? 1 : 0);
  });
  return JSON.stringify(builder.finish(INFO));
}

const points = fc
  .array(fc.record({ endpoint: fc.integer({ min: 0, max: 3 }), ms: fc.double({ min: 0.1, max: 5000, noNaN: true }), failed: fc.boolean(), gapMs: fc.integer({ min: 0, max: 900 }) }), { minLength: 1, maxLength: 400 })
  .map((xs) => {
    let at = 0;
    return xs.map(({ gapMs, ...p }) => ({ ...p, atMs: (at += gapMs) }));
  });

describe('RunBuilder.finish mid-run (a look)', () => {
  it('leaves the builder as it was: the final document is the same with or without looks', () => {
    fc.assert(
      fc.property(points, fc.array(fc.nat(400), { maxLength: 6 }), (ps, looks) => {
        expect(build(ps, looks)).toBe(build(ps, []));
      }),
      { numRuns: 150 },
    );
  });

  it('over a long run whose windows widen after a look', () => {
    // 2 000 s of points one second apart: the auto window widens as the run grows past its window budget.
    const long: Point[] = Array.from({ length: 4000 }, (_, i) => ({ endpoint: i % 3, ms: 10 + (i % 17), failed: i % 50 === 0, atMs: i * 500 }));
    expect(build(long, [100, 1500, 3999])).toBe(build(long, []));
  });
});

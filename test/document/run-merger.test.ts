import { describe, expect, it } from 'vitest';
import { MergeError, mergeRuns } from '../../src/document/merge.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import { RunDocumentSchema, type RunDocument, type ShardRecord } from '../../src/document/run-document.js';
import { RunMerger } from '../../src/document/run-merger.js';

const T0 = Date.parse('2026-12-03T07:00:00.000Z');

/** A run of `values` latencies, one per second from `startMs`, in windows of `window` seconds. */
function runOf(values: readonly number[], window: number, startMs = T0, groupBy = ['name']): RunDocument {
  const b = new RunBuilder({ groupBy, window });
  const latency = b.defineMetric({ name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
  const reqs = b.defineMetric({ name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
  values.forEach((v, s) => {
    b.point(b.targets(latency, { name: 'GET /' }), startMs + s * 1000, v);
    b.point(b.targets(reqs, { name: 'GET /' }), startMs + s * 1000, 1);
  });
  return b.finish({ tool: 'k6', sources: [{ file: 'run.ndjson', format: 'k6-ndjson', lines: values.length, partial: false }], warnings: [] });
}

const shard = (doc: RunDocument, index: number): RunDocument => {
  const record: ShardRecord = { index, count: 2, segment: index === 1 ? '0:1/2' : '1/2:1', sequence: '0,1/2,1', scriptHash: 'a'.repeat(64), startedAt: new Date(T0).toISOString() };
  return { ...doc, meta: { ...doc.meta, shard: record } };
};

describe('RunMerger', () => {
  it('adds documents one at a time into what mergeRuns gives', () => {
    const docs = [runOf([1, 2, 3, 4, 5, 6], 2), runOf([10, 20, 30], 2, T0 + 1000), runOf([7, 8], 2, T0 + 4000)];
    const merger = new RunMerger();
    for (const d of docs) merger.add(d);
    expect(merger.windowsAgain()).toBe(false);
    const merged = merger.finish();
    expect(merged).toEqual(mergeRuns(docs));
    expect(RunDocumentSchema.safeParse(merged).success).toBe(true);
    // 2 s windows from 07:00:00, one request a second per run; the second run's windows start at 07:00:01 and
    // 07:00:03 (its origin is a whole second), so they land in the windows their starts fall in.
    expect(merged.windows.series['http_reqs{name:GET /}']!.map((w) => [w.i, w.count])).toEqual([
      [0, 2 + 2],
      [1, 2 + 1],
      [2, 2 + 2],
    ]);
  });

  it('sums windows of different widths in a second pass, at the widest width, from the earliest origin', () => {
    const docs = [runOf([1, 2, 3, 4, 5, 6], 2, T0 + 2000), runOf([10, 20, 30, 40, 50, 60], 6, T0)];
    const merger = new RunMerger();
    for (const d of docs) merger.add(d);
    expect(merger.windowsAgain()).toBe(true);
    expect(() => merger.finish()).toThrow(/0 of 2 documents' windows given again/);
    for (const d of docs) merger.addWindows(d);
    const merged = merger.finish();
    expect(merged.windows.widthMs).toBe(6000);
    // 07:00:00–06 holds the 6 s run's six requests and the 2 s run's first four (from 07:00:02), 07:00:06–12 its last two.
    expect(merged.windows.series['http_reqs{name:GET /}']!.map((w) => [w.i, w.count])).toEqual([
      [0, 10],
      [1, 2],
    ]);
    const latency = merged.windows.series['http_req_duration{name:GET /}']! as { sum: number }[];
    expect(latency.map((w) => w.sum)).toEqual([10 + 20 + 30 + 40 + 50 + 60 + 1 + 2 + 3 + 4, 5 + 6]);
    expect(mergeRuns(docs)).toEqual(merged);
  });

  it.each([
    {
      what: 'a shard check before a grouping seen earlier',
      docs: () => [shard(runOf([1], 2), 1), runOf([1], 2, T0, ['status']), shard(runOf([1], 2), 2)],
      message: 'run 2 is no shard (it records no meta.shard), but run 1 is shard 1/2 (segment 0:1/2)',
    },
    {
      what: 'a grouping before windows that cannot align',
      docs: () => [runOf([1], 2), runOf([1], 3), runOf([1], 2, T0, ['status'])],
      message: 'cannot merge runs grouped by different tags: [name] and [status]',
    },
    { what: 'windows that cannot align', docs: () => [runOf([1], 2), runOf([1], 3)], message: 'cannot align 2 s windows with 3 s windows' },
    { what: 'nothing', docs: () => [], message: 'nothing to merge' },
  ])('keeps what is wrong until all documents were seen, and throws it in mergeRuns’ order: $what', ({ docs, message }) => {
    const merger = new RunMerger();
    for (const d of docs()) merger.add(d);
    expect(() => merger.windowsAgain()).toThrow(MergeError);
    expect(() => merger.finish()).toThrow(message);
  });

  it('gives one document that is no shard back as it is', () => {
    const doc = runOf([1, 2], 2);
    const merger = new RunMerger();
    merger.add(doc);
    expect(merger.windowsAgain()).toBe(false);
    expect(merger.finish()).toBe(doc);
  });
});

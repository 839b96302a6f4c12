import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PointBatchWriter, readBatch, type BuilderOp, type PointBatch } from '../../src/ingest/point-batch.js';

type Call = { readonly point: readonly [number, number, number] } | { readonly op: BuilderOp };

/** Writes `calls`, reads every batch back, and returns what came out (and the batches). */
function roundTrip(calls: readonly Call[], capacity: number): { out: Call[]; batches: PointBatch[] } {
  const batches: PointBatch[] = [];
  const w = new PointBatchWriter((b) => batches.push(b), capacity);
  for (const c of calls) {
    if ('point' in c) w.point(...c.point);
    else w.op(c.op);
  }
  w.flush();
  const out: Call[] = [];
  for (const b of batches) readBatch(b, { point: (key, t, v) => out.push({ point: [key, t, v] }), op: (op) => out.push({ op }) });
  return { out, batches };
}

const op = (key: number): BuilderOp => ({ kind: 'targets', key, metric: 1, tags: { name: `GET /${key}` } });
const metricOp: BuilderOp = { kind: 'metric', def: { name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] } };

describe('PointBatchWriter and readBatch', () => {
  it.each([
    { what: 'nothing sends no batch', calls: [], capacity: 4, batches: [] },
    { what: 'points and ops in one batch', calls: [{ op: metricOp }, { op: op(0) }, { point: [0, 1764236919719.1323, 12.5] }], capacity: 4, batches: [3] },
    { what: 'a full batch is sent before the next record', calls: [{ point: [0, 1, 1] }, { point: [0, 2, 2] }, { op: op(1) }], capacity: 2, batches: [2, 1] },
    { what: 'capacity 1: every record its own batch', calls: [{ op: op(0) }, { point: [0, 1, -0] }, { point: [0, 1, Number.MAX_VALUE] }], capacity: 1, batches: [1, 1, 1] },
  ] satisfies { what: string; calls: Call[]; capacity: number; batches: number[] }[])('$what', ({ calls, capacity, batches }) => {
    const r = roundTrip(calls, capacity);
    expect(r.batches.map((b) => b.length)).toEqual(batches);
    expect(r.out).toEqual(calls);
  });

  it('gives back every time and value bit for bit, in order, ops between the points they came between', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 5e-324, 1764236919719.1323, 0.034314));
    const call = fc.oneof(
      fc.record({ point: fc.tuple(fc.integer({ min: 0, max: 65_535 }), value, value) }),
      fc.integer({ min: 0, max: 65_535 }).map((k) => ({ op: op(k) })),
    );
    fc.assert(
      fc.property(fc.array(call, { maxLength: 200 }), fc.integer({ min: 1, max: 17 }), (calls, capacity) => {
        const { out } = roundTrip(calls, capacity);
        expect(out.length).toBe(calls.length);
        out.forEach((c, i) => {
          const want = calls[i]!;
          if ('point' in want) {
            expect('point' in c).toBe(true);
            // Object.is tells -0 from 0: the bits, not just the value.
            (c as { readonly point: readonly number[] }).point.forEach((x, j) => expect(Object.is(x, want.point[j])).toBe(true));
          } else {
            expect(c).toEqual(want);
          }
        });
      }),
    );
  });

  it('writes into recycled buffers rather than new ones', () => {
    const sent: PointBatch[] = [];
    const w = new PointBatchWriter((b) => sent.push(b), 2);
    for (let i = 0; i < 4; i++) w.point(0, i, i);
    w.recycle(sent[0]!.records);
    for (let i = 0; i < 4; i++) w.point(0, i, i);
    w.flush();
    expect(sent.length).toBe(4);
    expect(sent.filter((b) => b.records === sent[0]!.records).length).toBe(2);
    // A buffer of another size is not taken.
    expect(() => w.recycle(new Float64Array(5))).not.toThrow();
  });

  it('refuses a capacity that is not a whole number ≥ 1', () => {
    expect(() => new PointBatchWriter(() => undefined, 0)).toThrow(/capacity must be a whole number ≥ 1 but got 0/);
    expect(() => new PointBatchWriter(() => undefined, 1.5)).toThrow(/but got 1.5/);
  });

  it('reports a batch whose record names an op it does not hold', () => {
    const batch: PointBatch = { records: Float64Array.of(-1, 3, 0), length: 1, ops: [] };
    expect(() => readBatch(batch, { point: () => undefined, op: () => undefined })).toThrow(/record 0 names op 3, but the batch has 0/);
  });
});

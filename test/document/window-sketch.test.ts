import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WindowSketch } from '../../src/document/window-sketch.js';
import { percentile } from '../../src/stats/percentile.js';

const values = fc.array(fc.oneof(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), fc.constant(0)), { maxLength: 200 });

describe('WindowSketch', () => {
  it('keeps every value within ±1 % and counts each once, dense or not', () => {
    fc.assert(
      fc.property(values, fc.boolean(), (xs, filling) => {
        const s = filling ? WindowSketch.open() : new WindowSketch();
        for (const x of xs) s.record(x);
        const d = s.distribution();
        expect(d.reduce((a, b) => a + b.count, 0)).toBe(xs.length);
        const expanded = d.flatMap((b) => Array<number>(b.count).fill(b.value));
        const sorted = [...xs].sort((a, b) => a - b);
        expanded.forEach((v, i) => (sorted[i] === 0 ? expect(v).toBe(0) : expect(Math.abs(v / sorted[i]! - 1)).toBeLessThan(0.0101)));
      }),
    );
  });

  it('adding two sketches equals sketching both samples, and encoding round-trips', () => {
    fc.assert(
      fc.property(values, values, fc.boolean(), (a, b, filling) => {
        const sa = filling ? WindowSketch.open() : new WindowSketch();
        const sb = new WindowSketch();
        const both = new WindowSketch();
        for (const x of a) {
          sa.record(x);
          both.record(x);
        }
        for (const x of b) {
          sb.record(x);
          both.record(x);
        }
        sa.add(sb);
        expect(sa.encode()).toEqual(both.encode());
        expect(WindowSketch.decode(sa.encode()).encode()).toEqual(both.encode());
      }),
    );
  });
});

describe('WindowSketch.percentile', () => {
  it('is percentile of its distribution, filled or summed from stored sketches', () => {
    fc.assert(
      fc.property(values, values, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, p) => {
        const s = WindowSketch.open();
        for (const v of a) s.record(v);
        const summed = WindowSketch.summing();
        summed.addEncoded(s.encode());
        for (const v of b) summed.record(v);
        expect(s.percentile(p)).toEqual(percentile(s.distribution(), p));
        expect(summed.percentile(p)).toEqual(percentile(summed.distribution(), p));
      }),
    );
  });
});

describe('WindowSketch.percentile of a sketch still counting densely', () => {
  // Values far outside the dense range (1.02^±1024) land in its extra map, which the dense read must not skip.
  const wide = fc.array(fc.oneof(fc.double({ min: 1e-12, max: 1e12, noNaN: true }), fc.constant(0)), { maxLength: 200 });
  it('reads it as it would read it compacted, and leaves it counting', () => {
    fc.assert(
      fc.property(wide, wide, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (a, b, ps) => {
        const dense = WindowSketch.open();
        const compact = new WindowSketch();
        for (const v of a) {
          dense.record(v);
          compact.record(v);
        }
        for (const p of ps) expect(dense.percentile(p)).toEqual(compact.percentile(p));
        for (const v of b) {
          dense.record(v);
          compact.record(v);
        }
        for (const p of ps) expect(dense.percentile(p)).toEqual(compact.percentile(p));
        expect(dense.encode()).toEqual(compact.encode());
      }),
    );
  });

  it('discard empties it and gives back a zeroed counter, so the next sketch starts empty', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const first = WindowSketch.open();
        for (const v of a) first.record(v);
        first.discard();
        expect(first.distribution()).toEqual([]);
        const next = WindowSketch.open();
        const alone = new WindowSketch();
        for (const v of b) {
          next.record(v);
          alone.record(v);
        }
        expect(next.encode()).toEqual(alone.encode());
      }),
    );
  });
});

describe('WindowSketch.summing', () => {
  const stored = fc.array(fc.array(fc.tuple(fc.integer({ min: -1200, max: 1200 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 40 }), { maxLength: 8 });
  it('adds stored sketches (addEncoded) to the same buckets and counts as a filling sketch adding their decodings', () => {
    fc.assert(
      fc.property(stored, fc.boolean(), (sketches, sorted) => {
        const flats = sketches.map((pairs) => {
          const ps = sorted ? [...new Map(pairs).entries()].sort((a, b) => a[0] - b[0]) : pairs;
          return ps.flat();
        });
        const summing = WindowSketch.summing();
        const filling = WindowSketch.open();
        for (const f of flats) {
          summing.addEncoded(f);
          filling.add(WindowSketch.decode(f));
        }
        expect(summing.encode()).toEqual(filling.encode());
      }),
    );
  });
});

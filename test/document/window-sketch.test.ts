import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WindowSketch } from '../../src/document/window-sketch.js';

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

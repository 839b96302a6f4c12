import fc from 'fast-check';
import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { countsIndex, lowestEquivalent, TrendHistogram } from '../../src/document/trend-histogram.js';

interface HdrWalk {
  countsArrayLength: number;
  getCountAtIndex(i: number): number;
  valueFromIndex(i: number): number;
  countsArrayIndex(v: number): number;
}

describe('TrendHistogram', () => {
  it('indexes values exactly as hdr-histogram-js does (3 significant digits)', () => {
    const reference = hdr.build({ numberOfSignificantValueDigits: 3, bitBucketSize: 64 }) as unknown as HdrWalk;
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 2 ** 52, noNaN: true }).map(Math.floor)), (v) => {
        expect(countsIndex(v)).toBe(reference.countsArrayIndex(v));
        expect(lowestEquivalent(countsIndex(v))).toBe(reference.valueFromIndex(reference.countsArrayIndex(v)));
      }),
      { numRuns: 5000 },
    );
  });

  it('encodes the same histogram to the same text whatever was encoded before (a huge value does not grow a shared encoder)', () => {
    const small = (): TrendHistogram => {
      const t = new TrendHistogram(1000);
      for (const v of [0.5, 1.25, 3]) t.record(v);
      return t;
    };
    const first = small().encode().hdr;
    const huge = new TrendHistogram(1000);
    huge.record(4.9e60);
    huge.encode();
    expect(small().encode().hdr).toBe(first);
  });

  it.each([
    { what: 'exact below 2048 units', v: 2047, index: 2047 },
    { what: 'first doubled bucket', v: 2048, index: 2048 },
    { what: 'one hour in nanoseconds', v: 3_600_000_000_000, index: countsIndex(3_600_000_000_000) },
  ])('$what', ({ v, index }) => {
    expect(countsIndex(v)).toBe(index);
    expect(Math.abs(lowestEquivalent(index) - v) / Math.max(v, 1)).toBeLessThan(1e-3);
  });

  it('round-trips through the standard HDR encoding and keeps k6-exact min, max, sum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 60_000, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const t = new TrendHistogram(1e6);
        for (const v of values) t.record(v);
        const back = TrendHistogram.decode(t.encode());
        expect(back.distribution()).toEqual(t.distribution());
        expect(back.count).toBe(values.length);
        expect(back.min).toBe(Math.min(...values));
        expect(back.max).toBe(Math.max(...values));
        // The library reads the same counts.
        const lib = hdr.decodeFromCompressedBase64(t.encode().hdr);
        expect(lib.totalCount).toBe(values.length);
      }),
      { numRuns: 200 },
    );
  });

  it('counts alike however it got there: few values kept as a list, many counted, parts added up in any order', () => {
    // 64 values are kept as a list; more are counted over the range they cover: cross that limit both ways.
    const values = fc.array(fc.oneof(fc.double({ min: 0, max: 60_000, noNaN: true }), fc.constantFrom(0, 0.0005, 1, 25.5, 3_600_000)), { maxLength: 200 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const whole = new TrendHistogram(1e6);
        for (const v of [...a, ...b]) whole.record(v);
        const left = new TrendHistogram(1e6);
        for (const v of a) left.record(v);
        const right = new TrendHistogram(1e6);
        for (const v of b) right.record(v);
        const ab = new TrendHistogram(1e6);
        ab.add(left);
        ab.add(right);
        const ba = new TrendHistogram(1e6);
        ba.add(right);
        ba.add(left);
        expect(ab.distribution()).toEqual(whole.distribution());
        expect(ba.encode().hdr).toBe(whole.encode().hdr);
        expect(TrendHistogram.decode(whole.encode()).encode()).toEqual(whole.encode());
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('represents every value within 0.1 % (3 significant digits)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 3_600_000, noNaN: true }), { minLength: 3, maxLength: 50 }), (values) => {
        const t = new TrendHistogram(1e6);
        for (const v of values) t.record(v);
        const sorted = [...values].sort((a, b) => a - b);
        const buckets = t.distribution().flatMap((b) => Array<number>(b.count).fill(b.value));
        buckets.forEach((b, i) => expect(Math.abs(b - sorted[i]!) / sorted[i]!).toBeLessThan(1e-3));
      }),
    );
  });
});

describe('TrendHistogram.clear (one sum reused for scope after scope)', () => {
  it('a cleared histogram summed again encodes exactly as a fresh one, whatever it held before', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 300 }), fc.array(fc.double({ min: -1, max: 1e6, noNaN: true }), { maxLength: 300 }), (before, after) => {
        const reused = new TrendHistogram(1e6);
        for (const v of before) reused.record(v);
        reused.clear();
        const part = new TrendHistogram(1e6);
        for (const v of after) part.record(v);
        reused.add(part);
        const fresh = new TrendHistogram(1e6);
        fresh.add(part);
        expect(reused.encode()).toEqual(fresh.encode());
        expect(reused.distribution()).toEqual(fresh.distribution());
      }),
      { numRuns: 200 },
    );
  });
});

describe('TrendHistogram counts beyond 32 bits', () => {
  it('keeps a bucket count above 2^32 exact', () => {
    const lib = hdr.build({ numberOfSignificantValueDigits: 3, bitBucketSize: 64 });
    lib.recordValueWithCount(5_000_000, 2 ** 32 + 5);
    lib.recordValueWithCount(7_000_000, 3);
    const big = TrendHistogram.decode({ count: 2 ** 32 + 8, sum: 1, min: 5, max: 7, scale: 1e6, hdr: hdr.encodeIntoCompressedBase64(lib) });
    expect(big.distribution().map((b) => b.count)).toEqual([2 ** 32 + 5, 3]);
    const twice = new TrendHistogram(1e6);
    twice.add(big);
    twice.add(big);
    expect(twice.distribution()[0]!.count).toBe(2 * (2 ** 32 + 5));
  });
});

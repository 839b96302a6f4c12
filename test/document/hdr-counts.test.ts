import fc from 'fast-check';
import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { readHdrCounts, writeHdrCounts } from '../../src/document/hdr-counts.js';
import { countsIndex, lowestEquivalent, TrendHistogram } from '../../src/document/trend-histogram.js';

interface HdrWalk {
  countsArrayLength: number;
  getCountAtIndex(i: number): number;
  valueFromIndex(i: number): number;
}

/** What TrendHistogram.decode read through hdr-histogram-js: [counts index, count] of each non-empty bucket. */
function reference(base64: string): [number, number][] {
  const h = hdr.decodeFromCompressedBase64(base64, 64, false) as unknown as HdrWalk;
  const out: [number, number][] = [];
  for (let i = 0; i < h.countsArrayLength; i++) if (h.getCountAtIndex(i) !== 0) out.push([countsIndex(h.valueFromIndex(i)), h.getCountAtIndex(i)]);
  return out;
}

function read(base64: string): [number, number][] | undefined {
  const r = readHdrCounts(base64);
  return r && Array.from({ length: r.n }, (_, k): [number, number] => [r.indexes[k]!, r.counts[k]!]);
}

function encoded(values: readonly (readonly [number, number])[], options: { numberOfSignificantValueDigits?: 1 | 2 | 3; lowestDiscernibleValue?: number } = {}): string {
  const h = hdr.build({ bitBucketSize: 64, autoResize: true, numberOfSignificantValueDigits: options.numberOfSignificantValueDigits ?? 3, lowestDiscernibleValue: options.lowestDiscernibleValue ?? 1, highestTrackableValue: 2 ** 20 });
  for (const [v, n] of values) h.recordValueWithCount(v, n);
  return hdr.encodeIntoCompressedBase64(h);
}

const value = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 2 ** 52, noNaN: true }).map(Math.floor));
const count = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2 ** 32 - 5, max: 2 ** 32 + 5 }), fc.integer({ min: 1, max: 2 ** 50 }));

describe('readHdrCounts', () => {
  it('reads the buckets and counts hdr-histogram-js decodes, for the layout perf-gate writes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, count), { maxLength: 60 }), (values) => {
        const text = encoded(values);
        expect(read(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reads what TrendHistogram writes, to the same histogram', () => {
    const t = new TrendHistogram(1e6);
    for (let i = 1; i < 5000; i++) t.record(i * 0.37 + (i % 17) * 100);
    const e = t.encode();
    expect(read(e.hdr)).toEqual(reference(e.hdr));
    expect(TrendHistogram.decode(e).encode()).toEqual(e);
  });

  it.each([
    { what: 'two significant digits', text: () => encoded([[5, 1]], { numberOfSignificantValueDigits: 2 }) },
    { what: 'a lowest discernible value of 1000', text: () => encoded([[5000, 1]], { lowestDiscernibleValue: 1000 }) },
    { what: 'base64 with white space', text: () => ` ${encoded([[5, 1]])}\n` },
    { what: 'no HDR histogram', text: () => Buffer.from('not a histogram').toString('base64') },
    { what: 'cut short', text: () => encoded([[5, 1]]).slice(0, 16) },
  ])('leaves $what to hdr-histogram-js (undefined), which TrendHistogram.decode then uses', ({ text }) => {
    const t = text();
    expect(readHdrCounts(t)).toBeUndefined();
    let expected: unknown;
    try {
      expected = reference(t);
    } catch (err) {
      expected = err;
    }
    if (expected instanceof Error) expect(() => TrendHistogram.decode({ count: 1, sum: 5, min: 5, max: 5, scale: 1, hdr: t })).toThrow(expected.message);
    else expect(TrendHistogram.decode({ count: 1, sum: 5, min: 5, max: 5, scale: 1, hdr: t }).count).toBe(1);
  });
});

/**
 * How TrendHistogram encoded until writeHdrCounts: each bucket's lowest value recorded with its count in a
 * 64-bit hdr-histogram-js histogram grown from its default size, one encoder per size class (`shared`, as
 * it was) or a fresh one per histogram.
 */
const encoders = new Map<number, hdr.Histogram>();
function hdrJsEncoding(buckets: readonly (readonly [number, number])[], shared: boolean): string {
  const top = buckets.length > 0 ? buckets[buckets.length - 1]![0] : -1;
  const sizeClass = top < 0 ? -1 : top >> 10;
  let h = shared ? encoders.get(sizeClass) : undefined;
  if (h === undefined) {
    h = hdr.build({ bitBucketSize: 64, autoResize: true, numberOfSignificantValueDigits: 3 });
    if (shared) encoders.set(sizeClass, h);
  }
  h.reset();
  for (const [i, n] of buckets) h.recordValueWithCount(lowestEquivalent(i), n);
  return hdr.encodeIntoCompressedBase64(h);
}

function columns(buckets: readonly (readonly [number, number])[]) {
  return { n: buckets.length, indexes: Float64Array.from(buckets, ([i]) => i), counts: Float64Array.from(buckets, ([, n]) => n) };
}

/** The highest counts index of perf-gate's layout: that of 2^53 − 1, where TrendHistogram saturates. */
const TOP_INDEX = countsIndex(Number.MAX_SAFE_INTEGER);
const index = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: TOP_INDEX }));
const bucketCount = fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2 ** 32 - 3, max: 2 ** 32 + 3 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
const buckets = fc.uniqueArray(fc.tuple(index, bucketCount), { selector: ([i]) => i, maxLength: 80 }).map((b) => [...b].sort((x, y) => x[0] - y[0]));

describe('writeHdrCounts', () => {
  it('writes byte for byte what hdr-histogram-js writes for the same buckets, shared encoder or fresh', () => {
    fc.assert(
      fc.property(buckets, (b) => {
        const text = writeHdrCounts(columns(b));
        expect(text).toBe(hdrJsEncoding(b, true));
        expect(text).toBe(hdrJsEncoding(b, false));
        expect(read(text)).toEqual(b);
      }),
      { numRuns: 400 },
    );
  });

  // Every size class's header (the highest trackable value hdr-histogram-js states), at both ends of the class.
  it.each(Array.from({ length: (TOP_INDEX >> 10) + 2 }, (_, k) => k - 1))('states the size of class %i as hdr-histogram-js does', (sizeClass) => {
    const tops = sizeClass < 0 ? [] : [sizeClass << 10, Math.min((sizeClass << 10) + 1023, TOP_INDEX)];
    if (tops.length === 0) expect(writeHdrCounts(columns([]))).toBe(hdrJsEncoding([], false));
    for (const top of tops) {
      const b: [number, number][] = top > 0 ? [[0, 3], [top, 1]] : [[0, 3]];
      expect(writeHdrCounts(columns(b))).toBe(hdrJsEncoding(b, false));
    }
  });

  it('is what TrendHistogram encodes, pending values and counts alike', () => {
    const few = new TrendHistogram(1e6);
    for (const v of [3, 1, 3, 0.5]) few.record(v);
    const many = new TrendHistogram(1e6);
    for (let i = 1; i < 5000; i++) many.record(i * 0.37 + (i % 17) * 100);
    for (const t of [few, many, new TrendHistogram(1e3)]) {
      const e = t.encode();
      expect(TrendHistogram.decode(e).encode()).toEqual(e);
      expect(e.hdr).toBe(hdrJsEncoding(read(e.hdr)!, false));
    }
  });
});

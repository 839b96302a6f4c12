import fc from 'fast-check';
import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { hdrValueAt, PERF_GATE_LAYOUT, readHdr, writeHdrCounts } from '../../src/document/hdr-counts.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import { RunView } from '../../src/document/run-view.js';
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
  const r = readHdr(base64);
  if (typeof r === 'string' || r.layout !== PERF_GATE_LAYOUT) return undefined;
  return Array.from({ length: r.n }, (_, k): [number, number] => [r.indexes[k]!, r.counts[k]!]);
}

function encoded(values: readonly (readonly [number, number])[], options: { numberOfSignificantValueDigits?: 1 | 2 | 3 | 4 | 5; lowestDiscernibleValue?: number } = {}): string {
  const h = hdr.build({ bitBucketSize: 64, autoResize: true, numberOfSignificantValueDigits: options.numberOfSignificantValueDigits ?? 3, lowestDiscernibleValue: options.lowestDiscernibleValue ?? 1, highestTrackableValue: 2 ** 20 });
  for (const [v, n] of values) h.recordValueWithCount(v, n);
  return hdr.encodeIntoCompressedBase64(h);
}

const value = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 2 ** 52, noNaN: true }).map(Math.floor));
const count = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2 ** 32 - 5, max: 2 ** 32 + 5 }), fc.integer({ min: 1, max: 2 ** 50 }));

describe('readHdr', () => {
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

  const foreign = fc.record({ digits: fc.constantFrom(1, 2, 3, 4, 5), lowest: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5000 }), fc.constant(2 ** 18)) });
  it('reads other layouts as hdr-histogram-js decodes them, and TrendHistogram re-buckets them at each bucket\'s lowest value', () => {
    fc.assert(
      fc.property(foreign, fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 30 }), ({ digits, lowest }, values) => {
        const text = encoded(values.map(([v, n]) => [Math.max(v, lowest), n]), { numberOfSignificantValueDigits: digits, lowestDiscernibleValue: lowest });
        const h = hdr.decodeFromCompressedBase64(text, 64, false) as unknown as HdrWalk;
        const expected: [number, number][] = [];
        for (let i = 0; i < h.countsArrayLength; i++) if (h.getCountAtIndex(i) !== 0) expected.push([h.valueFromIndex(i), h.getCountAtIndex(i)]);
        const r = readHdr(text);
        if (typeof r === 'string') throw new Error(r);
        expect(r.layout).toEqual({ digits, lowest });
        expect(Array.from({ length: r.n }, (_, k) => [hdrValueAt(r.layout, r.indexes[k]!), r.counts[k]!])).toEqual(expected);
        // TrendHistogram.decode: each bucket at its lowest value, as it did with hdr-histogram-js's histogram.
        const rebucketed = new TrendHistogram(1);
        for (const [v, n] of expected) for (let c = 0; c < n; c++) rebucketed.record(v);
        expect(TrendHistogram.decode({ count: 1, sum: 1, min: 1, max: 1, scale: 1, hdr: text }).encode().hdr).toBe(rebucketed.encode().hdr);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    { what: 'base64 with white space', text: () => ` ${encoded([[5, 1]])}\n`, why: 'it is not base64 (canonical, without white space)' },
    { what: 'no HDR histogram', text: () => Buffer.from('not a histogram').toString('base64'), why: "it does not start with HdrHistogram's V2 compressed cookie" },
    { what: 'bytes that do not inflate', text: () => corrupt(encoded([[5, 1]]), 12), why: /^its compressed bytes do not inflate \(.+\)$/ },
    { what: 'cut short', text: () => encoded([[5, 1]]).slice(0, 16), why: /^its compressed bytes do not inflate \(.+\)$/ },
    { what: 'an uncompressed V2 encoding inside', text: () => compressed(Buffer.from('HISTFAAA', 'latin1')), why: "its inflated bytes do not start with HdrHistogram's V2 cookie" },
    { what: 'a payload longer than the bytes', text: () => compressed(header({ payload: 9 })), why: 'its payload ends early (0 of 9 bytes)' },
    { what: 'a count cut off', text: () => compressed(Buffer.concat([header({ payload: 1 }), Buffer.from([0x80])])), why: 'its payload ends inside a count (at byte 1 of 1)' },
    { what: 'six significant digits', text: () => compressed(header({ digits: 6 })), why: 'its header states 6 significant digits (HdrHistogram allows 0 to 5)' },
    { what: 'a lowest value of 0', text: () => compressed(header({ lowest: 0 })), why: 'its header states a lowest discernible value of 0 (HdrHistogram needs at least 1)' },
    { what: 'a highest value below twice the lowest', text: () => compressed(header({ lowest: 8, highest: 15 })), why: 'its header states a highest trackable value of 15, below twice the lowest (8)' },
  ])('says why $what is not a histogram, and TrendHistogram.decode refuses it with that', ({ text, why }) => {
    const t = text();
    const r = readHdr(t);
    if (typeof why === 'string') expect(r).toBe(why);
    else expect(r).toMatch(why);
    // hdr-histogram-js refused (or misread) these too.
    expect(() => TrendHistogram.decode({ count: 1, sum: 5, min: 5, max: 5, scale: 1, hdr: t })).toThrow(`a trend's histogram (hdr) is not HdrHistogram's V2 compressed base64: ${String(r)}`);
  });
});

describe('a document whose histogram is not one', () => {
  it('is refused with the scope named, where the comparison first reads it', () => {
    const builder = new RunBuilder({ groupBy: ['name'], window: 'auto' });
    const duration = builder.defineMetric({ name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
    builder.point(builder.targets(duration, { name: 'GET /api/alerts' }), Date.UTC(2026, 11, 1), 12.5);
    const doc = builder.finish({ tool: 'k6', stage: 'smoke', sources: [{ file: 'run.ndjson', format: 'k6-ndjson', lines: 1, partial: false }] });
    const name = Object.keys(doc.scopes).find((k) => k.startsWith('http_req_duration{'))!;
    const scope = doc.scopes[name]!;
    if (scope.type !== 'trend' || 'reported' in scope) throw new Error('expected a measured trend scope');
    const broken = { ...doc, scopes: { ...doc.scopes, [name]: { ...scope, trend: { ...scope.trend, hdr: 'bm90IGEgaGlzdG9ncmFt' } } } };
    expect(() => new RunView(broken).distribution(name)).toThrow(`scope ${name}: its histogram (hdr) is not HdrHistogram's V2 compressed base64: it does not start with HdrHistogram's V2 compressed cookie`);
  });
});

/** A V2 header (40 bytes) of perf-gate's layout, with fields set. */
function header({ payload = 0, digits = 3, lowest = 1, highest = 2 }: { payload?: number; digits?: number; lowest?: number; highest?: number }): Buffer {
  const b = Buffer.alloc(40);
  b.writeUInt32BE(0x1c849313, 0);
  b.writeUInt32BE(payload, 4);
  b.writeUInt32BE(1, 8);
  b.writeUInt32BE(digits, 12);
  b.writeUInt32BE(lowest, 20);
  b.writeUInt32BE(highest, 28);
  b.writeUInt32BE(1, 36);
  return b;
}

/** `bytes` deflated inside the V2 compressed wrapper, base64. */
function compressed(bytes: Buffer): string {
  const deflated = deflateSync(bytes);
  const outer = Buffer.alloc(8 + deflated.length);
  outer.writeUInt32BE(0x1c849314, 0);
  outer.writeUInt32BE(deflated.length, 4);
  deflated.copy(outer, 8);
  return outer.toString('base64');
}

/** The base64 text with byte `at` of its decoded bytes flipped. */
function corrupt(text: string, at: number): string {
  const b = Buffer.from(text, 'base64');
  b[at] = b[at]! ^ 0xff;
  return b.toString('base64');
}

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

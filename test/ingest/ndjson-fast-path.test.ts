import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunBuilder } from '../../src/document/run-builder.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { K6NdjsonParser } from '../../src/ingest/k6/ndjson.js';
import { PointSink } from '../../src/ingest/point-sink.js';
import { K6_BUILTIN_METRICS } from '../../src/ingest/k6/builtin-metrics.js';
import { scopeOf } from '../../src/document/by-type.js';

/**
 * The byte-scanning fast path must give exactly what JSON.parse of the same lines gives. The oracle is
 * the same points written in a key order the fast path does not take (`{"type":"Point","metric":…}`),
 * which sends every line through JSON.parse.
 */
interface Point {
  readonly metric: number;
  readonly time: string;
  readonly value: string;
  readonly tags: Record<string, string>;
  /** Escape `<`, `>`, `&` as `\u003c`… the way k6 v0 (Go's encoding/json) does. */
  readonly goEscapes: boolean;
}

const METRICS = ['http_req_duration', 'http_reqs', 'checks', 'vus', 'my_trend', 'δ_latency'];
const DECLARATIONS = [
  '{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":["p(95)<500"],"submetrics":[{"name":"http_req_duration{name:a\\"b}","suffix":"name:a\\"b","tags":{"name":"a\\"b"}}]},"metric":"http_req_duration"}',
  '{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}',
  '{"type":"Metric","data":{"name":"checks","type":"rate","contains":"default","thresholds":[],"submetrics":null},"metric":"checks"}',
  '{"type":"Metric","data":{"name":"vus","type":"gauge","contains":"default","thresholds":[],"submetrics":null},"metric":"vus"}',
  '{"type":"Metric","data":{"name":"my_trend","type":"trend","contains":"default","thresholds":[],"submetrics":null},"metric":"my_trend"}',
  '{"type":"Metric","data":{"name":"δ_latency","type":"trend","contains":"time","thresholds":[],"submetrics":null},"metric":"δ_latency"}',
];

/** Tag text with what breaks naive scanners: quotes, backslashes, braces, `&<>`, control characters, unicode. */
const tagText = fc.oneof(
  fc.constantFrom('GET /api/alerts', 'a"b', 'a\\b', '}}}', '{"x":1}', '&<>', '', 'ü€😀', 'tab\there', 'new\nline', '\u0000', '\u2028'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const timeText = fc
  .record({
    ms: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,9}$/)),
    zone: fc.constantFrom('Z', '+01:00', '-05:30', '+00:00'),
  })
  .map(({ ms, fraction, zone }) => `${new Date(ms).toISOString().slice(0, 19)}${fraction ? `.${fraction}` : ''}${zone}`);

/** Numbers as Go and JavaScript print them, and some that need Number()'s full rounding. */
const valueText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => JSON.stringify(v)),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('0', '-0', '1', '25.249046', '0.000001', '1e-07', '1.5E+21', '123456789012345', '1234567890123456', '0.30000000000000004', '9007199254740993', '2.5e3'),
);

/** Metrics holding durations (time trends): a negative value is an error, tested on its own below. */
const DURATION_METRICS = new Set([0, 5]);

const point: fc.Arbitrary<Point> = fc
  .record({
    metric: fc.integer({ min: 0, max: METRICS.length - 1 }),
    time: timeText,
    value: valueText,
    tags: fc.dictionary(fc.constantFrom('name', 'status', 'url', 'group', 'a"b', 'ключ', 'expected_response'), tagText, { maxKeys: 5 }),
    goEscapes: fc.boolean(),
  })
  .map((p) => (DURATION_METRICS.has(p.metric) ? { ...p, value: p.value.replace(/^-/, '') } : p));

function json(v: unknown, goEscapes: boolean): string {
  const s = JSON.stringify(v);
  return goEscapes ? s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : s;
}

/** The line k6 writes, `{"metric":…,"type":"Point","data":{"time":…,"value":…,"tags":{…}}}`. */
function k6Line(p: Point): string {
  return `{"metric":${json(METRICS[p.metric], p.goEscapes)},"type":"Point","data":{"time":"${p.time}","value":${p.value},"tags":${json(p.tags, p.goEscapes)}}}`;
}

/** The same point in another key order: never the fast path. */
function otherOrder(p: Point): string {
  return `{"type":"Point","data":{"tags":${json(p.tags, p.goEscapes)},"value":${p.value},"time":"${p.time}"},"metric":${json(METRICS[p.metric], p.goEscapes)}}`;
}

function ingest(lines: readonly string[], chunkSize: number): { doc: RunDocument; slowLines: number } {
  const builder = new RunBuilder({ groupBy: ['name', 'status'], window: 1 });
  const warnings: string[] = [];
  const parser = new K6NdjsonParser('points.ndjson', new PointSink(builder, (w) => warnings.push(w), K6_BUILTIN_METRICS));
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  for (let i = 0; i < bytes.length; i += chunkSize) parser.push(bytes.subarray(i, i + chunkSize));
  const { lines: n, partial } = parser.finish(false, (w) => warnings.push(w));
  const doc = builder.finish({ tool: 'k6', sources: [{ file: 'points.ndjson', format: 'k6-ndjson', lines: n, partial }], warnings });
  return { doc, slowLines: parser.slowLines };
}

describe('NDJSON fast path', () => {
  it('gives the same document as JSON.parse of every line, whatever the tags, times, values and chunking', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), (points, chunkSize, declare) => {
        const head = declare ? DECLARATIONS : [];
        const fast = ingest([...head, ...points.map(k6Line)], chunkSize);
        const slow = ingest([...head, ...points.map(otherOrder)], 1 << 16);
        expect(slow.slowLines).toBe(head.length + points.length);
        expect(fast.doc).toEqual(slow.doc);
        // Every point line in k6's layout took the fast path; only the declarations were JSON.parsed.
        expect(fast.slowLines).toBe(head.length);
      }),
      { numRuns: 120, seed: 20261127 },
    );
  });

  it('refuses a negative duration with the same error on both paths', () => {
    fc.assert(
      fc.property(point, fc.constantFrom(0, 5), (p, metric) => {
        const negative = { ...p, metric, value: `-${p.value}` };
        if (!(Number(negative.value) < 0)) return;
        const error = (line: string): unknown => {
          try {
            ingest([...DECLARATIONS, line], 1 << 16);
          } catch (err) {
            return err;
          }
          return undefined;
        };
        const fastError = error(k6Line(negative));
        expect(fastError).toBeInstanceOf(Error);
        expect(fastError).toEqual(error(otherOrder(negative)));
        expect((fastError as Error).message).toContain('is a negative duration');
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('reads the value digits exactly as Number() does', () => {
    fc.assert(
      fc.property(valueText, (value) => {
        const { doc } = ingest([DECLARATIONS[1]!, `{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T09:48:39.5Z","value":${value},"tags":{}}}`], 1 << 16);
        expect(scopeOf(doc, 'http_reqs', 'counter')!.counter.count).toBe(Number(value) + 0);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it.each([
    { what: 'k6 v0.49 layout', line: '{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T09:48:39.719132232Z","value":1,"tags":{"name":"a","status":"200"}}}', slow: 0 },
    { what: 'CRLF line ends', line: '{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T09:48:39.719132232Z","value":1,"tags":{"name":"a","status":"200"}}}\r', slow: 0 },
    { what: 'k6 v1 metadata after the tags', line: '{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T09:48:39.719132232Z","value":1,"tags":{"name":"a","status":"200"},"metadata":{"trace_id":"abc"}}}', slow: 1 },
    { what: 'escaped quote in a tag', line: '{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T09:48:39.719132232Z","value":1,"tags":{"name":"a\\"}}}","status":"200"}}}', slow: 0 },
    { what: 'sorted keys (data first)', line: '{"data":{"tags":{"name":"a","status":"200"},"time":"2026-11-27T09:48:39.719132232Z","value":1},"metric":"http_reqs","type":"Point"}', slow: 1 },
    { what: 'tags null', line: '{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T09:48:39.719132232Z","value":1,"tags":null}}', slow: 1 },
    { what: 'a local-time zone', line: '{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-27T10:48:39.719132232+01:00","value":1,"tags":{"name":"a","status":"200"}}}', slow: 0 },
  ])('$what: read (JSON.parse lines: $slow)', ({ line, slow }) => {
    const { doc, slowLines } = ingest([DECLARATIONS[1]!, line], 1 << 16);
    expect(slowLines - 1).toBe(slow);
    expect(scopeOf(doc, 'http_reqs', 'counter')!.counter).toEqual({ count: 1, samples: 1 });
    expect(doc.meta.start).toBe('2026-11-27T09:48:39.719Z');
  });

  it('a metric without a Metric line is defined from k6 built-ins, or as a trend, with a warning', () => {
    const { doc } = ingest(
      [
        '{"metric":"vus","type":"Point","data":{"time":"2026-11-27T09:48:39Z","value":3,"tags":{}}}',
        '{"metric":"custom_thing","type":"Point","data":{"time":"2026-11-27T09:48:40Z","value":2.5,"tags":{}}}',
      ],
      1 << 16,
    );
    expect(doc.metrics.vus).toEqual({ type: 'gauge', contains: 'default', thresholds: [] });
    expect(doc.metrics.custom_thing).toEqual({ type: 'trend', contains: 'default', thresholds: [] });
    expect(doc.meta.warnings).toEqual([
      "metric 'vus' has points but no Metric line: read as a gauge (k6 built-in)",
      "metric 'custom_thing' has points but no Metric line: read as a trend",
    ]);
  });

  it('bounds its raw-tags tables: a unique url per request does not grow memory without end', async () => {
    const { TAG_CACHE_LIMIT, TagCache } = await import('../../src/ingest/point-sink.js');
    const { ByteTagTable } = await import('../../src/ingest/k6/tag-table.js');
    expect(TAG_CACHE_LIMIT).toBe(50_000);
    const cache = new TagCache(10);
    for (let i = 0; i < 25; i++) cache.add(`{"url":"/x/${i}"}`, { url: `/x/${i}` });
    expect(cache.size).toBe(5);
    const table = new ByteTagTable(10);
    const entries = [];
    for (let i = 0; i < 25; i++) {
      const bytes = Buffer.from(`{"url":"/x/${i}"}`);
      const entry = table.lookup(new DataView(bytes.buffer, bytes.byteOffset, bytes.length), bytes, 0, bytes.length, () => ({ url: `/x/${i}` }));
      if (i > 0) entries[i - 1]!.after = entry;
      entries.push(entry);
    }
    expect(table.size).toBe(5);
    // entries dropped at a restart no longer chain to later ones (a kept entry would keep them all alive)
    expect(entries.slice(10, 19).every((e) => e.after === undefined)).toBe(true);
    const again = Buffer.from('{"url":"/x/24"}');
    expect(table.lookup(new DataView(again.buffer, again.byteOffset, again.length), again, 0, again.length, () => undefined)).toBe(entries[24]);
  });

});

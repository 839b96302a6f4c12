/**
 * Run documents read for a merge with their series parsed one at a time (ingest/lazy-run-document.ts,
 * ingest/run-document-slices.ts): the same document as `ingestFiles` reads, whatever the layout of the JSON;
 * what the slicer cannot follow is left to `ingestFiles`; a bad series makes the merge start again on whole
 * documents, with the message `ingestFiles` gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeRuns } from '../../src/document/merge.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { RunMerger } from '../../src/document/run-merger.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { LazySeriesError, ReadBuffers, readLazyRunDocument, withLazyDocuments } from '../../src/ingest/lazy-run-document.js';
import { mergeFiles } from '../../src/ingest/merge-files.js';
import { sliceRunDocument } from '../../src/ingest/run-document-slices.js';

const T0 = Date.parse('2026-12-03T07:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'perf-gate-lazy-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small run with a trend, a counter, a rate and a gauge over two endpoints, one name with quotes and brackets. */
function runOf(seed: number, startMs = T0): RunDocument {
  const b = new RunBuilder({ groupBy: ['name'], window: 2 });
  const latency = b.defineMetric({ name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: ['p(95)<500'], submetrics: [] });
  const reqs = b.defineMetric({ name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
  const failed = b.defineMetric({ name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
  const vus = b.defineMetric({ name: 'vus', type: 'gauge', contains: 'default', thresholds: [], submetrics: [] });
  const names = ['GET /api/alerts', 'GET /api/x?q="[a]{b}"\\'];
  for (let s = 0; s < 12; s++) {
    const name = names[s % 2]!;
    const at = startMs + s * 500;
    b.point(b.targets(latency, { name }), at, 10 + ((seed * 7 + s * 13) % 40));
    b.point(b.targets(reqs, { name }), at, 1);
    b.point(b.targets(failed, { name }), at, s % 5 === 0 ? 1 : 0);
    b.point(b.targets(vus, {}), at, 3);
  }
  return b.finish({ tool: 'k6', sources: [{ file: `run-${seed}.ndjson`, format: 'k6-ndjson', lines: 48, partial: false }], warnings: [] });
}

let files = 0;
function write(text: string): string {
  const file = join(dir, `doc-${++files}.json`);
  writeFileSync(file, text);
  return file;
}

/** The document with its members in another order: windows first, and the head's keys reversed. */
function reordered(doc: RunDocument): unknown {
  return { windows: { series: doc.windows.series, widthMs: doc.windows.widthMs, originMs: doc.windows.originMs }, scopes: doc.scopes, metrics: doc.metrics, meta: doc.meta, schema: doc.schema };
}

describe('a run document read lazily', () => {
  const doc = runOf(1);
  it.each([
    ['as perf-gate writes it', `${JSON.stringify(doc)}\n`],
    ['pretty-printed', JSON.stringify(doc, null, 2)],
    ['with CRLF and tabs', JSON.stringify(doc, null, '\t').replaceAll('\n', '\r\n')],
    ['with a byte-order mark', `\uFEFF${JSON.stringify(doc)}`],
    ['with windows first and the head reordered', JSON.stringify(reordered(doc))],
  ])('is the document ingestFiles reads, %s', async (_, text) => {
    const file = write(text);
    const lazy = await readLazyRunDocument(file);
    expect(lazy).toBeDefined();
    // Its series are getters until read: compared as plain values.
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(await ingestFiles([file], {}));
  });

  it('slices each series of the text at its own brackets', () => {
    const bytes = Buffer.from(JSON.stringify(doc));
    const slices = sliceRunDocument(bytes)!;
    expect(slices.series.map((s) => s.name)).toEqual(Object.keys(doc.windows.series));
    for (const s of slices.series) expect(JSON.parse(bytes.toString('utf8', s.start, s.end))).toEqual(doc.windows.series[s.name]);
    expect(JSON.parse(slices.head)).toEqual({ ...doc, windows: { ...doc.windows, series: {} } });
  });

  it.each([
    ['NDJSON', '{"type":"Metric","data":{"name":"http_reqs","type":"counter"},"metric":"http_reqs"}\n{"type":"Point"}\n'],
    ['a summary', JSON.stringify({ metrics: { http_reqs: { count: 1 } }, root_group: {} })],
    ['a document whose series is a list', JSON.stringify({ ...doc, windows: { ...doc.windows, series: [] } })],
    ['a document with no series', JSON.stringify({ ...doc, windows: { ...doc.windows, series: {} } })],
    ['a document of another schema', JSON.stringify({ ...doc, schema: 'perf-gate/run@0' })],
    ['a head the schema refuses', JSON.stringify({ ...doc, meta: { ...doc.meta, durationSeconds: -1 } })],
    ['a series without a scope', JSON.stringify({ ...doc, windows: { ...doc.windows, series: { ...doc.windows.series, ghost: [] } } })],
    ['text cut in a series', JSON.stringify(doc).slice(0, JSON.stringify(doc).indexOf('"series"') + 40)],
    ['an empty file', ''],
  ])('is left to ingestFiles when it is %s', async (_, text) => {
    expect(await readLazyRunDocument(write(text))).toBeUndefined();
  });

  it('is left to ingestFiles when the file cannot be read', async () => {
    expect(await readLazyRunDocument(join(dir, 'missing.json'))).toBeUndefined();
    expect(await readLazyRunDocument(dir)).toBeUndefined();
  });

  it('throws LazySeriesError when a series that does not fit its scope is read', async () => {
    const name = Object.keys(doc.windows.series).find((n) => n.startsWith('http_reqs'))!;
    const bad = { ...doc, windows: { ...doc.windows, series: { ...doc.windows.series, [name]: [{ i: 0, count: 1, sum: 2 }] } } };
    const lazy = (await readLazyRunDocument(write(JSON.stringify(bad))))!;
    expect(() => lazy.windows.series[name]).toThrow(LazySeriesError);
    expect(() => lazy.windows.series[name]).toThrow(/not counter windows/);
  });

  it('throws LazySeriesError when a series is read after its bytes were replaced by two later reads', async () => {
    const buffers = new ReadBuffers();
    const [a, b, c] = [runOf(1), runOf(2), runOf(3)].map((d) => write(JSON.stringify(d)));
    const first = (await readLazyRunDocument(a!, buffers))!;
    const second = (await readLazyRunDocument(b!, buffers))!;
    const name = Object.keys(first.windows.series)[0]!;
    expect(first.windows.series[name]).toEqual(runOf(1).windows.series[name]);
    await readLazyRunDocument(c!, buffers);
    expect(() => first.windows.series[name]).toThrow(/read after its bytes were replaced/);
    expect(second.windows.series[name]).toEqual(runOf(2).windows.series[name]);
  });
});

describe('withLazyDocuments', () => {
  const merge = (files: readonly string[]) =>
    withLazyDocuments(async (read) => {
      const merger = new RunMerger();
      for (const f of files) merger.add(await read(f), f);
      if (merger.windowsAgain()) for (const f of files) merger.addWindows(await read(f));
      return merger.finish();
    });

  it('mergeFiles (what perf-gate merge and merge mode call) gives the same merge, what each said per file, and the inputs’ own warnings', async () => {
    const docs = [runOf(1), { ...runOf(2, T0 + 1000), meta: { ...runOf(2, T0 + 1000).meta, warnings: ['shard 2 was slow'] } }, runOf(3, T0 + 3000)];
    const files = docs.map((d, k) => write(JSON.stringify(d, null, k)));
    const seen: string[] = [];
    const { merged, inputWarnings, perFile } = await mergeFiles(files, {}, ['one', 'two', 'three'], (doc, file) => {
      seen.push(file);
      return doc.meta.start;
    });
    expect(merged).toEqual(await merge(files));
    expect(perFile).toEqual(docs.map((d) => d.meta.start));
    expect(seen).toEqual(files);
    expect(inputWarnings).toEqual(new Set(docs.flatMap((d) => d.meta.warnings)));
    expect(inputWarnings).toContain('shard 2 was slow');
    await expect(mergeFiles(files, {}, files, (doc) => {
      if (doc.meta.warnings.includes('shard 2 was slow')) throw new Error('refused');
    })).rejects.toThrow('refused');
  });

  it('merges as mergeRuns does, read lazily, whole or of another format', async () => {
    const docs = [runOf(1), runOf(2, T0 + 1000), runOf(3, T0 + 7000), runOf(4, T0 + 3000)];
    const files = [write(JSON.stringify(docs[0])), write(JSON.stringify(docs[1], null, 1)), write(JSON.stringify(reordered(docs[2]!))), write(JSON.stringify(docs[3]))];
    expect(await merge(files)).toEqual(mergeRuns(docs));
  });

  it('gives a plain document when it merges one', async () => {
    const merged = await merge([write(JSON.stringify(runOf(5)))]);
    expect(Object.getOwnPropertyDescriptor(merged.windows.series, Object.keys(merged.windows.series)[0]!)?.get).toBeUndefined();
    expect(merged).toEqual(runOf(5));
  });

  it('merges again on whole documents when a series is bad, and says what ingestFiles says of it', async () => {
    const good = runOf(1);
    const name = Object.keys(good.windows.series)[0]!;
    const badFile = write(JSON.stringify({ ...good, windows: { ...good.windows, series: { ...good.windows.series, [name]: [{ i: 0 }] } } }));
    const files = [write(JSON.stringify(runOf(2))), badFile];
    const classic = await ingestFiles([badFile], {}).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(classic).toBeInstanceOf(Error);
    await expect(merge(files)).rejects.toThrow((classic as Error).message);
  });
});

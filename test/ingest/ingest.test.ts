import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDocumentSchema, type RunDocument } from '../../src/document/run-document.js';
import { detectFormat, IngestError, ingestFiles } from '../../src/ingest/index.js';
import { fixture, fixtureText, tempDir } from './helpers.js';
import { scopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

describe('detectFormat reads the content, not the name', () => {
  it.each([
    { name: 'smoke-baseline.ndjson.gz', expected: { kind: 'stream', format: 'k6-ndjson', gzip: true } },
    { name: 'aborted.ndjson.gz', expected: { kind: 'stream', format: 'k6-ndjson', gzip: true } },
    { name: 'smoke-csv.csv.gz', expected: { kind: 'stream', format: 'k6-csv', gzip: true } },
    { name: 'smoke-baseline.summary-export.json', expected: { kind: 'summary', format: 'k6-summary-export', gzip: false } },
    { name: 'smoke-baseline.handle-summary.json', expected: { kind: 'summary', format: 'k6-handle-summary', gzip: false } },
  ])('$name', async ({ name, expected }) => {
    expect(await detectFormat(fixture(name))).toMatchObject(expected);
  });

  it('plain NDJSON named .txt, and k6 lines with sorted keys', async () => {
    const plain = join(dir, 'out.txt');
    writeFileSync(plain, fixtureText('smoke-baseline.ndjson.gz').slice(0, 5000));
    expect(await detectFormat(plain)).toMatchObject({ kind: 'stream', format: 'k6-ndjson', gzip: false, reader: { tool: 'k6' } });
    const sorted = join(dir, 'sorted.json');
    writeFileSync(sorted, '{"data":{"contains":"default","name":"vus","submetrics":null,"thresholds":[],"type":"gauge"},"metric":"vus","type":"Metric"}\n');
    expect(await detectFormat(sorted)).toMatchObject({ kind: 'stream', format: 'k6-ndjson', gzip: false });
  });
});

/** `v` with every non-integer number rounded to 12 significant digits. */
function rounded(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(12));
  if (Array.isArray(v)) return v.map(rounded);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

describe('ingestFiles', () => {
  it('shards of one run (k6 on two machines) add up to the run read as one file', async () => {
    const lines = fixtureText('smoke-baseline.ndjson.gz').split('\n').filter((l) => l !== '');
    const declarations = lines.filter((l) => l.startsWith('{"type":"Metric"'));
    const points = lines.filter((l) => !l.startsWith('{"type":"Metric"'));
    const a = join(dir, 'shard-a.ndjson');
    const b = join(dir, 'shard-b.ndjson');
    writeFileSync(a, `${[...declarations, ...points.filter((_, i) => i % 2 === 0)].join('\n')}\n`);
    writeFileSync(b, `${[...declarations, ...points.filter((_, i) => i % 2 === 1)].join('\n')}\n`);
    const sharded = await ingestFiles([a, b]);
    const whole = await ingestFiles([fixture('smoke-baseline.ndjson.gz')]);
    // Sums add in another order: equal to 12 significant digits.
    expect(rounded(sharded.scopes)).toEqual(rounded(whole.scopes));
    expect(rounded(sharded.windows)).toEqual(rounded(whole.windows));
    expect(sharded.metrics).toEqual(whole.metrics);
    expect(sharded.meta.sources.map((s) => s.file)).toEqual([a, b]);
  });

  it('records stage, labels, git SHA and memory; reports progress up to the file size', async () => {
    const progress: number[] = [];
    const file = fixture('smoke-baseline.ndjson.gz');
    const doc = await ingestFiles([file], {
      stage: 'smoke',
      labels: { pr: '42' },
      gitSha: 'deadbeef',
      memory: fixture('smoke-baseline.memory.csv'),
      groupBy: ['name', 'tenant'],
      window: 5,
      onProgress: (bytes) => progress.push(bytes),
    });
    expect(doc.meta).toMatchObject({ tool: 'k6', stage: 'smoke', labels: { pr: '42' }, gitSha: 'deadbeef', groupBy: ['name', 'tenant'], aggregateOnly: false, partial: false });
    expect(doc.windows.widthMs).toBe(5000);
    expect(doc.scopes['http_req_duration{tenant:acme}']).toBeDefined();
    expect(doc.memory?.source).toBe(fixture('smoke-baseline.memory.csv'));
    expect(doc.memory?.samples.length).toBeGreaterThan(15);
    expect(progress.at(-1)).toBe(statSync(file).size);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(RunDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('a run document is returned as it is; two are merged', async () => {
    const doc = await ingestFiles([fixture('smoke-baseline.ndjson.gz')], { stage: 'smoke' });
    const file = join(dir, 'run.json');
    writeFileSync(file, JSON.stringify(doc));
    expect(await ingestFiles([file])).toEqual(doc);
    const other = await ingestFiles([fixture('smoke-aa.ndjson.gz')], { stage: 'smoke' });
    const file2 = join(dir, 'run2.json');
    writeFileSync(file2, JSON.stringify(other));
    const merged = await ingestFiles([file, file2]);
    expect(scopeOf(merged, 'http_reqs', 'counter')!.counter.count).toBe(scopeOf(doc, 'http_reqs', 'counter')!.counter.count + scopeOf(other, 'http_reqs', 'counter')!.counter.count);
    expect(merged.meta.sources).toHaveLength(2);
  });

  it('an invalid run document: one sentence with the zod issues', async () => {
    const doc = await ingestFiles([fixture('smoke-aa.ndjson.gz')]);
    const broken = { ...doc, meta: { ...doc.meta, start: 17, durationSeconds: -1 } } as unknown as RunDocument;
    const file = join(dir, 'broken-run.json');
    writeFileSync(file, JSON.stringify(broken));
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(/broken-run\.json: is not a valid perf-gate run document: meta\.start: .*; meta\.durationSeconds: .*; write it again with `perf-gate ingest`$/);
  });

  it('a run document of another schema version', async () => {
    const file = join(dir, 'future.json');
    writeFileSync(file, JSON.stringify({ schema: 'perf-gate/run@2', meta: {} }));
    await expect(ingestFiles([file])).rejects.toThrow(`${file}: is a perf-gate run document of schema 'perf-gate/run@2', but this perf-gate reads 'perf-gate/run@1'`);
  });

  it('run documents and k6 outputs together are refused', async () => {
    const doc = await ingestFiles([fixture('smoke-aa.ndjson.gz')]);
    const file = join(dir, 'run3.json');
    writeFileSync(file, JSON.stringify(doc));
    await expect(ingestFiles([file, fixture('smoke-baseline.ndjson.gz')])).rejects.toThrow('is a k6-ndjson file, which cannot be combined with the other inputs');
  });

  it('a byte order mark before the first line is skipped (NDJSON and CSV)', async () => {
    const ndjson = join(dir, 'bom.ndjson');
    writeFileSync(ndjson, `\uFEFF${fixtureText('smoke-baseline.ndjson.gz').split('\n').slice(0, 50).join('\n')}\n`);
    expect((await ingestFiles([ndjson])).metrics.http_reqs).toBeDefined();
    const csv = join(dir, 'bom.csv');
    writeFileSync(csv, `\uFEFF${fixtureText('smoke-csv.csv.gz').split('\n').slice(0, 50).join('\n')}\n`);
    expect((await ingestFiles([csv])).metrics.http_reqs).toBeDefined();
  });

  it('a window that is not a positive number is a programming error', async () => {
    await expect(ingestFiles([fixture('smoke-aa.ndjson.gz')], { window: 0 })).rejects.toThrow(RangeError);
  });
});

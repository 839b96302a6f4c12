import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotesBalanced, splitCsvRecord } from '../../src/ingest/csv-record.js';
import { IngestError, ingestFiles } from '../../src/ingest/index.js';
import { tempDir } from './helpers.js';
import { scopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';

function csvFile(name: string, rows: readonly string[], gzip = false): string {
  const file = join(dir, name);
  const text = `${[HEADER, ...rows].join('\n')}\n`;
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

describe('splitCsvRecord (RFC 4180)', () => {
  it.each([
    { input: 'a,b,c', expected: ['a', 'b', 'c'] },
    { input: 'a,,c,', expected: ['a', '', 'c', ''] },
    { input: '', expected: [''] },
    { input: '"a,b",c', expected: ['a,b', 'c'] },
    { input: '"say ""hi""",x', expected: ['say "hi"', 'x'] },
    { input: '"multi\nline",x', expected: ['multi\nline', 'x'] },
    { input: '"",""""', expected: ['', '"'] },
    { input: '"open,x', expected: undefined },
    { input: '"a"b,c', expected: undefined },
  ])('$input', ({ input, expected }) => {
    expect(splitCsvRecord(input)).toEqual(expected);
  });

  it.each([
    { input: 'a,b', expected: true },
    { input: '"a,b', expected: false },
    { input: '"a""b"', expected: true },
  ])('quotesBalanced($input) = $expected', ({ input, expected }) => {
    expect(quotesBalanced(input)).toBe(expected);
  });
});

describe('k6 --out csv', () => {
  it('reads fixed tag columns (empty = absent), extra_tags k=v&k=v, and quoted values with commas, quotes and newlines', async () => {
    const file = csvFile('tags.csv', [
      'http_req_duration,1795773836,12.500000,,,,true,::auth,POST,POST /api/auth/login,HTTP/1.1,smoke,,200,,,POST /api/auth/login,tenant=initech&region=eu,',
      'http_req_duration,1795773837,20.000000,,,,false,,GET,"search a,b",HTTP/1.1,smoke,,500,,,"GET /x?""quoted""",tenant=acme,trace_id=abc',
      'http_req_duration,1795773838,30.000000,,,,true,,GET,"two',
      'lines",HTTP/1.1,smoke,,200,,,/y,,',
    ]);
    const doc = await ingestFiles([file], { groupBy: ['name', 'tenant'] });
    expect(Object.keys(doc.scopes).sort()).toEqual([
      'http_req_duration',
      'http_req_duration{name:POST /api/auth/login}',
      'http_req_duration{name:search a,b}',
      'http_req_duration{name:two\nlines}',
      'http_req_duration{tenant:acme}',
      'http_req_duration{tenant:initech}',
    ]);
    expect(scopeOf(doc, 'http_req_duration{name:search a,b}', 'trend')!.trend.sum).toBe(20);
    expect(scopeOf(doc, 'http_req_duration', 'trend')!.trend).toMatchObject({ count: 3, min: 12.5, max: 30 });
    expect(doc.meta.sources[0]).toEqual({ file, format: 'k6-csv', lines: 5, partial: false });
    expect(doc.meta.start).toBe('2026-11-27T10:03:56.000Z');
    expect(doc.meta.warnings).toEqual([]);
  });

  it.each([
    { what: 'Unix seconds (k6 default)', timestamp: '1795773836' },
    { what: 'milliseconds', timestamp: '1795773836000' },
    { what: 'microseconds', timestamp: '1795773836000000' },
    { what: 'nanoseconds (timeFormat=unix_nano)', timestamp: '1795773836000000000' },
    { what: 'RFC 3339 (timeFormat=rfc3339)', timestamp: '2026-11-27T11:03:56+01:00' },
  ])('timestamps in $what', async ({ timestamp }) => {
    const file = csvFile('time.csv', [`vus,${timestamp},5.000000,,,,,,,,,,,,,,,,`]);
    const doc = await ingestFiles([file]);
    expect(doc.meta.start).toBe('2026-11-27T10:03:56.000Z');
    expect(scopeOf(doc, 'vus', 'gauge')!.gauge).toEqual({ value: 5, min: 5, max: 5, samples: 1 });
  });

  it('types built-in metrics from k6 and reads unknown ones as trends with a warning', async () => {
    const file = csvFile('types.csv', [
      'checks,1795773836,1.000000,c,,,,,,,,smoke,,,,,,,',
      'checks,1795773836,0.000000,c,,,,,,,,smoke,,,,,,,',
      'data_sent,1795773836,120.000000,,,,,,,,,smoke,,,,,,,',
      'my_counter,1795773836,1.000000,,,,,,,,,smoke,,,,,,,',
    ]);
    const doc = await ingestFiles([file]);
    expect(doc.metrics).toEqual({
      checks: { type: 'rate', contains: 'default', thresholds: [], tags: ['check', 'scenario'] },
      data_sent: { type: 'counter', contains: 'data', thresholds: [], tags: ['scenario'] },
      my_counter: { type: 'trend', contains: 'default', thresholds: [], tags: ['scenario'] },
    });
    expect(scopeOf(doc, 'checks', 'rate')!.rate).toEqual({ passes: 1, fails: 1 });
    expect(doc.meta.warnings).toEqual(["metric 'my_counter' is not a k6 built-in metric and k6 CSV output has no metric types: read as a trend"]);
  });

  it('a cut-off last row (gzipped): partial, the complete rows kept', async () => {
    const rows = ['vus,1795773836,5.000000,,,,,,,,,,,,,,,,', 'vus,1795773837,6.000000,,,,,,,,,,,,,,,,'];
    const file = join(dir, 'cut.csv.gz');
    writeFileSync(file, gzipSync(`${HEADER}\n${rows.join('\n')}\nvus,1795773838,7.0`));
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(true);
    expect(scopeOf(doc, 'vus', 'gauge')!.gauge).toEqual({ value: 6, min: 5, max: 6, samples: 2 });
    expect(doc.meta.warnings).toEqual([`${file}: line 4 is cut off (k6 was stopped while writing it); read the 3 complete lines before it`]);
  });

  it.each([
    { what: 'a row with too few columns', row: 'vus,1795773836,5.000000,,,', message: 'expected 19 columns as in the header, got 6' },
    { what: 'a value that is not a number', row: 'vus,1795773836,five,,,,,,,,,,,,,,,,', message: "metric_value 'five' is not a number" },
    { what: 'a bad timestamp', row: 'vus,yesterday,5,,,,,,,,,,,,,,,,', message: "timestamp 'yesterday' is neither Unix time nor RFC 3339" },
  ])('$what in the middle: IngestError with its line', async ({ row, message }) => {
    const file = csvFile('bad.csv', ['vus,1795773836,5.000000,,,,,,,,,,,,,,,,', row, 'vus,1795773836,5.000000,,,,,,,,,,,,,,,,']);
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).line).toBe(3);
    expect((err as Error).message).toContain(`${file}:3: ${message}`);
  });

  it('a header alone: an empty run with a warning', async () => {
    const file = csvFile('header-only.csv', []);
    const doc = await ingestFiles([file]);
    expect(doc.scopes).toEqual({});
    expect(doc.meta.warnings).toEqual([`no points in ${file}: the test recorded no samples`]);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../../../src/document/by-type.js';
import { IngestError, ingestFiles } from '../../../src/ingest/index.js';
import { nonHttpErrorCode, numberField, threadGroupOf } from '../../../src/ingest/jmeter/sample.js';
import { parseJmeterTimestamp } from '../../../src/ingest/jmeter/timestamp.js';
import { tempDir } from '../helpers.js';
import { JMETER5_HEADER, jmeterCsvRow, type WrittenSample } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

function csvFile(name: string, lines: readonly string[], ending = '\n', gzip = false): string {
  const file = join(dir, name);
  const text = lines.join('\n') + ending;
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

function sample(over: Partial<WrittenSample> = {}): WrittenSample {
  return { ts: T0, elapsed: 20, label: 'GET /api', rc: '200', success: true, ...over };
}

describe('JMeter CSV results', () => {
  it('reads quoted labels with commas and quotes, and a failureMessage over several lines (as JMeter quotes them)', async () => {
    const rows = [
      jmeterCsvRow(sample({ label: 'search a,b', elapsed: 30 })),
      jmeterCsvRow(sample({ label: 'say "hi"', elapsed: 40, ts: T0 + 100 })),
      jmeterCsvRow(sample({ label: 'search a,b', elapsed: 50, ts: T0 + 200, success: false, rc: '500', failureMessage: 'Test failed: text expected to contain /ok/\nbut was:\r\n"error", code 7' })),
      jmeterCsvRow(sample({ label: 'GET /api', ts: T0 + 300 })),
    ];
    const file = csvFile('quoted.csv', [JMETER5_HEADER, ...rows]);
    const doc = await ingestFiles([file]);
    expect(Object.keys(doc.scopes).filter((k) => k.startsWith('elapsed')).sort()).toEqual(['elapsed', 'elapsed{name:GET /api}', 'elapsed{name:say "hi"}', 'elapsed{name:search a,b}']);
    expect(scopeOf(doc, 'elapsed{name:search a,b}', 'trend')!.trend).toMatchObject({ count: 2, sum: 80 });
    expect(scopeOf(doc, 'failed{name:search a,b}', 'rate')!.rate).toEqual({ passes: 1, fails: 1 });
    // The header, four rows, two of the third row's lines more.
    expect(doc.meta.sources[0]).toEqual({ file, format: 'jmeter-csv', lines: 7, partial: false });
    expect(doc.meta.warnings).toEqual([]);
  });

  it.each([
    { what: 'milliseconds since 1970 (the default)', ts: String(T0), start: '2026-11-27T09:00:00.020Z', zoneWarning: false },
    { what: 'yyyy/MM/dd HH:mm:ss.SSS', ts: '2026/11/27 09:00:00.000', start: '2026-11-27T09:00:00.020Z', zoneWarning: true },
    { what: 'yyyy-MM-dd HH:mm:ss', ts: '2026-11-27 09:00:00', start: '2026-11-27T09:00:00.020Z', zoneWarning: true },
    { what: "yyyy-MM-dd'T'HH:mm:ss.SSSZ", ts: '2026-11-27T10:00:00.000+0100', start: '2026-11-27T09:00:00.020Z', zoneWarning: false },
    { what: 'ISO 8601 with Z', ts: '2026-11-27T09:00:00.000Z', start: '2026-11-27T09:00:00.020Z', zoneWarning: false },
  ])('timeStamp as $what; the points are at the sample end (timeStamp + elapsed)', async ({ ts, start, zoneWarning }) => {
    const file = csvFile('time.csv', ['timeStamp,elapsed,label,success', `${ts},20,x,true`]);
    const doc = await ingestFiles([file]);
    expect(doc.meta.start).toBe(start);
    expect(doc.meta.warnings.some((w) => w.includes('has no time zone'))).toBe(zoneWarning);
  });

  it.each([
    { text: '1551783627191', expected: { ms: 1551783627191, zoned: true } },
    { text: '2019/03/05 10:20:27.191', expected: { ms: Date.UTC(2019, 2, 5, 10, 20, 27, 191), zoned: false } },
    { text: '2019-03-05T10:20:27,5', expected: { ms: Date.UTC(2019, 2, 5, 10, 20, 27, 500), zoned: false } },
    { text: '2019-03-05 10:20:27.191 -05:30', expected: { ms: Date.UTC(2019, 2, 5, 15, 50, 27, 191), zoned: true } },
    { text: '05/03/2019 10:20:27', expected: undefined },
    { text: '10:20:27', expected: undefined },
    { text: '2019/13/05 10:20:27', expected: undefined },
    { text: '', expected: undefined },
  ])('parseJmeterTimestamp($text)', ({ text, expected }) => {
    expect(parseJmeterTimestamp(text)).toEqual(expected);
  });

  it.each([
    { name: 'Thread Group 1-1', group: 'Thread Group' },
    { name: 'sc1-ThreadStarter 1-12', group: 'sc1-ThreadStarter' },
    { name: '172.18.44.4-Thread Group 2-300', group: '172.18.44.4-Thread Group' },
    { name: 'setUp Thread Group 1-1', group: 'setUp Thread Group' },
    { name: 'main', group: 'main' },
    { name: 'Group 12', group: 'Group 12' },
  ])('threadGroupOf($name) = $group', ({ name, group }) => {
    expect(threadGroupOf(name)).toBe(group);
  });

  it.each([
    { code: 'Non HTTP response code: java.net.SocketTimeoutException', expected: 'java.net.SocketTimeoutException' },
    { code: 'Non HTTP response code: org.apache.http.conn.HttpHostConnectException', expected: 'org.apache.http.conn.HttpHostConnectException' },
    { code: 'Non HTTP response code: something went wrong at 10:20', expected: undefined },
    { code: '500', expected: undefined },
  ])('nonHttpErrorCode($code)', ({ code, expected }) => {
    expect(nonHttpErrorCode(code)).toBe(expected);
  });

  it.each([
    { raw: '351', expected: 351 },
    { raw: '0', expected: 0 },
    { raw: '-3', expected: -3 },
    { raw: '12.5', expected: 12.5 },
    { raw: '', expected: Number.NaN },
    { raw: '0x10', expected: "bytes '0x10' is not a number" },
    { raw: '1e3', expected: "bytes '1e3' is not a number" },
    { raw: ' 5', expected: "bytes ' 5' is not a number" },
    { raw: 'null', expected: "bytes 'null' is not a number" },
  ])('numberField($raw)', ({ raw, expected }) => {
    expect(numberField(raw, 'bytes')).toEqual(expected);
  });

  it('tags: name and label (the label), status (an HTTP code), error_code (a Non HTTP exception class, no status), thread_group — failure signatures from them', async () => {
    const file = csvFile('tags.csv', [
      JMETER5_HEADER,
      jmeterCsvRow(sample({ tn: 'Users 1-1' })),
      jmeterCsvRow(sample({ ts: T0 + 10, tn: 'Users 1-2', success: false, rc: '503', rm: 'Service Unavailable' })),
      jmeterCsvRow(sample({ ts: T0 + 20, tn: 'Users 1-3', success: false, rc: 'Non HTTP response code: java.net.SocketTimeoutException', rm: 'Non HTTP response message: Read timed out' })),
    ]);
    const doc = await ingestFiles([file], { groupBy: ['name', 'thread_group'] });
    expect(doc.metrics['failed']!.tags).toEqual(['error_code', 'label', 'name', 'status', 'thread_group']);
    expect(scopeOf(doc, 'samples{thread_group:Users}', 'counter')!.counter.count).toBe(3);
    expect(scopeOf(doc, 'failed{name:GET /api}', 'rate')!.signatures).toEqual([{ errorCode: 'java.net.SocketTimeoutException', failed: 1 }, { status: '503', failed: 1 }]);
  });

  it('an older, shorter header: only timeStamp, elapsed, label and success are needed; metrics of columns not saved are absent', async () => {
    const file = csvFile('old.csv', ['timeStamp,elapsed,label,responseCode,success', `${T0},12,a,200,true`, `${T0 + 5},14,a,200,false`]);
    const doc = await ingestFiles([file]);
    expect(Object.keys(doc.metrics).sort()).toEqual(['elapsed', 'failed', 'samples']);
    expect(scopeOf(doc, 'elapsed{name:a}', 'trend')!.trend).toMatchObject({ count: 2, sum: 26 });
  });

  it('a last row cut off (no line break: JMeter stopped mid-write): partial, the complete rows kept (gzipped too)', async () => {
    const rows = [jmeterCsvRow(sample()), jmeterCsvRow(sample({ ts: T0 + 100 }))];
    const cut = jmeterCsvRow(sample({ ts: T0 + 200 })).slice(0, 25);
    const file = csvFile('cut.csv.gz', [JMETER5_HEADER, ...rows, cut], '', true);
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.sources[0]).toMatchObject({ lines: 3, partial: true });
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(2);
    expect(doc.meta.warnings).toEqual([`${file}: line 4 is cut off (JMeter was stopped while writing it); read the 3 complete lines before it`]);
  });

  it('cut inside a quoted field over several lines: the record from its first line on is dropped', async () => {
    const whole = jmeterCsvRow(sample({ success: false, failureMessage: 'line one\nline two\nline three' }));
    const cut = whole.slice(0, whole.indexOf('line three'));
    const file = csvFile('cut-quoted.csv', [JMETER5_HEADER, jmeterCsvRow(sample()), cut], '');
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(true);
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(1);
    expect(doc.meta.warnings).toEqual([`${file}: line 3 is cut off (JMeter was stopped while writing it); read the 2 complete lines before it`]);
  });

  it.each([
    { what: 'a row with too few columns', row: `${T0},20,x,200,OK`, message: 'expected 17 columns as in the header, got 5' },
    { what: 'elapsed that is not a number', row: jmeterCsvRow(sample()).replace(',20,', ',twenty,'), message: "elapsed 'twenty' is not a number" },
    { what: 'a negative elapsed', row: jmeterCsvRow(sample()).replace(',20,', ',-3,'), message: 'elapsed is -3, a negative time' },
    { what: 'an unreadable timeStamp', row: jmeterCsvRow(sample()).replace(String(T0), '27/11/2026 09:00'), message: "timeStamp '27/11/2026 09:00' is not milliseconds since 1970 (JMeter's default) or a date as yyyy/MM/dd HH:mm:ss.SSS or yyyy-MM-dd'T'HH:mm:ss.SSSZ; set jmeter.save.saveservice.timestamp_format=ms for the next run" },
    { what: 'success neither true nor false', row: jmeterCsvRow(sample()).replace(',true,', ',yes,'), message: "success 'yes' is neither true nor false" },
    { what: 'a quoted field with text after it', row: jmeterCsvRow(sample()).replace(',GET /api,', ',"GET" /api,'), message: 'a quoted field is followed by more text before the next comma' },
  ])('$what in the middle: IngestError with its line', async ({ row, message }) => {
    const file = csvFile('bad.csv', [JMETER5_HEADER, jmeterCsvRow(sample()), row, jmeterCsvRow(sample())]);
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).line).toBe(3);
    expect((err as Error).message).toContain(`${file}:3: ${message}`);
  });

  it.each([
    { what: 'no success column', header: 'timeStamp,elapsed,label,responseCode', message: "the header has no 'success' column, which perf-gate needs (to tell failed samples); save it (jmeter.save.saveservice.successful=true, the default) in the next run" },
    { what: 'rows that stand for several samples (SampleCount)', header: 'timeStamp,elapsed,label,success,SampleCount,ErrorCount', row: `${T0},20,x,true,5,0`, message: "SampleCount is 5: the row stands for several samples (JMeter's Statistical mode); perf-gate reads one row per sample: run without mode=Statistical" },
  ])('$what: IngestError saying what to change', async ({ header, row, message }) => {
    const file = csvFile('bad-header.csv', [header, ...(row ? [row] : [])]);
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toContain(message);
  });

  it('a header alone: an empty run with a warning', async () => {
    const file = csvFile('header-only.csv', [JMETER5_HEADER]);
    const doc = await ingestFiles([file]);
    expect(doc.scopes).toEqual({});
    expect(doc.meta.warnings).toEqual([`no points in ${file}: the test recorded no samples`]);
  });

  it('a Transaction Controller row: counted as one sample, with a warning that its requests may be counted beside it', async () => {
    const file = csvFile('tc.csv', [
      JMETER5_HEADER,
      jmeterCsvRow(sample({ label: 'GET /a' })),
      jmeterCsvRow(sample({ label: 'checkout', rc: '200', rm: 'Number of samples in transaction : 1, number of failing samples : 0', elapsed: 25 })),
    ]);
    const doc = await ingestFiles([file]);
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(2);
    expect(doc.meta.warnings).toHaveLength(1);
    expect(doc.meta.warnings[0]).toContain("Transaction Controller samples (the first 'checkout', line 3) may be written beside the samples of their samplers");
  });
});

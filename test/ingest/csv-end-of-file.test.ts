// The two CSV readers share their record assembly (CsvRecords) but not their end-of-file rule: k6 reads a
// last line without a line break, JMeter counts it as cut off. These pin both rules, and the messages of
// lines and quoted fields past the 16 MiB limit, through the readers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../../src/document/by-type.js';
import { IngestError, ingestFiles } from '../../src/ingest/index.js';
import { tempDir } from './helpers.js';
import { JMETER5_HEADER, jmeterCsvRow } from './jmeter/helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

let files = 0;
function file(text: string): string {
  const f = join(dir, `eof-${files++}.csv`);
  writeFileSync(f, text);
  return f;
}

const K6_HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
/** A k6 `vus` row of the 19 columns, `name` as written (quoted by the caller). */
function vus(second: number, name = ''): string {
  const fields = ['vus', String(1795773836 + second), '5.000000', ...Array<string>(16).fill('')];
  fields[9] = name;
  return fields.join(',');
}
const TWO_LINES = vus(2, '"two\nlines"');
const OPEN = vus(2, '"two\nlin');

describe('k6 CSV at the end of the file', () => {
  it.each([
    { what: 'a last row without its line break: read', text: `${K6_HEADER}\n${vus(0)}\n${vus(1)}`, lines: 3, samples: 2, cut: undefined },
    { what: 'CRLF, the last row unended: read', text: `${K6_HEADER}\r\n${vus(0)}\r\n${vus(1)}`, lines: 3, samples: 2, cut: undefined },
    { what: 'a quoted field closed on the unended last line: read', text: `${K6_HEADER}\n${vus(0)}\n${TWO_LINES}`, lines: 4, samples: 2, cut: undefined },
    { what: 'a quoted field still open, a line break after', text: `${K6_HEADER}\n${vus(0)}\n${OPEN}\n`, lines: 2, samples: 1, cut: 3 },
    { what: 'a quoted field still open on the unended last line', text: `${K6_HEADER}\n${vus(0)}\n${OPEN}`, lines: 2, samples: 1, cut: 3 },
    { what: 'a last line of only a CR: an empty line', text: `${K6_HEADER}\n${vus(0)}\n\r`, lines: 3, samples: 1, cut: undefined },
  ])('$what', async ({ text, lines, samples, cut }) => {
    const f = file(text);
    const doc = await ingestFiles([f]);
    expect(doc.meta.sources[0]).toEqual({ file: f, format: 'k6-csv', lines, partial: cut !== undefined });
    expect(scopeOf(doc, 'vus', 'gauge')!.gauge.samples).toBe(samples);
    expect(doc.meta.warnings).toEqual(cut === undefined ? [] : [`${f}: line ${cut} is cut off (k6 was stopped while writing it); read the ${lines} complete lines before it`]);
  });
});

const row = (ts: number, failureMessage?: string): string => jmeterCsvRow({ ts: Date.UTC(2026, 10, 27, 9) + ts, elapsed: 20, label: 'GET /api', rc: '200', success: failureMessage === undefined, ...(failureMessage !== undefined ? { failureMessage } : {}) });
const JM_OPEN = row(2, 'line one\nline two').slice(0, -30);

describe('JMeter CSV at the end of the file', () => {
  it.each([
    { what: 'every row ended', text: `${JMETER5_HEADER}\n${row(0)}\n${row(1)}\n`, lines: 3, samples: 2, cut: undefined },
    { what: 'CRLF, every row ended', text: `${JMETER5_HEADER}\r\n${row(0)}\r\n${row(1)}\r\n`, lines: 3, samples: 2, cut: undefined },
    { what: 'a last row without its line break: cut off', text: `${JMETER5_HEADER}\n${row(0)}\n${row(1)}`, lines: 2, samples: 1, cut: 3 },
    { what: 'a quoted field still open, a line break after', text: `${JMETER5_HEADER}\n${row(0)}\n${JM_OPEN}\n`, lines: 2, samples: 1, cut: 3 },
    { what: 'a quoted field still open on the unended last line', text: `${JMETER5_HEADER}\n${row(0)}\n${JM_OPEN}`, lines: 2, samples: 1, cut: 3 },
    { what: 'a last line of only a CR: cut off', text: `${JMETER5_HEADER}\n${row(0)}\n\r`, lines: 2, samples: 1, cut: 3 },
  ])('$what', async ({ text, lines, samples, cut }) => {
    const f = file(text);
    const doc = await ingestFiles([f]);
    expect(doc.meta.sources[0]).toEqual({ file: f, format: 'jmeter-csv', lines, partial: cut !== undefined });
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(samples);
    expect(doc.meta.warnings).toEqual(cut === undefined ? [] : [`${f}: line ${cut} is cut off (JMeter was stopped while writing it); read the ${lines} complete lines before it`]);
  });

  it('a header without its line break: no complete header', async () => {
    const f = file('timeStamp,elapsed,label,success');
    await expect(ingestFiles([f])).rejects.toThrow(`${f}: has no complete JMeter CSV header line`);
  });
});

describe('past 16 MiB', () => {
  const long = 'a'.repeat((16 << 20) + 1);
  const mib = `${'a'.repeat(1 << 20)}\n`;
  it.each([
    { what: 'k6: a line', text: `${K6_HEADER}\n${long}`, line: 2, message: 'line 2 is longer than 16 MiB: not k6 CSV output; is this file from `k6 run --out csv=…`?' },
    { what: 'k6: a quoted field', text: `${K6_HEADER}\n${vus(0)}\nvus,1795773836,5,"${mib.repeat(17)}`, line: 3, message: 'a quoted field runs on for more than 16 MiB; is this file from `k6 run --out csv=…`?' },
    { what: 'JMeter: a line', text: `${JMETER5_HEADER}\n${long}`, line: 2, message: 'line 2 is longer than 16 MiB: not a JMeter result row; is this a JMeter CSV results file (jmeter -n -t plan.jmx -l results.jtl)?' },
    { what: 'JMeter: a quoted field', text: `${JMETER5_HEADER}\n${row(0)}\n1,2,"${mib.repeat(17)}`, line: 3, message: 'a quoted field runs on for more than 16 MiB; is this a JMeter CSV results file (jmeter -n -t plan.jmx -l results.jtl)?' },
  ])('$what: IngestError with the line it started on', async ({ text, line, message }) => {
    const f = file(text);
    const err = await ingestFiles([f]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).line).toBe(line);
    expect((err as Error).message).toBe(`${f}:${line}: ${message}`);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvRecord } from '../../src/ingest/csv-record.js';
import { CsvRecords, type CsvOverflow } from '../../src/ingest/csv-records.js';

class Overflow extends Error {
  constructor(
    readonly what: CsvOverflow,
    readonly line: number,
  ) {
    super(`${what} at line ${line}`);
  }
}

/** Feeds `chunks` to a fresh assembler; what it handed on, and its state at the end. */
function assemble(chunks: readonly (string | Buffer)[], maxChars?: number) {
  const records: [number, string][] = [];
  const assembler = new CsvRecords((text, line) => records.push([line, text]), (what, line) => new Overflow(what, line), maxChars);
  for (const c of chunks) assembler.push(typeof c === 'string' ? Buffer.from(c) : c);
  const rest = assembler.end();
  return { records, rest, lines: assembler.lines, openSince: assembler.openSince, assembler };
}

describe('CsvRecords', () => {
  it.each([
    { what: 'one record a line', input: 'a,b\nc,d\n', records: [[1, 'a,b'], [2, 'c,d']], lines: 2 },
    { what: 'CRLF line ends', input: 'a,b\r\nc\r\n', records: [[1, 'a,b'], [2, 'c']], lines: 2 },
    { what: 'a quoted field over two lines: the number of its first line', input: 'h\n"x\ny",z\nw\n', records: [[1, 'h'], [2, '"x\ny",z'], [4, 'w']], lines: 4 },
    { what: 'over three lines with CRLF (the CR inside dropped too)', input: '"one\r\ntwo\r\nthree",4\r\nnext\r\n', records: [[1, '"one\ntwo\nthree",4'], [4, 'next']], lines: 4 },
    { what: 'doubled quotes on one line', input: '"say ""hi""",x\n', records: [[1, '"say ""hi""",x']], lines: 1 },
    { what: 'doubled quotes before a line break in a field', input: '"a""\nb",c\n', records: [[1, '"a""\nb",c']], lines: 2 },
    { what: 'a quoted field that holds only a line break', input: '"\n",x\n', records: [[1, '"\n",x']], lines: 2 },
    { what: 'empty lines skipped, kept inside a quoted field', input: 'a\n\n"x\n\ny"\n\r\n', records: [[1, 'a'], [3, '"x\n\ny"']], lines: 6 },
    { what: 'a byte order mark at the start dropped', input: '\uFEFFh,i\nj\n', records: [[1, 'h,i'], [2, 'j']], lines: 2 },
    { what: 'a byte order mark later kept', input: 'a\n\uFEFFb\n', records: [[1, 'a'], [2, '\uFEFFb']], lines: 2 },
    { what: 'no input', input: '', records: [], lines: 0 },
  ])('$what', ({ input, records, lines }) => {
    const got = assemble([input]);
    expect(got.records).toEqual(records);
    expect(got.lines).toBe(lines);
    expect(got.openSince).toBeUndefined();
    expect(got.rest).toBe('');
  });

  it.each([
    { what: 'a last line without its line break: not read, returned', input: 'a\nb,c', records: [[1, 'a']], rest: 'b,c', lines: 1, openSince: undefined },
    { what: 'a quote left open at the end: the line it opened on', input: 'h\n"open,\nmore\n', records: [[1, 'h']], rest: '', lines: 3, openSince: 2 },
    { what: 'a quote left open, the last line unended', input: 'h\n"open,\nmore', records: [[1, 'h']], rest: 'more', lines: 2, openSince: 2 },
    { what: 'a last line of only a CR', input: 'a\n\r', records: [[1, 'a']], rest: '\r', lines: 1, openSince: undefined },
  ])('$what', ({ input, records, rest, lines, openSince }) => {
    const got = assemble([input]);
    expect(got).toMatchObject({ records, rest, lines, openSince });
  });

  it.each([
    { what: 'a plain last line', input: 'a\nb,c', records: [[1, 'a'], [2, 'b,c']], lines: 2, openSince: undefined },
    { what: 'a last line that closes a quoted field', input: 'a\n"x\ny"', records: [[1, 'a'], [2, '"x\ny"']], lines: 3, openSince: undefined },
    { what: 'a last line inside a quoted field still open', input: 'a\n"x\ny', records: [[1, 'a']], lines: 3, openSince: 2 },
    { what: 'a last line that is the first, with a byte order mark', input: '\uFEFFh,i', records: [[1, 'h,i']], lines: 1, openSince: undefined },
    { what: 'a last CR alone: an empty line', input: 'a\n\r', records: [[1, 'a']], lines: 2, openSince: undefined },
  ])('lastLine: $what', ({ input, records, lines, openSince }) => {
    const got = assemble([input]);
    got.assembler.lastLine(got.rest);
    expect(got.records).toEqual(records);
    expect(got.assembler.lines).toBe(lines);
    expect(got.assembler.openSince).toBe(openSince);
  });

  it('a character split between chunks (UTF-8 bytes one by one)', () => {
    const bytes = Buffer.from('é,"€\n𝄞"\n');
    const got = assemble([...bytes].map((b) => Buffer.from([b])));
    expect(got.records).toEqual([[1, 'é,"€\n𝄞"']]);
  });

  it.each([
    { what: 'a line without a line break', chunks: ['abcdefghi'], overflow: ['line', 1] },
    { what: 'after complete lines: the number of the long one', chunks: ['a\nb\n', 'cdefghijk'], overflow: ['line', 3] },
    { what: 'a quoted field running on: the line it opened on', chunks: ['x\n"abc\n', 'defgh\nij'], overflow: ['quoted field', 2] },
  ])('longer than maxChars (8): overflow($what)', ({ chunks, overflow }) => {
    let err: unknown;
    try {
      assemble(chunks, 8);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Overflow);
    expect([(err as Overflow).what, (err as Overflow).line]).toEqual(overflow);
  });

  it('a line of exactly maxChars is read', () => {
    expect(assemble(['abcdefgh', '\n'], 8).records).toEqual([[1, 'abcdefgh']]);
  });
});

// Property: records written as RFC 4180 (fields quoted when they hold a comma, quote or line break, quotes
// doubled), ended by LF or CRLF and cut into chunks anywhere (inside a UTF-8 character too), come back one
// each, with the number of their first line, and split back into their fields.
const field = fc.string({ unit: fc.constantFrom('a', 'é', '€', ',', '"', '\n', ' '), maxLength: 6 });
const record = fc.array(field, { minLength: 1, maxLength: 4 }).filter((fields) => !(fields.length === 1 && fields[0] === ''));
const quote = (f: string): string => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

describe('CsvRecords (property)', () => {
  it('gives back what was written, chunked anyhow', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(record, fc.boolean()), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        let text = '';
        let line = 1;
        const expected: [number, string][] = [];
        for (const [fields, crlf] of rows) {
          const written = fields.map(quote).join(',');
          expected.push([line, written]);
          text += `${written}${crlf ? '\r\n' : '\n'}`;
          line += written.split('\n').length;
        }
        const bytes = Buffer.from(text);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
        const got = assemble(chunks);
        expect(got.records).toEqual(expected);
        expect(got.records.map(([, t]) => splitCsvRecord(t))).toEqual(rows.map(([fields]) => fields));
        expect(got.lines).toBe(line - 1);
        expect(got.openSince).toBeUndefined();
        expect(got.rest).toBe('');
      }),
      { seed: 20_250_601, numRuns: 500 },
    );
  });
});

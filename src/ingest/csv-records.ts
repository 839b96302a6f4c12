import { StringDecoder } from 'node:string_decoder';
import { quotesBalanced } from './csv-record.js';

/** What grew past the limit: one physical line, or a record whose quoted field runs on over lines. */
export type CsvOverflow = 'line' | 'quoted field';

/**
 * Assembles CSV records from a stream of UTF-8 chunks: cuts it into lines at `\n`, drops a `\r` before it
 * and a byte order mark at the start, skips empty lines, and joins the lines of a record whose quoted field
 * holds a line break (RFC 4180) before handing it to `onRecord` with the number of its first line. The
 * text after the last line break is not read: `end()` returns it, and each reader decides whether such a
 * last line counts (`lastLine`) or was cut off.
 *
 * @throws what `overflow` returns, when a line or a record grows past `maxChars` (default 16 MiB): input
 *   that is not the tool's CSV would only cost memory.
 * @example
 * const records = new CsvRecords((text, line) => seen.push([line, text]), (what, line) => new Error(`${what} at ${line}`));
 * records.push(Buffer.from('a,"b\r\nc"\r\n\r\nd\n'));
 * // seen: [[1, 'a,"b\nc"'], [4, 'd']]; records.lines === 4
 */
export class CsvRecords {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private lineNo = 0;
  /** A quoted field spans lines: the record so far and the line it started on. */
  private pending: string | undefined;
  private pendingLine = 0;

  constructor(
    private readonly onRecord: (text: string, line: number) => void,
    private readonly overflow: (what: CsvOverflow, line: number) => Error,
    private readonly maxChars = 16 << 20,
  ) {}

  /** The physical lines read so far (those ended by a line break, and a `lastLine`). */
  get lines(): number {
    return this.lineNo;
  }

  /** The first line of a record whose quoted field is still open, or undefined. */
  get openSince(): number | undefined {
    return this.pending !== undefined ? this.pendingLine : undefined;
  }

  push(chunk: Buffer): void {
    const text = this.carry + this.decoder.write(chunk);
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      this.lineNo++;
      this.line(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.carry = text.slice(pos);
    if (this.carry.length > this.maxChars) throw this.overflow('line', this.lineNo + 1);
  }

  /** Ends the input: returns the text after the last line break ('' when it ended with one), not read. */
  end(): string {
    const rest = this.carry + this.decoder.end();
    this.carry = '';
    return rest;
  }

  /** Reads `text` (from `end()`) as one more line, for a format whose last line may lack its line break. */
  lastLine(text: string): void {
    this.lineNo++;
    this.line(text);
  }

  private line(raw: string): void {
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark
    if (this.pending !== undefined) {
      const record = `${this.pending}\n${text}`;
      if (!quotesBalanced(record)) {
        this.pending = record;
        if (record.length > this.maxChars) throw this.overflow('quoted field', this.pendingLine);
        return;
      }
      this.pending = undefined;
      this.onRecord(record, this.pendingLine);
      return;
    }
    if (text === '') return;
    if (text.includes('"') && !quotesBalanced(text)) {
      this.pending = text;
      this.pendingLine = this.lineNo;
      return;
    }
    this.onRecord(text, this.lineNo);
  }
}

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
export declare class CsvRecords {
    private readonly onRecord;
    private readonly overflow;
    private readonly maxChars;
    private readonly decoder;
    private carry;
    private lineNo;
    /** A quoted field spans lines: the record so far and the line it started on. */
    private pending;
    private pendingLine;
    constructor(onRecord: (text: string, line: number) => void, overflow: (what: CsvOverflow, line: number) => Error, maxChars?: number);
    /** The physical lines read so far (those ended by a line break, and a `lastLine`). */
    get lines(): number;
    /** The first line of a record whose quoted field is still open, or undefined. */
    get openSince(): number | undefined;
    push(chunk: Buffer): void;
    /** Ends the input: returns the text after the last line break ('' when it ended with one), not read. */
    end(): string;
    /** Reads `text` (from `end()`) as one more line, for a format whose last line may lack its line break. */
    lastLine(text: string): void;
    private line;
}

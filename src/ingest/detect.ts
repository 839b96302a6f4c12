import { open, readFile, stat } from 'node:fs/promises';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { ACCEPTED_FORMATS, excerpt, IngestError } from './errors.js';
import type { Reader, StreamReader, SummaryReader } from './reader.js';
import { READERS } from './readers.js';

/** How much of a file is read to recognise it. */
const HEAD_BYTES = 64 * 1024;

/** What an input is: a stream a reader follows line by line, a summary document a reader reads, or a run document. */
export type Detected =
  | { readonly kind: 'stream'; readonly reader: StreamReader; readonly format: string; readonly gzip: boolean }
  | { readonly kind: 'summary'; readonly reader: SummaryReader; readonly format: string; readonly gzip: boolean; readonly value: Record<string, unknown>; readonly lines: number }
  | { readonly kind: 'run-document'; readonly format: 'run-document'; readonly gzip: boolean; readonly value: Record<string, unknown>; readonly lines: number };

/**
 * Recognises an input from its content (the extension is not trusted): gzip magic → decompressed;
 * first line `{"type":"Metric"…` / `{"metric":…` → k6 NDJSON; header `metric_name,timestamp,metric_value…`
 * → k6 CSV; header `timeStamp,…elapsed…label…` → JMeter CSV; `<testResults` → JMeter XML; a JSON object with `schema: "perf-gate/run@1"` → run document, with `metrics` and `state` or
 * `options` → handleSummary, with `metrics` and `root_group` → summary-export, with a `results.metrics` list →
 * k6's machine-readable summary (`--new-machine-readable-summary`).
 *
 * @throws IngestError naming the file: missing, a directory, empty, or not one of the accepted formats.
 */
export async function detectFormat(file: string, readers: readonly Reader[] = READERS): Promise<Detected> {
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new IngestError(file, 'is a directory; give the k6 output file inside it');
    if (!s.isFile()) throw new IngestError(file, 'is not a regular file');
    size = s.size;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new IngestError(file, 'no such file; check the path (k6 writes it where `--out json=…` points)', { cause: err });
    throw new IngestError(file, `cannot read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (size === 0) throw new IngestError(file, `is empty (k6 wrote nothing: did the test start?). ${ACCEPTED_FORMATS}`);
  const raw = await readHead(file);
  const gzip = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const head = gzip ? gunzipHead(file, raw) : raw;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new IngestError(file, `${gzip ? 'holds an empty gzip stream' : 'holds only blank lines'}. ${ACCEPTED_FORMATS}`);
  const firstLine = firstNonEmptyLine(text);
  for (const reader of readers) {
    if (reader.kind === 'stream' && reader.sniff({ text, firstLine })) return { kind: 'stream', reader, format: reader.format, gzip };
  }
  if (text.trimStart().startsWith('{')) {
    const whole = gzip ? await gunzipWhole(file) : await readFile(file);
    const json = whole.toString('utf8').replace(/^\uFEFF/, '');
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new IngestError(file, `starts like JSON but is not valid JSON (${err instanceof Error ? err.message : String(err)}). ${ACCEPTED_FORMATS}`, { cause: err });
    }
    const lines = countLines(json);
    const o = jsonObject(file, value, readers);
    if (typeof o.schema === 'string') return { kind: 'run-document', format: 'run-document', gzip, value: o, lines };
    const reader = readers.find((r): r is SummaryReader => r.kind === 'summary' && r.sniff(o));
    if (reader) return { kind: 'summary', reader, format: reader.format, gzip, value: o, lines };
    throw new Error('unreachable: jsonObject accepted a document no reader claims');
  }
  throw new IngestError(file, `is not a format perf-gate reads (${describe(firstLine, text)}). ${ACCEPTED_FORMATS}`);
}

/** The JSON as an object that is a perf-gate run document or that a summary reader may claim; else an error naming what it is. */
function jsonObject(file: string, value: unknown, readers: readonly Reader[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IngestError(file, `is JSON but not an object. ${ACCEPTED_FORMATS}`);
  }
  const o = value as Record<string, unknown>;
  if (typeof o.schema === 'string') {
    if (o.schema.startsWith('perf-gate/run@')) return o;
    throw new IngestError(file, `is a JSON document with schema '${excerpt(o.schema)}', not a perf-gate run document. ${ACCEPTED_FORMATS}`);
  }
  if (readers.some((r) => r.kind === 'summary' && r.sniff(o))) return o;
  const keys = Object.keys(o).slice(0, 6).join(', ');
  throw new IngestError(file, `is JSON but not k6's (top-level keys: ${keys || 'none'}; k6 summaries have 'metrics' and 'root_group', or 'results.metrics'). ${ACCEPTED_FORMATS}`);
}

function describe(firstLine: string, text: string): string {
  if (/<jmeterTestPlan[\s>]/.test(text)) return 'it is a JMeter test plan (.jmx), not its results: give the file JMeter writes with `-l results.jtl`';
  const root = /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
  if (root) return `XML whose root element is <${excerpt(root[1]!, 40)}>, not JMeter's <testResults>`;
  if (/^"?timeStamp"?[\t;|]/.test(firstLine)) {
    return `it looks like a JMeter CSV results file with another column separator: first line '${excerpt(firstLine)}'; perf-gate reads JMeter's default, commas (jmeter.save.saveservice.default_delimiter=,)`;
  }
  if (HEADERLESS_JMETER_CSV.test(firstLine)) {
    return (
      `it looks like a JMeter CSV results file without its header line: first line '${excerpt(firstLine)}'; which columns JMeter saved depends on its settings, ` +
      'so perf-gate reads JMeter CSV by the names in the header: set jmeter.save.saveservice.print_field_names=true (the default) for the next run, ' +
      'or put the header line of the columns saved above the first row'
    );
  }
  if (firstLine.startsWith('[')) return `it starts with '${excerpt(firstLine)}', a JSON array`;
  if (firstLine.includes(',')) return `a CSV whose header '${excerpt(firstLine)}' is not k6's 'metric_name,timestamp,metric_value,…'`;
  return `first line '${excerpt(firstLine)}'`;
}

/** A JMeter CSV row as the first line: a timeStamp (epoch ms or a date), an elapsed time, then the label. */
const HEADERLESS_JMETER_CSV = /^(?:\d{12,13}|\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}[^,]*),\d+,/;

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') || text === '' ? n : n + 1;
}

function firstNonEmptyLine(text: string): string {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t !== '') return t;
  }
  return '';
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The start of a gzip stream's content; the head ends mid-stream, so inflate without the end-of-stream check. */
function gunzipHead(file: string, raw: Buffer): Buffer {
  try {
    return gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (err) {
    throw new IngestError(file, `starts like gzip but cannot be decompressed (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

async function gunzipWhole(file: string): Promise<Buffer> {
  const raw = await readFile(file);
  try {
    return gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (err) {
    throw new IngestError(file, `cannot be decompressed (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

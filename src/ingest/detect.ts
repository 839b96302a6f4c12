import { open, readFile, stat } from 'node:fs/promises';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { ACCEPTED_FORMATS, excerpt, IngestError } from './errors.js';
import { isMachineSummary } from './machine-summary.js';

/** How much of a file is read to recognise it. */
const HEAD_BYTES = 64 * 1024;

/** Formats read as a stream of lines, never held in memory whole. */
export type StreamFormat = 'k6-ndjson' | 'k6-csv';
/** Formats that are one JSON document. */
export type JsonFormat = 'k6-summary-export' | 'k6-handle-summary' | 'k6-machine-readable-summary' | 'run-document';
export type InputFormat = StreamFormat | JsonFormat;

export type Detected =
  | { readonly kind: 'stream'; readonly format: StreamFormat; readonly gzip: boolean }
  | { readonly kind: 'json'; readonly format: JsonFormat; readonly gzip: boolean; readonly value: Record<string, unknown>; readonly lines: number };

/**
 * Recognises an input from its content (the extension is not trusted): gzip magic → decompressed;
 * first line `{"type":"Metric"…` / `{"metric":…` → k6 NDJSON; header `metric_name,timestamp,metric_value…`
 * → k6 CSV; a JSON object with `schema: "perf-gate/run@1"` → run document, with `metrics` and `state` or
 * `options` → handleSummary, with `metrics` and `root_group` → summary-export, with a `results.metrics` list →
 * k6's machine-readable summary (`--new-machine-readable-summary`).
 *
 * @throws IngestError naming the file: missing, a directory, empty, or not one of the accepted formats.
 */
export async function detectFormat(file: string): Promise<Detected> {
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
  if (firstLine.startsWith('{"type":"Metric"') || firstLine.startsWith('{"metric":')) return { kind: 'stream', format: 'k6-ndjson', gzip };
  if (/^"?metric_name"?,"?timestamp"?,"?metric_value"?/.test(firstLine)) return { kind: 'stream', format: 'k6-csv', gzip };
  if (looksLikeK6Line(firstLine)) return { kind: 'stream', format: 'k6-ndjson', gzip };
  if (text.trimStart().startsWith('{')) {
    const whole = gzip ? await gunzipWhole(file) : await readFile(file);
    const json = whole.toString('utf8').replace(/^\uFEFF/, '');
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new IngestError(file, `starts like JSON but is not valid JSON (${err instanceof Error ? err.message : String(err)}). ${ACCEPTED_FORMATS}`, { cause: err });
    }
    return { kind: 'json', format: jsonFormat(file, value), gzip, value: value as Record<string, unknown>, lines: countLines(json) };
  }
  throw new IngestError(file, `is not a format perf-gate reads (${describe(firstLine)}). ${ACCEPTED_FORMATS}`);
}

function jsonFormat(file: string, value: unknown): JsonFormat {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IngestError(file, `is JSON but not an object. ${ACCEPTED_FORMATS}`);
  }
  const o = value as Record<string, unknown>;
  if (typeof o.schema === 'string') {
    if (o.schema.startsWith('perf-gate/run@')) return 'run-document';
    throw new IngestError(file, `is a JSON document with schema '${excerpt(o.schema)}', not a perf-gate run document. ${ACCEPTED_FORMATS}`);
  }
  if (isMachineSummary(o)) return 'k6-machine-readable-summary';
  const metrics = o.metrics;
  if (typeof metrics === 'object' && metrics !== null && !Array.isArray(metrics)) {
    if ('state' in o || 'options' in o) return 'k6-handle-summary';
    if ('root_group' in o) return 'k6-summary-export';
  }
  const keys = Object.keys(o).slice(0, 6).join(', ');
  throw new IngestError(file, `is JSON but not k6's (top-level keys: ${keys || 'none'}; k6 summaries have 'metrics' and 'root_group', or 'results.metrics'). ${ACCEPTED_FORMATS}`);
}

/** A JSON line whose keys are k6's, in another order (k6 versions that sort keys). */
function looksLikeK6Line(line: string): boolean {
  if (!line.startsWith('{') || line.length > HEAD_BYTES) return false;
  try {
    const v = JSON.parse(line) as { type?: unknown; data?: unknown } | null;
    return typeof v === 'object' && v !== null && (v.type === 'Metric' || v.type === 'Point') && typeof v.data === 'object';
  } catch {
    return false;
  }
}

function describe(firstLine: string): string {
  if (/^timeStamp,elapsed,label/i.test(firstLine)) return `it looks like a JMeter .jtl CSV: first line '${excerpt(firstLine)}'`;
  if (firstLine.startsWith('[')) return `it starts with '${excerpt(firstLine)}', a JSON array`;
  if (firstLine.includes(',')) return `a CSV whose header '${excerpt(firstLine)}' is not k6's 'metric_name,timestamp,metric_value,…'`;
  return `first line '${excerpt(firstLine)}'`;
}

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

import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { MemorySample, RunDocument } from '../document/run-document.js';
import { splitCsvRecord } from './csv-record.js';
import { excerpt, IngestError } from './errors.js';
import { TimeParser } from './time.js';

export type RunMemory = NonNullable<RunDocument['memory']>;

/** What a memory file may be, for error messages. */
export const MEMORY_FORMATS =
  'perf-gate reads memory samples as CSV with a time column (unix_ms, or time/timestamp: Unix s/ms or RFC 3339) and ' +
  'rss_bytes (or process_resident_memory_bytes, rss) plus optional heap_used_bytes, or as Prometheus text scrapes of ' +
  'process_resident_memory_bytes (and nodejs_heap_size_used_bytes), each scrape after a `# scrape <unix_ms>` line or ' +
  'with a sample timestamp (`process_resident_memory_bytes 53235712 1700000000000`)';

const TIME_COLUMNS = ['unix_ms', 'time', 'timestamp', 't'];
const RSS_COLUMNS = ['rss_bytes', 'process_resident_memory_bytes', 'rss'];
const HEAP_COLUMNS = ['heap_used_bytes', 'nodejs_heap_size_used_bytes', 'heap_used'];
const RSS_METRIC = 'process_resident_memory_bytes';
const HEAP_METRIC = 'nodejs_heap_size_used_bytes';

/**
 * Reads the target's memory samples (plain or gzipped) into `{ source, samples }`, samples sorted by time.
 * @throws IngestError naming the file and line of anything it cannot read.
 */
export async function readMemoryFile(file: string): Promise<RunMemory> {
  let raw: Buffer;
  try {
    if ((await stat(file)).isDirectory()) throw new IngestError(file, 'is a directory; give the memory samples file');
    raw = await readFile(file);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const missing = (err as { code?: unknown }).code === 'ENOENT';
    throw new IngestError(file, missing ? 'no such memory samples file' : `cannot read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw);
    } catch (err) {
      throw new IngestError(file, `cannot be decompressed (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
  }
  return parseMemoryText(file, raw.toString('utf8'));
}

/** Parses memory samples from text; see MEMORY_FORMATS. */
export function parseMemoryText(file: string, text: string): RunMemory {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new IngestError(file, `is empty. ${MEMORY_FORMATS}`);
  const head = lines[first]!.trim();
  const samples = head.startsWith('#') || (/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{|\s)/.test(head) && !head.includes(',')) ? prometheus(file, lines) : csv(file, lines, first);
  if (samples.length === 0) throw new IngestError(file, `holds no memory samples. ${MEMORY_FORMATS}`);
  samples.sort((a, b) => a.t - b.t);
  return { source: file, samples };
}

function csv(file: string, lines: readonly string[], headerIndex: number): MemorySample[] {
  const header = (splitCsvRecord(lines[headerIndex]!) ?? []).map((h) => h.trim().toLowerCase());
  const find = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const timeColumn = find(TIME_COLUMNS);
  const rssColumn = find(RSS_COLUMNS);
  const heapColumn = find(HEAP_COLUMNS);
  if (timeColumn < 0 || rssColumn < 0) {
    const missing = timeColumn < 0 ? `time column (${TIME_COLUMNS.join(', ')})` : `RSS column (${RSS_COLUMNS.join(', ')})`;
    throw new IngestError(file, `header '${excerpt(lines[headerIndex]!)}' has no ${missing}. ${MEMORY_FORMATS}`, { line: headerIndex + 1 });
  }
  const times = new TimeParser();
  const samples: MemorySample[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const fields = splitCsvRecord(line);
    if (fields === undefined || fields.length !== header.length) {
      throw new IngestError(file, `expected ${header.length} columns as in the header, got '${excerpt(line)}'`, { line: i + 1 });
    }
    const t = timeValue(fields[timeColumn]!.trim(), header[timeColumn] === 'unix_ms', times);
    if (t === undefined) throw new IngestError(file, `time '${excerpt(fields[timeColumn]!)}' is neither Unix time nor RFC 3339`, { line: i + 1 });
    const rssBytes = bytes(fields[rssColumn]!);
    if (rssBytes === undefined) throw new IngestError(file, `${header[rssColumn]} '${excerpt(fields[rssColumn]!)}' is not a number of bytes`, { line: i + 1 });
    const sample: MemorySample = { t, rssBytes };
    if (heapColumn >= 0 && fields[heapColumn]!.trim() !== '') {
      const heap = bytes(fields[heapColumn]!);
      if (heap === undefined) throw new IngestError(file, `${header[heapColumn]} '${excerpt(fields[heapColumn]!)}' is not a number of bytes`, { line: i + 1 });
      sample.heapUsedBytes = heap;
    }
    samples.push(sample);
  }
  return samples;
}

/** Prometheus text exposition scrapes: `# scrape <unix_ms>` starts a scrape, or each sample carries its timestamp. */
function prometheus(file: string, lines: readonly string[]): MemorySample[] {
  const byTime = new Map<number, { rss?: number; heap?: number; line: number }>();
  let scrapeTime: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s*scrape\s+(\S+)/.exec(line);
      if (m) {
        const t = Number(m[1]);
        if (!Number.isFinite(t)) throw new IngestError(file, `'# scrape ${excerpt(m[1]!)}' needs a Unix time in ms`, { line: i + 1 });
        scrapeTime = t < 1e11 ? t * 1000 : t;
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)(?:\s+(\S+))?\s*$/.exec(line);
    if (!m) throw new IngestError(file, `expected a Prometheus sample 'name value [timestamp]', got '${excerpt(line)}'`, { line: i + 1 });
    const name = m[1]!;
    if (name !== RSS_METRIC && name !== HEAP_METRIC) continue;
    const value = bytes(m[3]!);
    if (value === undefined) throw new IngestError(file, `${name} value '${excerpt(m[3]!)}' is not a number of bytes`, { line: i + 1 });
    const t = m[4] !== undefined ? Number(m[4]) : scrapeTime;
    if (t === undefined || !Number.isFinite(t)) {
      throw new IngestError(file, `${name} has no time: put '# scrape <unix_ms>' before each scrape or a timestamp after the value`, { line: i + 1 });
    }
    const entry = byTime.get(t) ?? { line: i + 1 };
    if (name === RSS_METRIC) entry.rss = value;
    else entry.heap = value;
    byTime.set(t, entry);
  }
  const samples: MemorySample[] = [];
  for (const [t, e] of byTime) {
    if (e.rss === undefined) throw new IngestError(file, `the scrape at ${t} has no ${RSS_METRIC}`, { line: e.line });
    samples.push(e.heap !== undefined ? { t, rssBytes: e.rss, heapUsedBytes: e.heap } : { t, rssBytes: e.rss });
  }
  return samples;
}

function timeValue(text: string, isMs: boolean, times: TimeParser): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (isMs) return n;
    return n < 1e11 ? n * 1000 : n < 1e14 ? n : n / 1000;
  }
  const t = times.parseString(text);
  return Number.isNaN(t) ? undefined : t;
}

function bytes(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

import type { ByteSource } from '../byte-source.js';
import { splitCsvRecord } from '../csv-record.js';
import { CsvRecords, type CsvOverflow } from '../csv-records.js';
import { excerpt, IngestError } from '../errors.js';
import { holdsDurations, impossibleValue } from '../impossible-value.js';
import { TimeParser } from '../time.js';
import type { StreamResult } from '../reader.js';
import { TagCache, type PointSink } from '../point-sink.js';
import { pumpChunks } from '../pump-chunks.js';

const HINT = 'is this file from `k6 run --out csv=…`?';

/** The tag columns of a k6 CSV header. */
interface Layout {
  readonly columns: number;
  /** Names of the fixed tag columns, by column index (undefined for the non-tag columns). */
  readonly tagColumns: readonly (string | undefined)[];
  readonly extraTags: number;
}

/**
 * Streams k6 `--out csv` output into a RunBuilder: `metric_name,timestamp,metric_value,<tag columns…>,
 * extra_tags,metadata`. Empty tag columns mean "tag absent"; `extra_tags` holds the other tags as
 * `k=v&k=v` (written by k6 without escaping); `metadata` is ignored. Timestamps are Unix seconds (k6's
 * default), milliseconds, microseconds or nanoseconds (told apart by magnitude) or RFC 3339. CSV has no
 * metric types: k6's built-in metrics have known types, other metrics are read as trends with a warning.
 */
export class K6CsvParser {
  private readonly records = new CsvRecords(
    (text, line) => this.record(text, line),
    (what, line) => this.overflow(what, line),
  );
  private layout: Layout | undefined;
  private readonly tagCache = new TagCache();
  private readonly metricIds = new Map<string, number>();
  private readonly times = new TimeParser();

  constructor(
    private readonly file: string,
    private readonly sink: PointSink,
  ) {}

  push(chunk: Buffer): void {
    this.records.push(chunk);
  }

  finish(truncatedStream: boolean, warn: (message: string) => void): StreamResult {
    let partial = truncatedStream;
    const rest = this.records.end();
    const before = this.records.lines;
    let lines = before;
    // k6 may end its last line without a line break: read it. It is cut off when it cannot be read, or when
    // a quoted field is still open at the end.
    let cut = false;
    if (rest !== '') {
      try {
        this.records.lastLine(rest);
        lines++;
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        cut = true;
      }
    }
    const open = this.records.openSince;
    if (cut || open !== undefined) {
      partial = true;
      lines = open !== undefined ? open - 1 : before;
      warn(`${this.file}: line ${lines + 1} is cut off (k6 was stopped while writing it); read the ${lines} complete lines before it`);
    }
    if (this.layout === undefined) throw this.error(`has no k6 CSV header; ${HINT}`);
    if (truncatedStream) {
      warn(`${this.file}: the gzip stream ends early (unexpected end of file: k6 was stopped before closing it); read everything up to the break`);
    }
    return { lines, partial };
  }

  private record(text: string, line: number): void {
    if (this.layout === undefined) {
      this.layout = this.header(text, line);
      return;
    }
    let name: string;
    let timestamp: string;
    let valueText: string;
    let rest: string;
    const c1 = text.indexOf(',');
    const c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
    const c3 = c2 < 0 ? -1 : text.indexOf(',', c2 + 1);
    if (c3 > 0 && text.charCodeAt(0) !== 34 && text.lastIndexOf('"', c3) < 0) {
      name = text.slice(0, c1);
      timestamp = text.slice(c1 + 1, c2);
      valueText = text.slice(c2 + 1, c3);
      rest = text.slice(c3 + 1);
    } else {
      const fields = splitCsvRecord(text);
      if (fields === undefined || fields.length < 4) throw this.error(`expected a k6 CSV row (metric_name,timestamp,metric_value,…), got '${excerpt(text)}'; ${HINT}`, line);
      [name, timestamp, valueText] = fields as [string, string, string];
      // Re-quote the tag fields into a canonical key.
      rest = fields.slice(3).map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
    }
    const time = this.time(timestamp, line);
    const value = Number(valueText);
    if (valueText === '' || Number.isNaN(value)) throw this.error(`metric_value '${excerpt(valueText)}' is not a number`, line);
    const entry = this.tagCache.get(rest) ?? this.tagCache.add(rest, this.tags(rest, text, line));
    let metric = this.metricIds.get(name);
    if (metric === undefined) {
      if (name === '') throw this.error('metric_name is empty', line);
      metric = this.sink.metricFor(name, 'is not a k6 built-in metric and k6 CSV output has no metric types', false);
      this.metricIds.set(name, metric);
    }
    if (value - value !== 0 || value < 0) {
      const impossible = impossibleValue(value, valueText, name, holdsDurations(this.sink.builder.metricDefinition(metric)));
      if (impossible !== undefined) throw this.error(impossible, line);
    }
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    this.sink.builder.point(targets, time, value);
  }

  private header(text: string, line: number): Layout {
    const fields = splitCsvRecord(text);
    if (fields === undefined || fields[0] !== 'metric_name' || fields[1] !== 'timestamp' || fields[2] !== 'metric_value') {
      throw this.error(`expected k6's CSV header 'metric_name,timestamp,metric_value,…', got '${excerpt(text)}'; ${HINT}`, line);
    }
    const tagColumns = fields.map((f, i) => (i < 3 || f === 'extra_tags' || f === 'metadata' ? undefined : f));
    return { columns: fields.length, tagColumns, extraTags: fields.indexOf('extra_tags') };
  }

  private tags(rest: string, text: string, line: number): Record<string, string> {
    const layout = this.layout!;
    const fields = rest.includes('"') ? splitCsvRecord(rest) : rest.split(',');
    if (fields === undefined || fields.length + 3 !== layout.columns) {
      throw this.error(`expected ${layout.columns} columns as in the header, got ${fields ? fields.length + 3 : 'a broken quoted field'} in '${excerpt(text)}'`, line);
    }
    const tags: Record<string, string> = {};
    for (let i = 0; i < fields.length; i++) {
      const column = i + 3;
      const v = fields[i]!;
      if (v === '') continue;
      if (column === layout.extraTags) {
        for (const pair of v.split('&')) {
          const eq = pair.indexOf('=');
          if (eq > 0) tags[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        continue;
      }
      const name = layout.tagColumns[column];
      if (name !== undefined) tags[name] = v;
    }
    return tags;
  }

  private time(text: string, line: number): number {
    if (/^\d+$/.test(text)) {
      const n = Number(text);
      // Seconds until the year 5138, then ms, µs and ns.
      if (n < 1e11) return n * 1000;
      if (n < 1e14) return n;
      if (n < 1e17) return n / 1000;
      return n / 1e6;
    }
    const t = this.times.parseString(text);
    if (Number.isNaN(t)) throw this.error(`timestamp '${excerpt(text)}' is neither Unix time nor RFC 3339`, line);
    return t;
  }

  private overflow(what: CsvOverflow, line: number): IngestError {
    switch (what) {
      case 'line':
        return this.error(`line ${line} is longer than 16 MiB: not k6 CSV output; ${HINT}`, line);
      case 'quoted field':
        return this.error(`a quoted field runs on for more than 16 MiB; ${HINT}`, line);
    }
  }

  private error(message: string, line?: number): IngestError {
    return new IngestError(this.file, message, line !== undefined ? { line } : undefined);
  }
}

/** Streams one k6 CSV file from `source` into `sink`. */
export async function readK6Csv(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult> {
  const parser = new K6CsvParser(file, sink);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated, warn);
}

import type { ByteSource } from '../byte-source.js';
import { splitCsvRecord } from '../csv-record.js';
import { CsvRecords, type CsvOverflow } from '../csv-records.js';
import { excerpt, IngestError } from '../errors.js';
import type { PointSink } from '../point-sink.js';
import type { StreamResult } from '../reader.js';
import { emptySample, isTransactionSample, numberField, SampleRecorder, successField, type JmeterSample } from './sample.js';
import { parseJmeterTimestamp, TIMESTAMP_FORMATS } from './timestamp.js';
import { pumpChunks } from '../pump-chunks.js';

const HINT = 'is this a JMeter CSV results file (jmeter -n -t plan.jmx -l results.jtl)?';

/** The columns read, by their header names (JMeter's CSVSaveService names; which are present varies). */
const NUMBER_COLUMNS = ['elapsed', 'Latency', 'Connect', 'bytes', 'sentBytes', 'allThreads'] as const;
const TEXT_COLUMNS = ['label', 'responseCode', 'responseMessage', 'threadName'] as const;
type NumberColumn = (typeof NUMBER_COLUMNS)[number];
type TextColumn = (typeof TEXT_COLUMNS)[number];

/** Where the columns read are in this file's header (-1: not saved). */
interface Layout {
  readonly columns: number;
  readonly timeStamp: number;
  readonly success: number;
  readonly sampleCount: number;
  readonly numbers: readonly { readonly column: NumberColumn; readonly index: number }[];
  readonly texts: readonly { readonly column: TextColumn; readonly index: number }[];
}

/**
 * Streams a JMeter CSV results file (`.jtl`, `.csv`) into a run builder. The header names the columns,
 * which differ by JMeter version and `jmeter.save.saveservice.*` settings (JMeter 5.x:
 * `timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,
 * sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect`; older ones have fewer, sample variables
 * add more); `timeStamp`, `elapsed`, `label` and `success` are needed, the others are read when there.
 * Fields are quoted as RFC 4180 (labels and messages may hold commas, quotes and line breaks). Each row is
 * one sample (SampleRecorder); JMeter ends every row with a line break, so a last row without one was cut
 * off when JMeter stopped and is not read (the file is partial).
 */
export class JmeterCsvParser {
  private readonly records = new CsvRecords(
    (text, line) => this.record(text, line),
    (what, line) => this.overflow(what, line),
  );
  private layout: Layout | undefined;
  private readonly recorder: SampleRecorder;
  private readonly sample: JmeterSample = emptySample();
  private zoneWarned = false;

  constructor(
    private readonly file: string,
    sink: PointSink,
    private readonly warn: (message: string) => void,
  ) {
    this.recorder = new SampleRecorder(file, sink, warn);
  }

  push(chunk: Buffer): void {
    this.records.push(chunk);
  }

  finish(truncatedStream: boolean): StreamResult {
    const rest = this.records.end();
    const open = this.records.openSince;
    let partial = truncatedStream;
    let lines = this.records.lines;
    if (open !== undefined || rest !== '') {
      // The last record is unfinished: a row without its line break, or a quoted field not closed.
      partial = true;
      const cut = open ?? lines + 1;
      lines = cut - 1;
      if (this.layout !== undefined) {
        this.warn(`${this.file}: line ${cut} is cut off (JMeter was stopped while writing it); read the ${lines} complete lines before it`);
      }
    }
    if (this.layout === undefined) throw this.error(`has no complete JMeter CSV header line; ${HINT}`);
    if (truncatedStream) this.warn(`${this.file}: the gzip stream ends early (unexpected end of file); read everything up to the break`);
    return { lines, partial };
  }

  private record(text: string, line: number): void {
    const layout = this.layout;
    if (layout === undefined) {
      this.layout = this.header(text, line);
      return;
    }
    const fields = text.includes('"') ? splitCsvRecord(text) : text.split(',');
    if (fields === undefined) throw this.error(`a quoted field is followed by more text before the next comma in '${excerpt(text)}': not CSV as JMeter writes it`, line);
    if (fields.length !== layout.columns) {
      throw this.error(`expected ${layout.columns} columns as in the header, got ${fields.length} in '${excerpt(text)}': a field whose quotes are broken, or a row of another shape (JMeter appends to an existing file even when its save settings changed: write each run to a new file)`, line);
    }
    const s = this.sample;
    const ts = fields[layout.timeStamp]!;
    const time = parseJmeterTimestamp(ts);
    if (time === undefined) throw this.error(`timeStamp '${excerpt(ts)}' is not ${TIMESTAMP_FORMATS}; set jmeter.save.saveservice.timestamp_format=ms for the next run`, line);
    if (!time.zoned && !this.zoneWarned) {
      this.zoneWarned = true;
      this.warn(`${this.file}: timeStamp '${excerpt(ts)}' has no time zone (JMeter writes dates in its machine's zone, which the file does not say): read as UTC, so the run's start may be off by that zone's offset; durations are not affected`);
    }
    s.startMs = time.ms;
    const success = successField(fields[layout.success]!);
    if (success === undefined) throw this.error(`success '${excerpt(fields[layout.success]!)}' is neither true nor false`, line);
    s.success = success;
    if (layout.sampleCount >= 0) {
      const count = fields[layout.sampleCount]!;
      if (count !== '' && count !== '1') {
        throw this.error(`SampleCount is ${excerpt(count, 20)}: the row stands for several samples (JMeter's Statistical mode); perf-gate reads one row per sample: run without mode=Statistical`, line);
      }
    }
    for (const { column, index } of layout.texts) s[column] = fields[index]!;
    for (const { column, index } of layout.numbers) {
      const n = numberField(fields[index]!, column);
      if (typeof n === 'string') throw this.error(n, line);
      s[column] = n;
    }
    this.recorder.record(s, line);
    // CSV rows do not nest: a transaction row may or may not have its samplers' rows beside it.
    if (isTransactionSample(s)) this.recorder.transactionBesideItsRequests(s, line, false);
  }

  private header(text: string, line: number): Layout {
    const fields = splitCsvRecord(text);
    if (fields === undefined || fields[0] !== 'timeStamp') {
      throw this.error(`expected JMeter's CSV header 'timeStamp,elapsed,label,…', got '${excerpt(text)}'; ${HINT}`, line);
    }
    const at = (name: string): number => fields.indexOf(name);
    for (const name of ['elapsed', 'label', 'success']) {
      if (at(name) < 0) {
        throw this.error(`the header has no '${name}' column, which perf-gate needs (${name === 'success' ? 'to tell failed samples' : 'to time and name samples'}); save it (jmeter.save.saveservice.${SAVE_PROPERTY[name]}=true, the default) in the next run`, line);
      }
    }
    return {
      columns: fields.length,
      timeStamp: 0,
      success: at('success'),
      sampleCount: at('SampleCount'),
      numbers: NUMBER_COLUMNS.map((column) => ({ column, index: at(column) })).filter((c) => c.index >= 0),
      texts: TEXT_COLUMNS.map((column) => ({ column, index: at(column) })).filter((c) => c.index >= 0),
    };
  }

  private overflow(what: CsvOverflow, line: number): IngestError {
    switch (what) {
      case 'line':
        return this.error(`line ${line} is longer than 16 MiB: not a JMeter result row; ${HINT}`, line);
      case 'quoted field':
        return this.error(`a quoted field runs on for more than 16 MiB; ${HINT}`, line);
    }
  }

  private error(message: string, line?: number): IngestError {
    return new IngestError(this.file, message, line !== undefined ? { line } : undefined);
  }
}

/** The jmeter.properties switch that saves a column. */
const SAVE_PROPERTY: Record<string, string> = { elapsed: 'time', label: 'label', success: 'successful' };

/** Streams one JMeter CSV results file from `source` into `sink`. */
export async function readJmeterCsv(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult> {
  const parser = new JmeterCsvParser(file, sink, warn);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated);
}

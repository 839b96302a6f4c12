import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ByteSource } from '../byte-source.js';
import { excerpt, IngestError } from '../errors.js';
import type { PointSink } from '../point-sink.js';
import type { StreamResult } from '../reader.js';
import { emptySample, isTransactionSample, numberField, SampleRecorder, successField, type JmeterSample } from './sample.js';
import { parseJmeterTimestamp, TIMESTAMP_FORMATS } from './timestamp.js';
import { pumpChunks } from '../pump-chunks.js';

const HINT = 'is this a JMeter XML results file (jmeter.save.saveservice.output_format=xml)?';

/** The XML attributes of a sample (JMeter's SampleResultConverter) that are read, and the field each fills. */
const NUMBER_ATTRIBUTES = { t: 'elapsed', lt: 'Latency', ct: 'Connect', by: 'bytes', sby: 'sentBytes', na: 'allThreads' } as const;
const TEXT_ATTRIBUTES = { lb: 'label', rc: 'responseCode', rm: 'responseMessage', tn: 'threadName' } as const;

/** saxes' messages for characters and references XML 1.0 does not allow, which it reads past. */
const TOLERATED = /(?:malformed character entity|disallowed character|undefined entity)\.?$/;

/**
 * Streams a JMeter XML results file (`<testResults version="1.2">`) into a run builder, in constant
 * memory: saxes reads it as a stream of tags and only the attributes of the sample being read are kept.
 *
 * One request is one **top-level** sample, an `<httpSample>` or `<sample>` child of `<testResults>`, read
 * from its attributes (`t` elapsed, `ts` timeStamp, `s` success, `lb` label, `rc`, `tn`, `lt`, `ct`, `by`,
 * `sby`, `na`). Samples nested in it are its sub-results — the hops of a followed redirect, embedded
 * resources, the samplers of a Transaction Controller that generates a parent sample — whose time is
 * already in the parent's `elapsed`: they are not counted again. That is also what JMeter's CSV output
 * holds for the same run (one row per top-level sample), so the two formats give the same document.
 *
 * A file without its closing `</testResults>` (JMeter was stopped) is read up to its last complete
 * top-level sample and is partial.
 */
export class JmeterXmlParser {
  private readonly decoder = new StringDecoder('utf8');
  private readonly xml = new SaxesParser();
  private readonly recorder: SampleRecorder;
  private readonly sample: JmeterSample = emptySample();
  /** Element depth: 1 inside <testResults>, 2 inside a top-level sample. */
  private depth = 0;
  private sawRoot = false;
  private rootClosed = false;
  /** The line the current top-level sample started on, and the line the last complete one ended on. */
  private sampleLine = 0;
  private lastCompleteLine = 0;
  private samples = 0;
  /** The current top-level sample has samples nested in it (sub-results). */
  private nested = false;
  private zoneWarned = false;
  private charactersWarned = false;
  /** The text written ended with a line break (saxes then counts the empty line after it). */
  private endsWithNewline = false;
  /** An IngestError raised in a saxes handler: saxes is left as it is and the error thrown after `write`. */
  private failure: IngestError | undefined;

  constructor(
    private readonly file: string,
    sink: PointSink,
    private readonly warn: (message: string) => void,
  ) {
    this.recorder = new SampleRecorder(file, sink, warn);
    this.xml.on('opentag', (tag) => this.open(tag));
    this.xml.on('closetag', () => this.close());
    this.xml.on('error', (err) => this.xmlError(err));
  }

  /**
   * Characters XML 1.0 does not allow (control characters of a saved response, written as JMeter got
   * them) are skipped with one warning: saxes reads on past them and the structure is not affected.
   * Every other well-formedness error stops the reading.
   */
  private xmlError(err: Error): void {
    if (!this.sawRoot || !TOLERATED.test(err.message)) throw err;
    if (this.charactersWarned) return;
    this.charactersWarned = true;
    this.warn(`${this.file}:${this.xml.line}: holds characters XML 1.0 does not allow (${err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}; a saved response with control characters, written as JMeter got it): skipped`);
  }

  push(chunk: Buffer): void {
    this.write(this.decoder.write(chunk));
  }

  finish(truncatedStream: boolean): StreamResult {
    this.write(this.decoder.end());
    // saxes starts over on close(): its position is read before.
    const lines = this.xml.line - (this.endsWithNewline ? 1 : 0);
    let partial = truncatedStream;
    try {
      this.xml.close();
    } catch {
      // Every byte was well-formed until the end: the end came too early (JMeter stopped mid-file).
      if (!this.sawRoot) throw this.error(`ends before its <testResults> element; ${HINT}`, lines);
      partial = true;
      this.warn(
        `${this.file}: ends at line ${lines} without its closing </testResults> (JMeter was stopped while writing it): ` +
          `read the ${this.samples} complete samples up to line ${this.lastCompleteLine}${this.depth >= 2 ? `; the sample from line ${this.sampleLine} is cut off` : ''}`,
      );
    }
    if (!this.sawRoot) throw this.error(`has no <testResults> element; ${HINT}`);
    if (truncatedStream) this.warn(`${this.file}: the gzip stream ends early (unexpected end of file); read everything up to the break`);
    return { lines: partial && !this.rootClosed ? this.lastCompleteLine : lines, partial };
  }

  private write(text: string): void {
    if (text === '') return;
    this.endsWithNewline = text.endsWith('\n');
    try {
      this.xml.write(text);
    } catch (err) {
      if (this.failure) throw this.failure;
      const message = err instanceof Error ? err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '') : String(err);
      const why = this.sawRoot ? 'JMeter writes well-formed XML up to where it stopped, so the file was changed or damaged' : HINT;
      throw this.error(`is not well-formed XML at column ${this.xml.column}: ${message} (${why})`, this.xml.line, err);
    }
  }

  private open(tag: SaxesTagPlain): void {
    this.depth++;
    if (this.depth === 1) {
      if (tag.name !== 'testResults') this.fail(`the root element is <${excerpt(tag.name, 40)}>, not JMeter's <testResults>; ${HINT}`);
      this.sawRoot = true;
      return;
    }
    if (this.depth > 2) {
      if (this.depth === 3 && tag.attributes['t'] !== undefined && tag.attributes['ts'] !== undefined) this.nested = true;
      return;
    }
    this.nested = false;
    this.sampleLine = this.xml.line;
    const a = tag.attributes;
    if (a['t'] === undefined || a['ts'] === undefined) {
      this.fail(`<${excerpt(tag.name, 40)}> in <testResults> has no t and ts attributes: not a JMeter sample (<httpSample t=… ts=… …/> or <sample …/>)`);
    }
    const s = this.sample;
    const time = parseJmeterTimestamp(a['ts']!);
    if (time === undefined) this.fail(`ts '${excerpt(a['ts']!)}' is not ${TIMESTAMP_FORMATS}; set jmeter.save.saveservice.timestamp_format=ms for the next run`);
    if (!time.zoned && !this.zoneWarned) {
      this.zoneWarned = true;
      this.warn(`${this.file}: ts '${excerpt(a['ts']!)}' has no time zone (JMeter writes dates in its machine's zone, which the file does not say): read as UTC, so the run's start may be off by that zone's offset; durations are not affected`);
    }
    s.startMs = time.ms;
    const success = a['s'] === undefined ? undefined : successField(a['s']);
    if (success === undefined) {
      this.fail(a['s'] === undefined ? 'the sample has no s (success) attribute, which perf-gate needs to tell failed samples; save it (jmeter.save.saveservice.successful=true, the default) in the next run' : `s '${excerpt(a['s'])}' is neither true nor false`);
    }
    s.success = success;
    for (const [attribute, field] of Object.entries(TEXT_ATTRIBUTES)) s[field] = a[attribute] ?? '';
    for (const [attribute, field] of Object.entries(NUMBER_ATTRIBUTES)) {
      const raw = a[attribute];
      const n = raw === undefined ? Number.NaN : numberField(raw, `${attribute} (${field})`);
      if (typeof n === 'string') this.fail(n);
      s[field] = n;
    }
  }

  private close(): void {
    this.depth--;
    if (this.depth === 0) {
      this.rootClosed = true;
      return;
    }
    if (this.depth !== 1) return;
    try {
      this.recorder.record(this.sample, this.sampleLine);
      // A Transaction Controller sample with its samplers nested in it ("Generate parent sample") is the
      // transaction alone; one without them has its samplers beside it as samples of their own.
      if (!this.nested && isTransactionSample(this.sample)) this.recorder.transactionBesideItsRequests(this.sample, this.sampleLine, true);
    } catch (err) {
      if (err instanceof IngestError) this.failure = err;
      throw err;
    }
    this.samples++;
    this.lastCompleteLine = this.xml.line;
  }

  /** Raises an error about the current sample from inside a saxes handler. */
  private fail(message: string): never {
    this.failure = this.error(message, this.depth >= 2 ? this.sampleLine : this.xml.line);
    throw this.failure;
  }

  private error(message: string, line?: number, cause?: unknown): IngestError {
    return new IngestError(this.file, message, { ...(line !== undefined ? { line } : {}), ...(cause !== undefined ? { cause } : {}) });
  }
}

/** Streams one JMeter XML results file from `source` into `sink`. */
export async function readJmeterXml(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult> {
  const parser = new JmeterXmlParser(file, sink, warn);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated);
}

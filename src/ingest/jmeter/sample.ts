import { excerpt, IngestError } from '../errors.js';
import { TagCache, type PointSink, type TagEntry } from '../point-sink.js';
import { JMETER_METRIC_NAMES, type JmeterMetricName } from './metrics.js';

/**
 * One JMeter sample as both readers give it (CSV row, top-level XML element). Numbers a file does not
 * hold (a column not saved, an empty field) are NaN and give no point.
 */
export interface JmeterSample {
  /** `timeStamp` / `ts`, epoch ms: when the sample started (see `sampleTime`). */
  startMs: number;
  /** `elapsed` / `t`, ms. */
  elapsed: number;
  /** `label` / `lb`: the sampler's name, the endpoint. */
  label: string;
  /** `responseCode` / `rc`: an HTTP status, or JMeter's `Non HTTP response code: <exception class>`. */
  responseCode: string;
  /** `responseMessage` / `rm`, only used to recognise transaction controller samples. */
  responseMessage: string;
  /** `threadName` / `tn`: `<thread group> <group number>-<thread number>`. */
  threadName: string;
  /** `success` / `s`. */
  success: boolean;
  Latency: number;
  Connect: number;
  bytes: number;
  sentBytes: number;
  allThreads: number;
}

/** A sample with every optional number absent, to fill in. */
export function emptySample(): JmeterSample {
  return { startMs: Number.NaN, elapsed: Number.NaN, label: '', responseCode: '', responseMessage: '', threadName: '', success: true, Latency: Number.NaN, Connect: Number.NaN, bytes: Number.NaN, sentBytes: Number.NaN, allThreads: Number.NaN };
}

/**
 * The time of a sample's points: its end, `timeStamp + elapsed`. JMeter's shipped `bin/jmeter.properties`
 * sets `sampleresult.timestamp.start=true`, so `timeStamp` is when the sample started; k6 stamps a
 * request's points when it ends, and JMeter writes a sample to the file when it ends, so end times follow
 * the file's order, as the run builder expects of points. (With `sampleresult.timestamp.start=false`,
 * JMeter's code default, `timeStamp` is already the end, and points land `elapsed` ms late: windows
 * shift, no count or latency changes.)
 */
export function sampleTime(s: JmeterSample): number {
  return s.startMs + s.elapsed;
}

/** JMeter's thread number after the thread group's name: `Thread Group 1-3` → `Thread Group`. */
export function threadGroupOf(threadName: string): string {
  const m = THREAD_NUMBER.exec(threadName);
  return m ? threadName.slice(0, m.index) : threadName;
}

/**
 * The error_code of a sample that got no HTTP response: JMeter writes `Non HTTP response code: <Java
 * exception class>` (e.g. `java.net.SocketTimeoutException`), a small set of clean names. Undefined for
 * any other code.
 */
export function nonHttpErrorCode(responseCode: string): string | undefined {
  if (!responseCode.startsWith(NON_HTTP)) return undefined;
  const name = responseCode.slice(NON_HTTP.length).trim();
  return JAVA_CLASS.test(name) ? name : undefined;
}

/**
 * A sample written by a Transaction Controller (its responseMessage is JMeter's "Number of samples in
 * transaction : N, number of failing samples : M"): a transaction, counted as one sample like every other.
 */
export function isTransactionSample(s: JmeterSample): boolean {
  return s.responseMessage.startsWith(TRANSACTION);
}

/**
 * Turns JMeter samples into points: `elapsed`, `samples` (1), `failed` (1 or 0) and, where the file has
 * them, `Latency`, `Connect`, `bytes`, `sentBytes` and `allThreads`, all at the sample's end
 * (`sampleTime`), with tags `name` and `label` (the label), `status` (an HTTP code) or `error_code` (a
 * Non HTTP exception class), and `thread_group`.
 */
export class SampleRecorder {
  /** Builder ids of the metrics, by JMETER_METRIC_NAMES index (-1 until the first point). */
  private readonly ids: number[] = JMETER_METRIC_NAMES.map(() => -1);
  private readonly tagCache = new TagCache();
  private transactionsWarned = false;

  constructor(
    private readonly file: string,
    private readonly sink: PointSink,
    private readonly warn: (message: string) => void,
  ) {}

  /** Records `s`, read at `line`. @throws IngestError when `elapsed` or `timeStamp` is missing or a number is impossible. */
  record(s: JmeterSample, line: number): void {
    if (Number.isNaN(s.startMs)) throw new IngestError(this.file, 'the sample has no timeStamp', { line });
    if (!(s.elapsed >= 0)) throw new IngestError(this.file, `elapsed ${Number.isNaN(s.elapsed) ? 'is missing' : `is ${s.elapsed}, a negative time`}; JMeter writes whole milliseconds ≥ 0: correct or remove the sample`, { line });
    const group = threadGroupOf(s.threadName);
    const key = `${s.label}\u0000${s.responseCode}\u0000${group}`;
    const entry = this.tagCache.get(key) ?? this.tagCache.add(key, this.tags(s, group));
    const time = sampleTime(s);
    this.point(entry, 'elapsed', time, s.elapsed);
    this.point(entry, 'samples', time, 1);
    this.point(entry, 'failed', time, s.success ? 0 : 1);
    this.optional(entry, 'Latency', time, s.Latency, line);
    this.optional(entry, 'Connect', time, s.Connect, line);
    this.optional(entry, 'bytes', time, s.bytes, line);
    this.optional(entry, 'sentBytes', time, s.sentBytes, line);
    this.optional(entry, 'allThreads', time, s.allThreads, line);
  }

  /**
   * Warns once per file of a Transaction Controller sample that is (`certain`) or may be (a CSV row) written
   * beside the samples of its samplers: it counts as one sample, like JMeter's own reports count it, so
   * the metrics of all samples count the transaction and its requests.
   */
  transactionBesideItsRequests(s: JmeterSample, line: number, certain: boolean): void {
    if (this.transactionsWarned) return;
    this.transactionsWarned = true;
    const which = certain ? 'are written beside the samples of their samplers' : "may be written beside the samples of their samplers (unless the controller's \"Generate parent sample\" is on)";
    this.warn(
      `${this.file}: Transaction Controller samples (the first '${excerpt(s.label)}', line ${line}) ${which}: each counts as one sample, as in JMeter's own reports, ` +
        'so the metrics of all samples count a transaction and its requests; the transaction has a scope of its own (its label)',
    );
  }

  private tags(s: JmeterSample, group: string): Record<string, string> {
    const tags: Record<string, string> = {};
    if (s.label !== '') {
      tags['name'] = s.label;
      tags['label'] = s.label;
    }
    const errorCode = nonHttpErrorCode(s.responseCode);
    if (errorCode !== undefined) tags['error_code'] = errorCode;
    else if (s.responseCode !== '') tags['status'] = s.responseCode;
    if (group !== '') tags['thread_group'] = group;
    return tags;
  }

  private optional(entry: TagEntry, metric: JmeterMetricName, time: number, value: number, line: number): void {
    if (Number.isNaN(value)) return;
    if (value < 0) throw new IngestError(this.file, `${metric} is ${value}, below 0, which JMeter never writes; correct or remove the sample`, { line });
    this.point(entry, metric, time, value);
  }

  private point(entry: TagEntry, metric: JmeterMetricName, time: number, value: number): void {
    const index = METRIC_INDEX[metric];
    let id = this.ids[index]!;
    if (id < 0) {
      id = this.sink.metricFor(metric, 'is a JMeter metric', false);
      this.ids[index] = id;
    }
    const targets = entry.targets[id] ?? this.sink.targets(entry, id);
    this.sink.builder.point(targets, time, value);
  }
}

/**
 * A whole number field of a JMeter result (`elapsed`, `bytes`, …) as a number: NaN for an empty field;
 * an error sentence when it is not a number.
 */
export function numberField(raw: string, name: string): number | string {
  if (raw === '') return Number.NaN;
  // Decimal digits only: Number() would also take '0x10', '1e3' and ' 5', which JMeter never writes.
  if (DECIMAL.test(raw)) return Number(raw);
  return `${name} '${excerpt(raw, 30)}' is not a number`;
}

/** JMeter's `success` field: `true` / `false` (any case). Undefined for anything else. */
export function successField(raw: string): boolean | undefined {
  const v = raw.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

const METRIC_INDEX = Object.fromEntries(JMETER_METRIC_NAMES.map((name, i) => [name, i])) as Record<JmeterMetricName, number>;
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,9})?$/;
const THREAD_NUMBER = / \d+-\d+$/;
const NON_HTTP = 'Non HTTP response code:';
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const TRANSACTION = 'Number of samples in transaction : ';

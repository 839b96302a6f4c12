import { type PointSink } from '../point-sink.js';
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
export declare function emptySample(): JmeterSample;
/**
 * The time of a sample's points: its end, `timeStamp + elapsed`. JMeter's shipped `bin/jmeter.properties`
 * sets `sampleresult.timestamp.start=true`, so `timeStamp` is when the sample started; k6 stamps a
 * request's points when it ends, and JMeter writes a sample to the file when it ends, so end times follow
 * the file's order, as the run builder expects of points. (With `sampleresult.timestamp.start=false`,
 * JMeter's code default, `timeStamp` is already the end, and points land `elapsed` ms late: windows
 * shift, no count or latency changes.)
 */
export declare function sampleTime(s: JmeterSample): number;
/** JMeter's thread number after the thread group's name: `Thread Group 1-3` → `Thread Group`. */
export declare function threadGroupOf(threadName: string): string;
/**
 * The error_code of a sample that got no HTTP response: JMeter writes `Non HTTP response code: <Java
 * exception class>` (e.g. `java.net.SocketTimeoutException`), a small set of clean names. Undefined for
 * any other code.
 */
export declare function nonHttpErrorCode(responseCode: string): string | undefined;
/**
 * A sample written by a Transaction Controller (its responseMessage is JMeter's "Number of samples in
 * transaction : N, number of failing samples : M"): a transaction, counted as one sample like every other.
 */
export declare function isTransactionSample(s: JmeterSample): boolean;
/**
 * Turns JMeter samples into points: `elapsed`, `samples` (1), `failed` (1 or 0) and, where the file has
 * them, `Latency`, `Connect`, `bytes`, `sentBytes` and `allThreads`, all at the sample's end
 * (`sampleTime`), with tags `name` and `label` (the label), `status` (an HTTP code) or `error_code` (a
 * Non HTTP exception class), and `thread_group`.
 */
export declare class SampleRecorder {
    private readonly file;
    private readonly sink;
    private readonly warn;
    /** Builder ids of the metrics, by JMETER_METRIC_NAMES index (-1 until the first point). */
    private readonly ids;
    private readonly tagCache;
    private transactionsWarned;
    constructor(file: string, sink: PointSink, warn: (message: string) => void);
    /** Records `s`, read at `line`. @throws IngestError when `elapsed` or `timeStamp` is missing or a number is impossible. */
    record(s: JmeterSample, line: number): void;
    /**
     * Warns once per file of a Transaction Controller sample that is (`certain`) or may be (a CSV row) written
     * beside the samples of its samplers: it counts as one sample, like JMeter's own reports count it, so
     * the metrics of all samples count the transaction and its requests.
     */
    transactionBesideItsRequests(s: JmeterSample, line: number, certain: boolean): void;
    private tags;
    private optional;
    private point;
}
/**
 * A whole number field of a JMeter result (`elapsed`, `bytes`, …) as a number: NaN for an empty field;
 * an error sentence when it is not a number.
 */
export declare function numberField(raw: string, name: string): number | string;
/** JMeter's `success` field: `true` / `false` (any case). Undefined for anything else. */
export declare function successField(raw: string): boolean | undefined;

import type { ByteSource } from '../byte-source.js';
import type { PointSink } from '../point-sink.js';
import type { StreamResult } from '../reader.js';
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
export declare class JmeterCsvParser {
    private readonly file;
    private readonly warn;
    private readonly records;
    private layout;
    private readonly recorder;
    private readonly sample;
    private zoneWarned;
    constructor(file: string, sink: PointSink, warn: (message: string) => void);
    push(chunk: Buffer): void;
    finish(truncatedStream: boolean): StreamResult;
    private record;
    private header;
    private overflow;
    private error;
}
/** Streams one JMeter CSV results file from `source` into `sink`. */
export declare function readJmeterCsv(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult>;

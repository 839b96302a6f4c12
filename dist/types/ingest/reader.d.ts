import type { MetricRoles } from '../document/roles.js';
import type { MetricType, RunDocument } from '../document/run-document.js';
import type { ByteSource } from './byte-source.js';
import type { PointSink } from './point-sink.js';
/** What reading one stream file found besides its points. */
export interface StreamResult {
    /** Lines read (the cut-off last line of a partial file not counted). */
    readonly lines: number;
    /** Read only up to a break (truncated gzip stream or cut-off last line). */
    readonly partial: boolean;
}
export type { MetricRoles };
/** The first part of a file, decompressed, for recognising it. */
export interface Head {
    readonly text: string;
    /** Its first line that is not blank. */
    readonly firstLine: string;
}
/** What the caller knows about a summary file besides its content. */
export interface SummaryFileInfo {
    readonly file: string;
    readonly lines: number;
    /** When the file was written: a summary is written at the end of the test. */
    readonly mtimeMs: number;
    readonly stage?: string;
    readonly labels?: Record<string, string>;
    readonly gitSha?: string;
}
interface ReaderBase {
    /** The `format` of the document's sources: `k6-ndjson`, `jmeter-csv`, … */
    readonly format: string;
    /** The load tool it reads, recorded as the document's `meta.tool`. */
    readonly tool: string;
    readonly roles: MetricRoles;
    /** Metric types the tool defines, for inputs that do not state them (CSV, a missing declaration). */
    readonly knownMetrics: ReadonlyMap<string, {
        readonly type: MetricType;
        readonly contains: 'time' | 'data' | 'default';
    }>;
}
/** A format read as a stream of lines in constant memory (k6 NDJSON and CSV, JMeter's CSV JTL, …). */
export interface StreamReader extends ReaderBase {
    readonly kind: 'stream';
    sniff(head: Head): boolean;
    read(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult>;
}
/** A format that is one JSON document of aggregates (k6's end-of-test summaries, …). */
export interface SummaryReader extends ReaderBase {
    readonly kind: 'summary';
    sniff(value: Record<string, unknown>): boolean;
    read(value: Record<string, unknown>, info: SummaryFileInfo): RunDocument;
}
/**
 * One input format of one load tool: how to recognise it and how to read it into a run document. Add a
 * tool by writing a folder of readers (src/ingest/<tool>/) and listing them in readers.ts.
 */
export type Reader = StreamReader | SummaryReader;

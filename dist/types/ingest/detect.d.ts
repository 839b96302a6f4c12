import type { Reader, StreamReader, SummaryReader } from './reader.js';
/** What an input is: a stream a reader follows line by line, a summary document a reader reads, or a run document. */
export type Detected = {
    readonly kind: 'stream';
    readonly reader: StreamReader;
    readonly format: string;
    readonly gzip: boolean;
} | {
    readonly kind: 'summary';
    readonly reader: SummaryReader;
    readonly format: string;
    readonly gzip: boolean;
    readonly value: Record<string, unknown>;
    readonly lines: number;
} | {
    readonly kind: 'run-document';
    readonly format: 'run-document';
    readonly gzip: boolean;
    readonly value: Record<string, unknown>;
    readonly lines: number;
};
/**
 * Recognises an input from its content (the extension is not trusted): gzip magic → decompressed;
 * first line `{"type":"Metric"…` / `{"metric":…` → k6 NDJSON; header `metric_name,timestamp,metric_value…`
 * → k6 CSV; header `timeStamp,…elapsed…label…` → JMeter CSV; `<testResults` → JMeter XML; a JSON object with `schema: "perf-gate/run@1"` → run document, with `metrics` and `state` or
 * `options` → handleSummary, with `metrics` and `root_group` → summary-export, with a `results.metrics` list →
 * k6's machine-readable summary (`--new-machine-readable-summary`).
 *
 * @throws IngestError naming the file: missing, a directory, empty, or not one of the accepted formats.
 */
export declare function detectFormat(file: string, readers?: readonly Reader[]): Promise<Detected>;

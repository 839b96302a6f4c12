import type { ByteSource } from '../byte-source.js';
import type { StreamResult } from '../reader.js';
import { type PointSink } from '../point-sink.js';
/**
 * Streams k6 `--out csv` output into a RunBuilder: `metric_name,timestamp,metric_value,<tag columns…>,
 * extra_tags,metadata`. Empty tag columns mean "tag absent"; `extra_tags` holds the other tags as
 * `k=v&k=v` (written by k6 without escaping); `metadata` is ignored. Timestamps are Unix seconds (k6's
 * default), milliseconds, microseconds or nanoseconds (told apart by magnitude) or RFC 3339. CSV has no
 * metric types: k6's built-in metrics have known types, other metrics are read as trends with a warning.
 */
export declare class K6CsvParser {
    private readonly file;
    private readonly sink;
    private readonly records;
    private layout;
    private readonly tagCache;
    private readonly metricIds;
    private readonly times;
    constructor(file: string, sink: PointSink);
    push(chunk: Buffer): void;
    finish(truncatedStream: boolean, warn: (message: string) => void): StreamResult;
    private record;
    private header;
    private tags;
    private time;
    private overflow;
    private error;
}
/** Streams one k6 CSV file from `source` into `sink`. */
export declare function readK6Csv(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult>;

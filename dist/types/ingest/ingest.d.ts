import { type RunDocument } from '../document/run-document.js';
import { type PointObserver } from './observed-builder.js';
import { ByteSource } from './byte-source.js';
import type { Reader, StreamReader } from './reader.js';
export interface IngestOptions {
    /** Tags that split every metric into scopes (default `['name']`: one scope per endpoint). */
    readonly groupBy?: readonly string[];
    /** Window width in seconds, or 'auto' (default). */
    readonly window?: 'auto' | number;
    /** The stage this run belongs to (smoke, load, …), recorded in the document. */
    readonly stage?: string;
    readonly labels?: Record<string, string>;
    readonly gitSha?: string;
    /** A file of the target's memory samples (see docs/ingest.md), attached as `memory`. */
    readonly memory?: string;
    /** Submetrics to keep beyond those k6 declared (e.g. the gate's thresholds). */
    readonly submetrics?: readonly {
        readonly metric: string;
        readonly tags: Readonly<Record<string, string>>;
    }[];
    /**
     * At most this many values of each `groupBy` tag get scopes of their own (those with the most requests);
     * the others are grouped into one `(other)` scope per metric, with a warning (default 500; config `maxScopes`).
     */
    readonly maxScopes?: number;
    /** Called with the total number of input bytes read so far (compressed bytes for .gz). */
    readonly onProgress?: (bytes: number) => void;
    /** The formats to recognise; default every reader (readers.ts). */
    readonly readers?: readonly Reader[];
    /**
     * Build the run in a worker thread while this one parses: 'auto' (default) for inputs of about 32 MB of
     * text or more, on three or more cores, when the bundle's dist/ingest-worker.js is there; 'always'; or 'never'. The document is
     * the same either way; only the time differs.
     */
    readonly builderThread?: 'auto' | 'always' | 'never';
}
/**
 * Reads the outputs of one run into one run document. Several k6 NDJSON/CSV files are shards of the same
 * run and go into one builder; a run document is returned as it is (several are merged); a summary
 * (`--summary-export`, `handleSummary`) gives an aggregate-only document and stands alone.
 *
 * @throws IngestError naming the file (and line) of any input that cannot be read.
 * @example
 * const doc = await ingestFiles(['smoke.ndjson.gz'], { stage: 'smoke', memory: 'smoke.memory.csv' });
 */
export declare function ingestFiles(paths: readonly string[], options?: IngestOptions): Promise<RunDocument>;
/** One stream input, already open: the name it is known by (in `meta.sources` and messages), its reader and its bytes. */
export interface StreamInput {
    readonly file: string;
    readonly reader: StreamReader;
    readonly source: ByteSource;
}
/**
 * Reads stream inputs (shards of one run, from one tool) into one run document exactly as ingestFiles
 * reads the same bytes from files: same builder, same warnings, same sources. For bytes that are not a
 * file on disk yet — k6's output read through a FIFO while k6 runs (engine/k6-live-output.ts). `onProgress`
 * is not called (the caller owns the stream); `memory` is attached as by ingestFiles.
 *
 * @throws IngestError naming the input (and line) that cannot be read.
 * @example
 * const doc = await ingestSources([{ file: 'smoke.ndjson', reader: K6_NDJSON_READER, source: ByteSource.fromStream('smoke.ndjson', socket) }], { stage: 'smoke' });
 */
export declare function ingestSources(inputs: readonly StreamInput[], options?: IngestOptions, watch?: SnapshotWatch): Promise<RunDocument>;
/**
 * Handed a way to see the run so far while the inputs are still being read (a sequential stage's look at
 * k6's live output): `snapshot()` is the document of every point read up to now, as `finish` would give it
 * at this moment; reading goes on afterwards. Offered only where the builder runs in this thread (streams).
 */
export interface SnapshotWatch {
    ready?(snapshot: () => RunDocument): void;
    /** Sees every point as it is built (a live progress view), without a parse of its own. */
    readonly points?: PointObserver;
}

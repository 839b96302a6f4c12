import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { mergeRuns, MergeError } from '../document/merge.js';
import type { PointBuilder } from '../document/point-builder.js';
import { RunBuilder, type RunBuilderOptions, type RunInfo } from '../document/run-builder.js';
import { RUN_DOCUMENT_SCHEMA, RunDocumentSchema, type RunDocument, type Source } from '../document/run-document.js';
import { builderThreadAvailable, startBuilderThread, type BuilderThread } from './builder-thread.js';
import { ObservedBuilder, type PointObserver } from './observed-builder.js';
import { ByteSource } from './byte-source.js';
import { detectFormat, type Detected } from './detect.js';
import { IngestError } from './errors.js';
import { readMemoryFile } from './memory.js';
import { PointSink } from './point-sink.js';
import type { Reader, StreamReader } from './reader.js';
import { zodMessage } from './zod-message.js';

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
  readonly submetrics?: readonly { readonly metric: string; readonly tags: Readonly<Record<string, string>> }[];
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

/** Inputs from this many bytes of text on get a builder thread under 'auto' (starting one costs ~30 ms). */
const THREAD_MIN_BYTES = 32e6;
/** Cores from which 'auto' builds in a thread of its own. */
const MIN_THREAD_CORES = 3;
/** What a gzipped input is reckoned to hold per byte, for that threshold (k6 NDJSON compresses 10–25×). */
const GZIP_RATIO = 8;

const MIXED =
  'cannot be combined with the other inputs: give either point outputs of one load tool (k6 NDJSON/CSV or JMeter CSV/XML results, several shards of one run allowed), ' +
  'or one k6 summary, or perf-gate run documents';

/**
 * Reads the outputs of one run into one run document. Several k6 NDJSON/CSV files are shards of the same
 * run and go into one builder; a run document is returned as it is (several are merged); a summary
 * (`--summary-export`, `handleSummary`) gives an aggregate-only document and stands alone.
 *
 * @throws IngestError naming the file (and line) of any input that cannot be read.
 * @example
 * const doc = await ingestFiles(['smoke.ndjson.gz'], { stage: 'smoke', memory: 'smoke.memory.csv' });
 */
export async function ingestFiles(paths: readonly string[], options: IngestOptions = {}): Promise<RunDocument> {
  if (paths.length === 0) throw new IngestError('<inputs>', 'no input files: give the k6 output of the run (`k6 run --out json=run.ndjson.gz`) or JMeter\'s results (`jmeter -n -t plan.jmx -l results.jtl`)');
  checkOptions(options);
  const inputs: { file: string; detected: Detected }[] = [];
  for (const file of paths) inputs.push({ file, detected: await detectFormat(file, options.readers) });

  const documents = inputs.filter((i) => i.detected.format === 'run-document');
  const summaries = inputs.filter((i) => i.detected.kind === 'summary');
  const streams = inputs.filter((i) => i.detected.kind === 'stream');

  let doc: RunDocument;
  if (documents.length > 0) {
    const other = inputs.find((i) => i.detected.format !== 'run-document');
    if (other) throw new IngestError(other.file, `is a ${other.detected.format} file, which ${MIXED}`);
    doc = mergeDocuments(documents.map((d) => ({ file: d.file, doc: runDocument(d.file, d.detected) })));
  } else if (summaries.length > 0) {
    const other = inputs.find((i) => i !== summaries[0]);
    if (other) {
      throw new IngestError(other.file, `is given with the summary ${summaries[0]!.file}; a summary holds aggregates only (percentiles cannot be added up), so it ${MIXED}`);
    }
    const { file, detected } = summaries[0]!;
    if (detected.kind !== 'summary') throw new Error('unreachable: summary input without a summary reader');
    doc = detected.reader.read(detected.value, {
      file,
      lines: detected.lines,
      mtimeMs: (await stat(file)).mtimeMs,
      ...(options.stage !== undefined ? { stage: options.stage } : {}),
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.gitSha !== undefined ? { gitSha: options.gitSha } : {}),
    });
  } else {
    const files = streams.flatMap((s) => (s.detected.kind === 'stream' ? [{ file: s.file, reader: s.detected.reader, gzip: s.detected.gzip }] : []));
    const tools = new Set(files.map((f) => f.reader.tool));
    if (tools.size > 1) {
      const first = files[0]!;
      const other = files.find((f) => f.reader.tool !== first.reader.tool)!;
      throw new IngestError(other.file, `is ${other.reader.tool} output, given with ${first.reader.tool} output (${first.file}): shards of one run come from one load tool`);
    }
    let total = 0;
    const onBytes = options.onProgress
      ? (n: number): void => {
          total += n;
          options.onProgress!(total);
        }
      : undefined;
    doc = await buildFromSources(files.map((f) => ({ file: f.file, reader: f.reader, source: new ByteSource(f.file, f.gzip, onBytes) })), options);
  }
  if (options.memory !== undefined) doc.memory = await readMemoryFile(options.memory);
  return doc;
}

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
export async function ingestSources(inputs: readonly StreamInput[], options: IngestOptions = {}, watch?: SnapshotWatch): Promise<RunDocument> {
  if (inputs.length === 0) throw new IngestError('<inputs>', 'no inputs: give the k6 output of the run');
  checkOptions(options);
  const doc = await buildFromSources(inputs, options, watch);
  if (options.memory !== undefined) doc.memory = await readMemoryFile(options.memory);
  return doc;
}

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

function checkOptions(options: IngestOptions): void {
  if (options.window !== undefined && options.window !== 'auto' && !(Number.isFinite(options.window) && options.window > 0)) {
    throw new RangeError(`ingest: window must be 'auto' or a positive number of seconds but got ${options.window}`);
  }
  if (options.maxScopes !== undefined && !(Number.isInteger(options.maxScopes) && options.maxScopes >= 1)) {
    throw new RangeError(`ingest: maxScopes must be a whole number ≥ 1 but got ${options.maxScopes}`);
  }
}

async function buildFromSources(files: readonly StreamInput[], options: IngestOptions, watch?: SnapshotWatch): Promise<RunDocument> {
  const builderOptions: RunBuilderOptions = {
    requestsMetric: files[0]!.reader.roles.requests,
    failuresMetric: files[0]!.reader.roles.failures,
    groupBy: options.groupBy ?? ['name'],
    window: options.window ?? 'auto',
    ...(options.submetrics !== undefined ? { submetrics: options.submetrics } : {}),
    ...(options.maxScopes !== undefined ? { maxScopes: options.maxScopes } : {}),
  };
  const choice = options.builderThread ?? 'auto';
  const thread = (await wantsThread(files, choice)) ? threadOrHere(builderOptions, choice) : undefined;
  try {
    const built: PointBuilder = thread?.builder ?? new RunBuilder(builderOptions);
    const builder = watch?.points ? new ObservedBuilder(built, watch.points) : built;
    const warnings: string[] = [];
    const seen = new Set<string>();
    const warn = (message: string): void => {
      if (seen.has(message)) return;
      seen.add(message);
      warnings.push(message);
    };
    const tool = files[0]!.reader;
    const sink = new PointSink(builder, warn, tool.knownMetrics);
    const sources: Source[] = [];
    const runInfo = (read: readonly Source[]): RunInfo => ({
      tool: tool.tool,
      roles: tool.roles,
      ...(options.stage !== undefined ? { stage: options.stage } : {}),
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.gitSha !== undefined ? { gitSha: options.gitSha } : {}),
      sources: [...read],
      warnings: [...warnings],
    });
    // The inputs being read count as whole so far: a look sees whole lines only.
    if (watch?.ready && !thread) watch.ready(() => (built as RunBuilder).finish(runInfo(files.map((f) => ({ file: f.file, format: f.reader.format, lines: 0, partial: false })))));
    for (const f of files) {
      const result = await f.reader.read(f.file, f.source, sink, warn);
      sources.push({ file: f.file, format: f.reader.format, lines: result.lines, partial: result.partial });
    }
    if (builder.points === 0) warn(`no points in ${files.map((f) => f.file).join(', ')}: the test recorded no samples`);
    const info = runInfo(sources);
    return thread ? await thread.builder.finish(info) : (built as RunBuilder).finish(info);
  } finally {
    await thread?.close();
  }
}

/** A builder thread, or (for 'auto') undefined when none can start: the thread saves time, it is not needed. */
function threadOrHere(options: RunBuilderOptions, choice: 'auto' | 'always' | 'never'): BuilderThread | undefined {
  try {
    return startBuilderThread(options);
  } catch (err) {
    if (choice === 'always') throw err;
    return undefined;
  }
}

/** Whether to build in a worker thread (IngestOptions.builderThread). */
async function wantsThread(files: readonly StreamInput[], choice: 'auto' | 'always' | 'never'): Promise<boolean> {
  switch (choice) {
    case 'never':
      return false;
    case 'always':
      if (!builderThreadAvailable()) throw new Error("ingest: builderThread 'always' needs the bundle's dist/ingest-worker.js next to the running code (run dist/cli.js, not the TypeScript source)");
      return true;
    case 'auto': {
      // Two cores are not enough: V8's compiler and GC threads already take most of the second while one
      // thread ingests, so a builder thread added CPU (0.62 → 0.74 s) and no speed (plain 302 MB: 0.43 s
      // alone, 0.45 s with it; bench:ingest, docs/ingest.md).
      if (!builderThreadAvailable() || availableParallelism() < MIN_THREAD_CORES) return false;
      let bytes = 0;
      // A stream (k6's output through a FIFO while k6 runs) arrives at k6's pace: the main thread waits on
      // k6, not on parsing, so a builder thread would gain nothing there.
      for (const f of files) bytes += f.source.streamed ? 0 : (await stat(f.file)).size * (f.source.gzip ? GZIP_RATIO : 1);
      return bytes >= THREAD_MIN_BYTES;
    }
  }
}

/** A perf-gate run document input, validated. */
function runDocument(file: string, detected: Detected): RunDocument {
  if (detected.kind !== 'run-document') throw new Error('unreachable: run document without JSON content');
  const schema = detected.value.schema;
  if (schema !== RUN_DOCUMENT_SCHEMA) {
    throw new IngestError(file, `is a perf-gate run document of schema '${String(schema)}', but this perf-gate reads '${RUN_DOCUMENT_SCHEMA}': use the perf-gate version that wrote it, or ingest the k6 output again`);
  }
  const parsed = RunDocumentSchema.safeParse(detected.value);
  if (!parsed.success) throw new IngestError(file, `is not a valid perf-gate run document: ${zodMessage(parsed.error)}; write it again with \`perf-gate ingest\``);
  return parsed.data;
}

function mergeDocuments(inputs: readonly { file: string; doc: RunDocument }[]): RunDocument {
  if (inputs.length === 1) return inputs[0]!.doc;
  try {
    return mergeRuns(inputs.map((i) => i.doc), { names: inputs.map((i) => i.file) });
  } catch (err) {
    if (err instanceof MergeError) {
      throw new IngestError(inputs.map((i) => i.file).join(', '), `cannot merge these run documents: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

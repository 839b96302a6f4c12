/**
 * Run documents for a merge, read with their window series parsed one at a time, when each is read.
 *
 * A merge folds each series into running totals and drops it (document/run-merger.ts). Parsed whole, each
 * shard document is text and objects that outlive several young-generation collections and pile up in the
 * old one: the merge of 64 shards (npm run bench:merge) peaked at some 210 MB. Read here, the document's
 * head (meta, metrics, scopes) is parsed and validated as `ingestFiles` does, and each series is parsed
 * from its slice of the file's bytes (ingest/run-document-slices.ts) and checked against its scope's type
 * when the merger reads it.
 *
 * What this reader cannot vouch for is left to `ingestFiles`, which reads the file whole and says what is
 * wrong with it: a gzipped file, any other format, a head the schema refuses, a layout the slicer cannot
 * follow (undefined, before anything is folded). A series that does not parse or fit is found only while
 * the merger folds, so it throws LazySeriesError, and {@link withLazyDocuments} runs the whole merge again
 * on whole documents, where the same file gets its usual message.
 */
import { open } from 'node:fs/promises';
import { isSeriesOf, RUN_DOCUMENT_SCHEMA, RunDocumentSchema, type RunDocument, type Window } from '../document/run-document.js';
import { ingestFiles } from './ingest.js';
import { sliceRunDocument } from './run-document-slices.js';

/** A series of a lazily read document did not parse, or did not fit its scope: read the documents whole. */
export class LazySeriesError extends Error {
  override name = 'LazySeriesError';
}

/** How a merge reads each of its documents. */
export type ReadDocument = (file: string) => Promise<RunDocument>;

/**
 * Runs `merge` with a reader of lazily read documents; when a series turns out unreadable, runs it again
 * from the start with whole documents (`ingestFiles`), so what is refused is refused as without this reader.
 * The merged document it returns is a plain one (a single document's series are parsed into it).
 */
export async function withLazyDocuments(merge: (read: ReadDocument) => Promise<RunDocument>): Promise<RunDocument> {
  const buffers = new ReadBuffers();
  let merged: RunDocument;
  try {
    merged = await merge(async (file) => (await readLazyRunDocument(file, buffers)) ?? ingestFiles([file], {}));
    // Read while the buffers still hold it: a merge of one document returns that document.
    merged = { ...merged, windows: { ...merged.windows, series: { ...merged.windows.series } } };
  } catch (err) {
    if (!(err instanceof LazySeriesError)) throw err;
    return merge((file) => ingestFiles([file], {}));
  }
  return merged;
}

/** Larger files are read whole by ingestFiles: a run document is tens of MB, and this may be k6's NDJSON. */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * The bytes of the last two files read, in two buffers used in turn. Freshly allocated, each file's bytes
 * were native memory freed only when a full collection found their Buffer dead, which came rarely once the
 * series no longer filled the heap: 64 shards' bytes left 30 MB in the process. A merger holds at most two
 * documents unfolded (the first until the second comes); a document read after its buffer was reused is
 * told by its generation, and throws LazySeriesError.
 */
export class ReadBuffers {
  private readonly buffers = [Buffer.alloc(0), Buffer.alloc(0)];
  private readonly generations = [0, 0];
  private next = 0;

  /** The bytes of `file`, and a check that they are still there; undefined past MAX_BYTES. */
  async read(file: string): Promise<{ bytes: Buffer; current: () => boolean } | undefined> {
    const handle = await open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      if (size > MAX_BYTES) return undefined;
      const k = this.next;
      this.next = 1 - k;
      if (this.buffers[k]!.length < size) this.buffers[k] = Buffer.allocUnsafe(size);
      const buffer = this.buffers[k]!;
      const generation = ++this.generations[k]!;
      let filled = 0;
      while (filled < size) {
        const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return { bytes: buffer.subarray(0, filled), current: () => this.generations[k] === generation };
    } finally {
      await handle.close();
    }
  }
}

/**
 * The run document in `file` with its head validated and its series parsed when read (each read parses
 * again: the merger reads each once, and keeping them would keep the whole document); undefined when it
 * is not a plain run document this reader can slice.
 * @throws LazySeriesError when a series is read that does not parse, does not fit its scope, or whose
 *   bytes were replaced by a later read.
 */
export async function readLazyRunDocument(file: string, buffers = new ReadBuffers()): Promise<RunDocument | undefined> {
  let read: { bytes: Buffer; current: () => boolean } | undefined;
  try {
    read = await buffers.read(file);
  } catch {
    return undefined;
  }
  if (read === undefined) return undefined;
  const { bytes, current } = read;
  const slices = sliceRunDocument(bytes);
  if (slices === undefined) return undefined;
  let head: unknown;
  try {
    head = JSON.parse(slices.head);
  } catch {
    return undefined;
  }
  if (typeof head !== 'object' || head === null || (head as { schema?: unknown }).schema !== RUN_DOCUMENT_SCHEMA) return undefined;
  const parsed = RunDocumentSchema.safeParse(head);
  if (!parsed.success) return undefined;
  const doc = parsed.data;
  if (Object.keys(doc.windows.series).length > 0) return undefined; // a second `series` the slicer did not see
  const series = doc.windows.series;
  for (const slice of slices.series) {
    const scope = doc.scopes[slice.name];
    if (!scope || Object.hasOwn(series, slice.name)) return undefined; // a series without a scope, or named twice
    Object.defineProperty(series, slice.name, {
      enumerable: true,
      configurable: true,
      get(): Window[] {
        if (!current()) throw new LazySeriesError(`${file}: series '${slice.name}' read after its bytes were replaced`);
        let windows: unknown;
        try {
          windows = JSON.parse(bytes.toString('utf8', slice.start, slice.end));
        } catch (err) {
          throw new LazySeriesError(`${file}: series '${slice.name}' does not parse`, { cause: err });
        }
        if (!isSeriesOf(scope.type, windows)) throw new LazySeriesError(`${file}: series '${slice.name}' holds windows that are not ${scope.type} windows`);
        return windows;
      },
    });
  }
  return doc;
}

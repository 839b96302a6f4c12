/**
 * k6's `--out json` read while k6 runs, through a named pipe (FIFO) at the path k6 is given, straight into
 * the run builder: no file grows on disk, and the run document is ready as soon as k6 has exited.
 *
 * What k6 does with the path (v1.8.1 and v2.2.0, strace): `openat(path, O_RDWR|O_CREAT|O_TRUNC)` — Go's
 * `os.Create` — then only `write`s; no seek, no truncate. On a FIFO, O_TRUNC is ignored and O_RDWR never
 * blocks, so k6 starts whether or not a reader is there, and it is a reader of its own pipe: it never gets
 * EPIPE, its writes block once the pipe's buffer is full. Hence the rules here: open our end before k6
 * starts (data written with no reader open is lost when k6 closes), read until k6 has exited (a reader that
 * stopped early would stall k6), and never give k6 a `.gz` name (k6 then gzips; the FIFO gets a plain name).
 *
 * Backpressure: while the parser is busy the FIFO is not read (fifo-reader.ts), the pipe fills and k6's output goroutine
 * waits on its write; k6 keeps sampling meanwhile and buffers the samples in memory. That is acceptable:
 * the parser reads several hundred MB/s, k6 at the example API's top rate writes a few MB/s, so the pipe
 * is nearly always empty — no second buffer on our side, which would only move k6's memory into ours.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, constants, createWriteStream, openSync, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createGzip, type Gzip } from 'node:zlib';
import type { RunDocument } from '../document/run-document.js';
import { ByteSource } from '../ingest/byte-source.js';
import { ACCEPTED_FORMATS, IngestError } from '../ingest/errors.js';
import { ingestSources, type IngestOptions } from '../ingest/ingest.js';
import { K6_READERS } from '../ingest/k6/index.js';
import type { StreamReader } from '../ingest/reader.js';
import { childEnv } from './child-env.js';
import { FifoReader } from './fifo-reader.js';
import { LiveProgress } from './live-progress.js';
import type { EngineLog } from './log.js';

const execFileAsync = promisify(execFile);

/** The reader of k6's `--out json` NDJSON: the one ingestFiles picks for a `.ndjson` file. */
const K6_NDJSON_READER = K6_READERS.find((r): r is StreamReader => r.kind === 'stream' && r.format === 'k6-ndjson')!;

/** A FIFO cannot be made here (no `mkfifo`, Windows, a file system without FIFOs): k6 writes a file instead. */
export class LiveOutputUnavailable extends Error {
  override readonly name = 'LiveOutputUnavailable';
}

export interface LiveOutputOptions {
  /**
   * Where the FIFO is made and what k6 is given as `--out json=<path>`; also the input's name in the run
   * document (`meta.sources`, warnings), so it should be the file name the file path would ingest.
   */
  readonly path: string;
  /** What the document is built with: exactly what the pipeline would give ingestFiles. */
  readonly ingest: IngestOptions;
  /** A copy of the raw NDJSON as it passes, gzipped when the name ends in `.gz`. */
  readonly rawCopy?: string;
  readonly log: EngineLog;
}

/**
 * Makes the FIFO and opens our end of it (non-blocking, so no wait for k6), and starts building the run
 * document from whatever k6 writes into it. Call `drain` once k6 has exited, then `document`; always `close`.
 *
 * @throws LiveOutputUnavailable when the FIFO cannot be made (the caller falls back to a file).
 * @example
 * const live = await openLiveOutput({ path: 'work/smoke.ndjson', ingest: { stage: 'smoke' }, log });
 * try { await runK6({ …, outFile: live.path, live }); const doc = await live.document(); } finally { await live.close(); }
 */
export async function openLiveOutput(options: LiveOutputOptions): Promise<K6LiveOutput> {
  if (options.path.endsWith('.gz')) throw new RangeError(`live output: ${options.path} ends in .gz, so k6 would gzip what it writes; give the FIFO a plain name`);
  await mkdir(path.dirname(options.path), { recursive: true });
  await rm(options.path, { force: true });
  await makeFifo(options.path);
  let fd: number;
  try {
    // O_NONBLOCK: opening the read end does not wait for a writer (k6 opens it once it starts its outputs).
    fd = openSync(options.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    await rm(options.path, { force: true });
    throw new LiveOutputUnavailable(`cannot open the FIFO ${options.path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  let raw: RawCopy | undefined;
  try {
    if (options.rawCopy !== undefined) raw = await RawCopy.open(options.rawCopy);
  } catch (err) {
    closeSync(fd);
    await rm(options.path, { force: true });
    throw err;
  }
  return new K6LiveOutput(options, fd, raw);
}

/** `mkfifo -m 600 <path>` (coreutils; Node has no mkfifo). */
async function makeFifo(file: string): Promise<void> {
  if (process.platform === 'win32') throw new LiveOutputUnavailable('Windows has no FIFOs');
  try {
    await execFileAsync('mkfifo', ['-m', '600', file], { timeout: 10_000, env: childEnv({ parent: process.env }).env });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    const why = e.code === 'ENOENT' ? 'the mkfifo command is not on PATH' : (e.stderr?.trim() || e.message);
    throw new LiveOutputUnavailable(`cannot make a FIFO at ${file} (${why})`, { cause: err });
  }
}

/** The read end of k6's FIFO, the document being built from it, its progress view and its raw copy. */
export class K6LiveOutput {
  /** Fed with every point the parser reads, for the progress lines (formatProgress). */
  readonly progress = new LiveProgress();
  private lastRead: number | undefined;
  readonly path: string;
  private readonly fifo: FifoReader;
  /** Reading on after the parser gave up (see `chunks`), until k6 closes the pipe. */
  private dropping: Promise<void> | undefined;
  private readonly built: Promise<RunDocument>;
  /** The outcome of `built`, without an unhandled rejection while nobody awaits it yet. */
  private readonly settled: Promise<void>;
  private bytes = 0;
  /** The parser has asked for the first chunk (from then on `chunks` keeps the pipe flowing itself). */
  private pulled = false;
  private closed = false;
  private snapshotOf: (() => RunDocument) | undefined;
  /** Why the build failed, once it has; and who wants to know at once (the engine, to stop k6). */
  private failure: { readonly error: unknown } | undefined;
  private readonly failureListeners: ((error: unknown) => void)[] = [];

  constructor(
    options: LiveOutputOptions,
    fd: number,
    private readonly raw: RawCopy | undefined,
  ) {
    this.path = options.path;
    this.fifo = new FifoReader(fd);
    const source = ByteSource.fromStream(options.path, this.chunks());
    this.built = (async () => {
      const doc = await ingestSources([{ file: options.path, reader: K6_NDJSON_READER, source }], options.ingest, { ready: (snapshot) => (this.snapshotOf = snapshot), points: (metric) => this.progress.recorderOf(metric) });
      // What ingestFiles says of an empty file, which it refuses before any reader runs.
      if (this.bytes === 0) throw new IngestError(options.path, `is empty (k6 wrote nothing: did the test start?). ${ACCEPTED_FORMATS}`);
      return doc;
    })();
    this.settled = this.built.then(
      () => undefined,
      (error: unknown) => {
        // The build failed before it read anything (a builder that could not start): keep k6 from
        // stalling on a full pipe that nobody would read.
        if (!this.pulled) this.dropping ??= this.dropRest();
        this.failure = { error };
        for (const listener of this.failureListeners.splice(0)) listener(error);
      },
    );
  }

  /**
   * Calls `listener` once when the build fails (a line the parser refuses, a builder that cannot start),
   * at once if it already has: nothing k6 writes after that can be judged, and a caller may stop k6
   * rather than let it load the target for the rest of the stage.
   */
  onFailure(listener: (error: unknown) => void): void {
    if (this.failure) listener(this.failure.error);
    else this.failureListeners.push(listener);
  }

  /**
   * The run document of what k6 wrote so far (whole lines), while k6 runs: a sequential stage's look.
   * Undefined before the first byte arrived (nothing to see yet).
   */
  snapshot(): RunDocument | undefined {
    return this.bytes > 0 ? this.snapshotOf?.() : undefined;
  }

  /** When the last bytes from k6 were read (`performance.now()`); undefined before the first. */
  get lastByteAt(): number | undefined {
    return this.lastRead;
  }

  /** Bytes k6 wrote so far. */
  get bytesRead(): number {
    return this.bytes;
  }

  /**
   * k6 has exited: ends the stream after the last byte k6 wrote (also when k6 never opened the FIFO — a
   * script error — by opening and closing a write end ourselves, which makes the reader see end of file)
   * and waits until the document is built (or failed: `document` says how).
   */
  async drain(): Promise<void> {
    this.fifo.writerExited();
    try {
      closeSync(openSync(this.path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: our read end is already closed (k6 closed its end and everything was read).
    }
    await this.settled;
  }

  /**
   * The run document of everything k6 wrote, built with the options given; call after `drain`.
   *
   * @throws IngestError when k6's output cannot be read (or k6 wrote nothing).
   */
  async document(): Promise<RunDocument> {
    return this.built;
  }

  /** Removes the FIFO, closes our end and finishes the raw copy; safe to call on every path, twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Our end stays open until k6 is gone (drain): a FIFO without its reader would stall k6's writes.
    await rm(this.path, { force: true }).catch(() => undefined);
    await this.fifo.stop();
    await this.settled;
    await this.dropping;
    await this.raw?.end().catch(() => undefined);
  }

  /**
   * The FIFO's chunks, pulled by the parser (backpressure: nothing is read until the parser asks). Each is
   * valid until the next is asked for (one reused buffer). When the parser stops early (a line it refuses),
   * the rest is still read and dropped, so k6 is never stalled on a full pipe.
   */
  private async *chunks(): AsyncGenerator<Buffer> {
    this.pulled = true;
    let finished = false;
    try {
      for (;;) {
        const chunk = await this.fifo.next();
        if (!chunk) break;
        await this.pass(chunk);
        yield chunk;
      }
      finished = true;
    } finally {
      // The parser gave up: keep k6's pipe flowing (into the raw copy, if any) until k6 closes it.
      if (!finished) this.dropping = this.dropRest();
    }
  }

  private async dropRest(): Promise<void> {
    try {
      for (let chunk = await this.fifo.next(); chunk; chunk = await this.fifo.next()) await this.pass(chunk);
    } catch {
      // Nothing waits for these bytes any more; the document already says why the build stopped.
    }
  }

  /** A chunk on its way to the parser: counted and copied (progress sees its points as they are built). */
  private async pass(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    this.lastRead = performance.now();
    await this.raw?.write(chunk);
  }
}

/** The raw NDJSON as it passes, gzipped for a `.gz` name, written with backpressure (one chunk at a time). */
class RawCopy {
  private constructor(
    private readonly head: Gzip | WriteStream,
    private readonly file: WriteStream,
  ) {}

  static async open(target: string): Promise<RawCopy> {
    await mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const file = createWriteStream(target);
    await once(file, 'open');
    if (!target.endsWith('.gz')) return new RawCopy(file, file);
    const gzip = createGzip();
    gzip.pipe(file);
    return new RawCopy(gzip, file);
  }

  /** Resolves once the chunk has been consumed (compressed or written): its buffer is then free to reuse. */
  async write(chunk: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.head.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Ends the copy (a whole gzip member, even when k6 was killed mid-line) and waits for the file. */
  async end(): Promise<void> {
    const closed = once(this.file, 'close');
    this.head.end();
    await closed;
  }
}

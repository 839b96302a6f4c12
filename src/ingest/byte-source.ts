import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { IngestError } from './errors.js';

/** Read size from disk: large reads keep the per-chunk overhead negligible. */
const READ_CHUNK = 1 << 20;
/** Size of gunzip's output chunks. */
const INFLATE_CHUNK = 256 * 1024;

/**
 * The bytes of one input file, plain or gzipped, as Buffer chunks (lines may span chunks). A gzip
 * stream that ends early (k6 killed: zlib's "unexpected end of file") is not an error: every byte
 * inflated up to the break is delivered and `truncated` is set.
 *
 * A chunk is only valid until the consumer asks for the next one: plain files are read into two buffers
 * in turn (the next read runs while the consumer parses), so consumers copy what they keep.
 */
export class ByteSource {
  /** The gzip stream ended before its trailer. */
  truncated = false;
  private reported = 0;

  constructor(
    readonly path: string,
    readonly gzip: boolean,
    /** Called with the number of new file bytes (compressed for .gz) read since the last call. */
    private readonly onBytes?: (bytes: number) => void,
  ) {}

  /**
   * The bytes of a stream that is not a file (k6's output read through a FIFO while k6 runs), plain, under
   * the name `path` in messages. As for a file, a chunk is only valid until the next is asked for (the
   * FIFO's reader reuses its buffer).
   *
   * @example ByteSource.fromStream('smoke.ndjson', chunks) // chunks: an async generator over the FIFO
   */
  static fromStream(path: string, stream: AsyncIterable<Buffer>): ByteSource {
    const source = new ByteSource(path, false);
    source.stream = stream;
    return source;
  }

  private stream: AsyncIterable<Buffer> | undefined;

  /** The bytes come from a stream (ByteSource.fromStream), not from a file read here. */
  get streamed(): boolean {
    return this.stream !== undefined;
  }

  async *chunks(): AsyncGenerator<Buffer> {
    try {
      if (this.stream) {
        yield* this.stream;
        return;
      }
      if (!this.gzip) {
        yield* this.plain();
        return;
      }
      const raw = createReadStream(this.path, { highWaterMark: READ_CHUNK });
      try {
        yield* this.inflate(raw);
      } finally {
        raw.destroy();
      }
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw new IngestError(this.path, `cannot read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  private async *plain(): AsyncGenerator<Buffer> {
    const handle = await open(this.path, 'r');
    try {
      const buffers = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)];
      let current = 0;
      let total = 0;
      let reading = handle.read(buffers[0]!, 0, READ_CHUNK, null);
      for (;;) {
        const { bytesRead } = await reading;
        if (bytesRead === 0) return;
        const chunk = buffers[current]!;
        current ^= 1;
        reading = handle.read(buffers[current]!, 0, READ_CHUNK, null);
        total += bytesRead;
        this.report(total);
        yield chunk.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }

  private async *inflate(raw: ReturnType<typeof createReadStream>): AsyncGenerator<Buffer> {
    const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK });
    // Chunks are collected from 'data' events, which zlib emits before any 'error', so nothing inflated
    // before a break is lost; the generator hands them on one at a time with backpressure.
    const queue: Buffer[] = [];
    let failure: unknown;
    let ended = false;
    let wake: (() => void) | undefined;
    const signal = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    gunzip.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      if (queue.length >= 4) gunzip.pause();
      signal();
    });
    gunzip.on('end', () => {
      ended = true;
      signal();
    });
    gunzip.on('error', (err) => {
      failure = err;
      ended = true;
      signal();
    });
    raw.on('error', (err) => gunzip.destroy(err));
    raw.pipe(gunzip);
    try {
      for (;;) {
        const chunk = queue.shift();
        if (chunk) {
          if (queue.length < 2 && gunzip.isPaused()) gunzip.resume();
          this.report(raw.bytesRead);
          yield chunk;
          continue;
        }
        if (ended) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      gunzip.destroy();
    }
    if (failure === undefined) return;
    const code = (failure as { code?: unknown }).code;
    if (code === 'Z_BUF_ERROR') {
      this.truncated = true;
      return;
    }
    if (code === 'Z_DATA_ERROR' || code === 'Z_STREAM_ERROR' || code === 'Z_NEED_DICT') {
      const message = failure instanceof Error ? failure.message : String(failure);
      throw new IngestError(this.path, `the gzip data is corrupt after ${raw.bytesRead} bytes (${message}); re-copy the file or use it uncompressed`, { cause: failure });
    }
    throw failure;
  }

  private report(total: number): void {
    if (!this.onBytes || total <= this.reported) return;
    this.onBytes(total - this.reported);
    this.reported = total;
  }
}

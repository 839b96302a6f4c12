/**
 * The read end of a FIFO, read with `fs.read` into one reused buffer: no allocation per chunk, so a long
 * live run does not leave Node a heap of freed 64 KiB socket buffers (a net.Socket allocates one per read,
 * which sat as tens of MB of ArrayBuffers awaiting GC and grew the process's peak RSS with the run).
 *
 * The fd is O_NONBLOCK (opening it does not wait for a writer). Reading it then answers one of three ways:
 * bytes; EAGAIN (a writer is open, the pipe is empty); 0 (no writer is open). 0 is the end once a writer
 * has been seen (k6 opens its end once and closes it as it exits: the document is then built at once, not
 * after the exit is noticed) or is known to be gone (`writerExited`: k6 exited without ever opening it, or
 * wrote nothing); before k6 opens its end, the FIFO has no writer either. While there is nothing to read, it looks again after a short pause (a few ms, far below k6's
 * flush interval), so nothing is read ahead: a reader that is not asked leaves the data in the pipe.
 */
import { closeSync, read } from 'node:fs';

/** Bytes per read: a pipe holds 64 KiB by default, so one read rarely fills this. */
const READ_SIZE = 256 * 1024;
/** Pauses when the pipe is empty, growing to the longest while it stays empty. */
const FIRST_PAUSE_MS = 1;
const LONGEST_PAUSE_MS = 8;

export class FifoReader {
  private readonly buffer = Buffer.allocUnsafe(READ_SIZE);
  private exited = false;
  /** A read found a writer (bytes or EAGAIN): the next 0 means it closed its end. */
  private writerSeen = false;
  private stopped = false;
  private closed = false;
  /** The read running now (at most one: the buffer is shared). */
  private reading: Promise<number> | undefined;
  private pause: { timer: NodeJS.Timeout; resolve: () => void } | undefined;

  constructor(private readonly fd: number) {}

  /**
   * The next bytes written into the FIFO, or undefined at its end (the writer exited and everything was
   * read, or `stop`). The chunk is only valid until the next call (the buffer is reused): copy what you keep.
   */
  async next(): Promise<Buffer | undefined> {
    let pauseMs = FIRST_PAUSE_MS;
    for (;;) {
      if (this.stopped) return undefined;
      // Read before the read: a 0 after the writer's exit is known means every byte has been read.
      const final = this.exited || this.writerSeen;
      this.reading = readOnce(this.fd, this.buffer);
      const n = await this.reading;
      this.reading = undefined;
      if (n > 0) {
        this.writerSeen = true;
        return this.buffer.subarray(0, n);
      }
      if (n === 0 && final) return undefined;
      if (n < 0) this.writerSeen = true;
      await this.wait(pauseMs);
      pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
    }
  }

  /** The writer (k6) has exited: once the pipe is empty, the stream ends. */
  writerExited(): void {
    this.exited = true;
    this.wake();
  }

  /** Ends the stream now (what is still in the pipe is not read) and closes the fd; safe to call twice. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    // Never close the fd under a read in flight (the number could be reused by then).
    await this.reading?.catch(() => undefined);
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.pause = { timer: setTimeout(() => this.wake(), ms), resolve };
    });
  }

  private wake(): void {
    const p = this.pause;
    this.pause = undefined;
    if (!p) return;
    clearTimeout(p.timer);
    p.resolve();
  }
}

/** One `read(2)` of the non-blocking fd: the bytes read, 0 for no writer, -1 for EAGAIN (empty, a writer open). */
function readOnce(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, buffer.length, null, (err, bytesRead) => {
      if (!err) resolve(bytesRead);
      else if (err.code === 'EAGAIN' || err.code === 'EWOULDBLOCK') resolve(-1);
      else reject(err);
    });
  });
}

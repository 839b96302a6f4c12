/**
 * The FIFO's read end (src/engine/fifo-reader.ts) on a real FIFO: what each answer of a non-blocking read
 * means (no writer yet, EAGAIN, end of file), backpressure, and stopping.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, fstatSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FifoReader } from '../../src/engine/fifo-reader.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perf-gate-fifo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const open: { reader: FifoReader; writers: number[] }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    for (const w of o.writers) closeSync(w);
    await o.reader.stop();
  }
});

/** A FIFO with our non-blocking read end open (as openLiveOutput opens it), and a way to open writers. */
function fifo(): { reader: FifoReader; fd: number; writer: () => number; closeWriter: (fd: number) => void } {
  const file = join(dir, `fifo-${++n}`);
  execFileSync('mkfifo', ['-m', '600', file]);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  const entry = { reader: new FifoReader(fd), writers: [] as number[] };
  open.push(entry);
  return {
    reader: entry.reader,
    fd,
    writer: () => {
      const w = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
      entry.writers.push(w);
      return w;
    },
    closeWriter: (w) => {
      entry.writers.splice(entry.writers.indexOf(w), 1);
      closeSync(w);
    },
  };
}

/** Whether `p` is still pending after `ms`. */
async function pending(p: Promise<unknown>, ms = 50): Promise<boolean> {
  return Promise.race([p.then(() => false), sleep(ms).then(() => true)]);
}

describe.skipIf(process.platform === 'win32')('FifoReader', () => {
  it('no writer yet (k6 not started) is not the end: it waits, then gets what the writer writes', async () => {
    const { reader, writer } = fifo();
    const next = reader.next();
    expect(await pending(next)).toBe(true);
    writeSync(writer(), 'line 1\n');
    expect((await next)?.toString()).toBe('line 1\n');
  });

  it('a writer open but idle (EAGAIN) is waited for; its close after writing is the end, without writerExited', async () => {
    const { reader, writer, closeWriter } = fifo();
    const w = writer();
    writeSync(w, 'a\n');
    expect((await reader.next())?.toString()).toBe('a\n');
    const next = reader.next();
    expect(await pending(next)).toBe(true);
    writeSync(w, 'b\n');
    closeWriter(w);
    expect((await next)?.toString()).toBe('b\n');
    expect(await reader.next()).toBeUndefined();
  });

  it('k6 exited without ever opening the FIFO: writerExited ends a waiting read at once', async () => {
    const { reader } = fifo();
    const next = reader.next();
    expect(await pending(next)).toBe(true);
    const t0 = performance.now();
    reader.writerExited();
    expect(await next).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('after writerExited, what is still in the pipe is read before the end', async () => {
    const { reader, writer, closeWriter } = fifo();
    const w = writer();
    writeSync(w, 'left in the pipe\n');
    closeWriter(w);
    reader.writerExited();
    expect((await reader.next())?.toString()).toBe('left in the pipe\n');
    expect(await reader.next()).toBeUndefined();
  });

  it('backpressure: nothing is read until asked, so a full pipe makes the writer wait (EAGAIN) and loses nothing', async () => {
    const { reader, writer, closeWriter } = fifo();
    const w = writer();
    const block = Buffer.alloc(4096, 'x');
    let written = 0;
    for (;;) {
      try {
        written += writeSync(w, block);
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('EAGAIN');
        break;
      }
    }
    await sleep(30);
    // The pipe is still full: a reader that read ahead would have made room.
    expect(() => writeSync(w, block)).toThrow(/EAGAIN/);
    closeWriter(w);
    let read = 0;
    for (let c = await reader.next(); c; c = await reader.next()) read += c.length;
    expect(read).toBe(written);
  });

  it('stop ends a waiting read and closes the fd, once however often it is called', async () => {
    const { reader, fd, writer } = fifo();
    writer();
    const next = reader.next();
    expect(await pending(next)).toBe(true);
    await reader.stop();
    expect(await next).toBeUndefined();
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
    await reader.stop();
    expect(await reader.next()).toBeUndefined();
  });

  it('a chunk is a view of the one reused buffer (valid until the next read)', async () => {
    const { reader, writer } = fifo();
    const w = writer();
    writeSync(w, 'first\n');
    const first = await reader.next();
    writeSync(w, 'again\n');
    const second = await reader.next();
    expect(second?.buffer).toBe(first?.buffer);
    expect(first?.toString()).toBe('again\n');
  });
});

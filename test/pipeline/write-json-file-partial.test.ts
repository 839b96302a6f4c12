import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// A write that stops short (a full disk, a signal) is rare on a file and cannot be provoked here, so fs's
// writeSync is wrapped: a string is written only up to a cut, in bytes, and the writer must finish the rest.
const cuts: number[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (typeof data === 'string' && cuts.length > 0) {
      const bytes = Buffer.from(data, 'utf8');
      const cut = Math.min(cuts.shift()!, bytes.length);
      return fs.writeSync(fd, bytes, 0, cut);
    }
    return (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, writeSync, default: { ...fs, writeSync } };
});

const { writeJsonFileSync } = await import('../../src/pipeline/write-json-file.js');
const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-json-partial-'));

describe('writeJsonFileSync when a write stops short', () => {
  const value = { names: ['é—✓🚀', 'GET /api/alerts'] };
  const text = `${JSON.stringify(value)}\n`;
  it.each([
    ['nothing written', 0],
    ['a cut inside a character of several bytes', 14],
    ['all but the last byte', Buffer.byteLength(text) - 1],
  ])('writes the rest from the bytes: %s', (_, cut) => {
    expect(Buffer.from(text)[13]).toBe(0xe2); // the dash's first byte of three: a cut at 14 falls inside it
    cuts.length = 0;
    cuts.push(cut);
    const file = join(tmp, `partial-${cut}.json`);
    writeJsonFileSync(file, value);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(cuts).toEqual([]);
  });
});

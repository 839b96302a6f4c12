import { closeSync, openSync, writeSync } from 'node:fs';
import { jsonPieces } from '../document/json-pieces.js';

/** Pieces are gathered to about this many characters per write. */
const BATCH_CHARS = 256 * 1024;

/**
 * Writes `JSON.stringify(value)` and a newline to `path` (created or truncated), in batches of pieces
 * ({@link jsonPieces}) rather than from one string of the whole document.
 *
 * @throws the file system's error (ENOENT, EACCES, ENOSPC …), after closing the file
 */
export function writeJsonFileSync(path: string, value: unknown): void {
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (batch.length === 0) return;
      writeAll(fd, batch.join(''));
      batch = [];
      size = 0;
    };
    jsonPieces(value, (piece) => {
      batch.push(piece);
      size += piece.length;
      if (size >= BATCH_CHARS) flush();
    });
    batch.push('\n');
    flush();
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than it is given (a full disk, a pipe): the rest is written until done. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

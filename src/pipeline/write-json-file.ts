import { closeSync, openSync, writeSync } from 'node:fs';
import { jsonPieces } from '../document/json-pieces.js';

/**
 * Pieces are gathered to about this many characters per write: under V8's largest regular object (128 KiB),
 * so a batch's string dies in the young generation. At 256 K characters each one went to the large-object
 * space, which only a full collection empties: 20 of them for a 10-minute run, at the process's peak.
 */
const BATCH_CHARS = 48 * 1024;

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

/**
 * Writes the text whole. A string is encoded by Node into memory it frees at once, where a Buffer of it
 * would wait for a collection; writeSync may write less than it is given (a full disk, a pipe), and then
 * the rest is written from the bytes until done.
 */
function writeAll(fd: number, text: string): void {
  const written = writeSync(fd, text);
  if (written === Buffer.byteLength(text, 'utf8')) return;
  const bytes = Buffer.from(text, 'utf8');
  for (let off = written; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

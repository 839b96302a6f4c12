import { existsSync, statSync } from 'node:fs';
import type { EngineLog } from '../../src/engine/log.js';

/** A log that keeps every line as `level: message`. */
export function recordingLog(): EngineLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    debug: (message) => lines.push(`debug: ${message}`),
  };
}

/**
 * Resolves once `file` holds bytes, checked every 20 ms for at most 20 s: the stand-in k6 opens its output
 * a moment before it handles signals, and writes its first bytes after.
 */
export async function untilWritten(file: string): Promise<void> {
  const written = (): boolean => existsSync(file) && statSync(file).size > 0;
  for (let i = 0; i < 1000 && !written(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!written()) throw new Error(`the stand-in k6 wrote nothing to ${file} within 20 s`);
}

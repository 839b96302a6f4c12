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

import { fileURLToPath } from 'node:url';
import type { RunDocument } from '../../src/document/run-document.js';
import { ingestFiles } from '../../src/ingest/index.js';

const K6 = fileURLToPath(new URL('../fixtures/k6/', import.meta.url));

let smoke: Promise<RunDocument> | undefined;

/** The real smoke-baseline k6 run as a run document (ingested once per test file). */
export function smokeRun(): Promise<RunDocument> {
  smoke ??= ingestFiles([`${K6}smoke-baseline.ndjson.gz`], { groupBy: ['name'], stage: 'smoke' });
  return smoke;
}

/** A copy of `doc` that ended at `end` (same length), e.g. a later or an earlier run of the same test. */
export function endingAt(doc: RunDocument, end: string, gitSha?: string): RunDocument {
  const endMs = Date.parse(end);
  const start = new Date(endMs - doc.meta.durationSeconds * 1000).toISOString();
  return structuredClone({ ...doc, meta: { ...doc.meta, start, end: new Date(endMs).toISOString(), ...(gitSha ? { gitSha } : {}) } });
}

/** `doc` grown past `bytes` of JSON by copying its window series under new names (a long, many-endpoint run). */
export function grownTo(doc: RunDocument, bytes: number): RunDocument {
  const big = structuredClone(doc);
  const series = Object.entries(doc.windows.series);
  let size = JSON.stringify(big).length;
  for (let copy = 0; size < bytes; copy++) {
    for (const [name, windows] of series) {
      const key = `${name}{copy:${copy}}`;
      big.windows.series[key] = windows;
      big.scopes[key] = doc.scopes[name]!; // a series is read through its scope's type
      size += key.length + JSON.stringify(windows).length + 4;
      if (size >= bytes) break;
    }
  }
  return big;
}

/** A 40-hex commit sha derived from a number, for readable tests. */
export function sha(n: number): string {
  return n.toString(16).padStart(40, '0');
}

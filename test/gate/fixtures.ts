import { fileURLToPath } from 'node:url';
import { ingestFiles } from '../../src/ingest/index.js';
import type { RunDocument } from '../../src/document/run-document.js';

export const K6 = fileURLToPath(new URL('../fixtures/k6/', import.meta.url));

const cache = new Map<string, Promise<RunDocument>>();

/** Ingests a recorded k6 run once per test file (the endurance runs are 170 MB of NDJSON). */
export function run(name: string, options: { memory?: boolean; stage?: string } = {}): Promise<RunDocument> {
  const key = `${name}:${options.memory ? 'm' : ''}:${options.stage ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    p = ingestFiles([`${K6}${name}.ndjson.gz`], {
      groupBy: ['name'],
      ...(options.memory ? { memory: `${K6}${name}.memory.csv` } : {}),
      ...(options.stage ? { stage: options.stage } : {}),
    });
    cache.set(key, p);
  }
  return p;
}

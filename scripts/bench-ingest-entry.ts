/**
 * What scripts/bench-ingest.mjs measures, bundled by it with esbuild: the ingest as the CLI runs it, and
 * the same NDJSON reader with a builder that only counts points (how much of the time is parsing).
 */
import { RunBuilder } from '../src/document/run-builder.js';
import { ByteSource } from '../src/ingest/byte-source.js';
import { readK6Ndjson } from '../src/ingest/k6/ndjson.js';
import { PointSink } from '../src/ingest/point-sink.js';

export { ingestFiles } from '../src/ingest/index.js';

class CountingBuilder extends RunBuilder {
  // The fast path records through recordNext, other lines through point.
  override point(): void {
    this.points++;
  }

  override recordNext(): void {
    this.points++;
  }
}

/** Reads a k6 NDJSON file through the fast path without building anything; returns the number of points. */
export async function parseOnly(file: string, gzip: boolean): Promise<number> {
  const builder = new CountingBuilder({ groupBy: ['name'], window: 'auto' });
  const sink = new PointSink(builder, () => undefined);
  await readK6Ndjson(file, new ByteSource(file, gzip), sink, () => undefined);
  return builder.points;
}

import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { PointBuilder } from '../../src/document/point-builder.js';
import { RunBuilder, type RunBuilderOptions, type RunInfo } from '../../src/document/run-builder.js';
import type { BuilderPort } from '../../src/ingest/builder-protocol.js';
import { serveBuilder } from '../../src/ingest/builder-service.js';
import { K6_BUILTIN_METRICS } from '../../src/ingest/k6/builtin-metrics.js';
import { K6NdjsonParser } from '../../src/ingest/k6/ndjson.js';
import { PointSink } from '../../src/ingest/point-sink.js';
import { RemoteBuilder } from '../../src/ingest/remote-builder.js';
import { fixture } from './helpers.js';

const INFO: RunInfo = { tool: 'k6', sources: [{ file: 'x', format: 'k6-ndjson', lines: 1, partial: false }], warnings: [] };
const OPTIONS: RunBuilderOptions = { groupBy: ['name', 'tenant'], window: 'auto', maxScopes: 4 };

const opened: MessageChannel[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A RemoteBuilder served over a MessageChannel in this thread (the worker's protocol without a worker). */
function remote(options: RunBuilderOptions, keys?: number): RemoteBuilder {
  const channel = new MessageChannel();
  opened.push(channel);
  serveBuilder(channel.port2);
  return new RemoteBuilder(options, channel.port1, keys);
}

/** Feeds the text of a fixture, in chunks of `chunk` bytes, into `builder` as the NDJSON reader does. */
async function feed(builder: PointBuilder, text: Buffer, chunk: number): Promise<string[]> {
  const warnings: string[] = [];
  const sink = new PointSink(builder, (w) => warnings.push(w), K6_BUILTIN_METRICS);
  const parser = new K6NdjsonParser('run.ndjson', sink);
  for (let at = 0; at < text.length; at += chunk) {
    parser.push(text.subarray(at, at + chunk));
    const wait = sink.ready();
    if (wait !== undefined) await wait;
  }
  parser.finish(false, (w) => warnings.push(w));
  return warnings;
}

describe('RemoteBuilder over serveBuilder', () => {
  it.each([
    { what: 'smoke run', file: 'smoke-errors.ndjson.gz', keys: undefined },
    // Three keys for hundreds of tag sets: targets are bound again and again, and must still land in their leaves.
    { what: 'smoke run, keys reused all the time', file: 'smoke-baseline.ndjson.gz', keys: 3 },
    { what: 'killed run (cut-off last line)', file: 'aborted.ndjson.gz', keys: 7 },
  ])('builds the document a RunBuilder in this thread builds: $what', async ({ file, keys }) => {
    const text = gunzipSync(readFileSync(fixture(file)), { finishFlush: 2 });
    const local = new RunBuilder(OPTIONS);
    const localWarnings = await feed(local, text, 1 << 16);
    const builder = remote(OPTIONS, keys);
    const remoteWarnings = await feed(builder, text, 1 << 16);
    expect(builder.points).toBe(local.points);
    expect(remoteWarnings).toEqual(localWarnings);
    const doc = await builder.finish(INFO);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(local.finish(INFO)));
  });

  it('makes the parser wait while 8 batches are unread, and lets it go on once they come back', async () => {
    const sent: unknown[] = [];
    let listener: (m: unknown) => void = () => undefined;
    const port: BuilderPort = { postMessage: (m) => sent.push(m), on: (_e, l) => (listener = l) };
    const builder = new RemoteBuilder(OPTIONS, port);
    const id = builder.defineMetric({ name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
    const t = builder.targets(id, { name: 'GET /' });
    const batches = (): { records: Float64Array }[] => sent.flatMap((m) => ((m as { type: string }).type === 'batch' ? [(m as { batch: { records: Float64Array } }).batch] : []));
    while (batches().length < 8) builder.point(t, 1, 1);
    const wait = builder.ready();
    expect(wait).toBeInstanceOf(Promise);
    let resumed = false;
    void wait!.then(() => (resumed = true));
    for (const b of batches().slice(0, 3)) listener({ type: 'recycle', records: b.records });
    await Promise.resolve();
    expect(resumed).toBe(false); // 5 still unread
    listener({ type: 'recycle', records: batches()[3]!.records });
    await wait;
    expect(builder.ready()).toBeUndefined();
  });

  it('rejects the wait and finish with what failed in the builder thread', async () => {
    const builder = remote(OPTIONS);
    // A metric the building end never heard of: its RunBuilder fails on the targets.
    const t = builder.targets(5, { name: 'GET /' });
    builder.point(t, 1, 1);
    await expect(builder.finish(INFO)).rejects.toThrow(/^the run builder thread failed: TypeError/);
    await expect(builder.ready()).rejects.toThrow(/the run builder thread failed/);
  });

  it('refuses options it cannot send and a second finish', async () => {
    expect(() => remote({ ...OPTIONS, windowed: () => true })).toThrow(/`windowed` option is a function/);
    expect(() => remote(OPTIONS, 0)).toThrow(/keys must be a whole number ≥ 1 but got 0/);
    const builder = remote(OPTIONS);
    await builder.finish(INFO);
    await expect(builder.finish(INFO)).rejects.toThrow(/finish was called twice/);
  });
});

import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../src/document/by-type.js';
import { ByteSource } from '../../src/ingest/byte-source.js';
import { ingestSources } from '../../src/ingest/ingest.js';
import { K6_READERS } from '../../src/ingest/k6/index.js';
import type { StreamReader } from '../../src/ingest/reader.js';
import { fixtureText } from './helpers.js';

const NDJSON = K6_READERS.find((r): r is StreamReader => r.kind === 'stream' && r.format === 'k6-ndjson')!;

/** The fixture's bytes as a stream of `size`-byte chunks (lines cut across chunks). */
async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const read = (text: string, watch?: Parameters<typeof ingestSources>[2]) =>
  ingestSources([{ file: 'smoke.ndjson', reader: NDJSON, source: ByteSource.fromStream('smoke.ndjson', chunks(text, 331)) }], { stage: 'smoke' }, watch);

describe('points seen as they are built (SnapshotWatch.points)', () => {
  it.each(['smoke-baseline.ndjson.gz', 'smoke-errors.ndjson.gz'])('%s: the document is the one built unwatched, and each watched metric sees exactly its points, once per metric asked', async (name) => {
    const text = fixtureText(name);
    const asked: string[] = [];
    const seen = new Map<string, { count: number; sum: number; lastMs: number }>();
    const doc = await read(text, {
      points: (metric) => {
        asked.push(metric);
        if (metric !== 'http_reqs' && metric !== 'http_req_duration') return undefined;
        const s = { count: 0, sum: 0, lastMs: Number.NaN };
        seen.set(metric, s);
        return (timeMs, value) => {
          s.count++;
          s.sum += value;
          s.lastMs = timeMs;
        };
      },
    });
    expect(JSON.stringify(doc)).toBe(JSON.stringify(await read(text)));
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toContain('http_req_blocked');
    const requests = scopeOf(doc, 'http_reqs', 'counter')!.counter;
    expect(seen.get('http_reqs')).toMatchObject({ count: requests.samples, sum: requests.count });
    const durations = scopeOf(doc, 'http_req_duration', 'trend')!.trend;
    expect(seen.get('http_req_duration')!.count).toBe(durations.count);
    expect(Date.parse(doc.meta.end) - seen.get('http_reqs')!.lastMs).toBeGreaterThanOrEqual(0);
  });
});

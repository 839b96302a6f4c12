import { describe, expect, it } from 'vitest';
import type { ShardFigures } from '../../src/document/shard-figures.js';
import { shardsText } from '../../src/report/words.js';

const member = (index: number, requests: number, region?: string) => ({ index, segment: `${index - 1}/64:${index}/64`, requests, p95: 80 + index, errorRate: 0.001, ...(region ? { region } : {}) });

describe('shardsText', () => {
  it.each<{ what: string; figures: ShardFigures; says: string }>([
    {
      what: 'every shard of a small test, with its region and the regions',
      figures: { count: 2, members: [member(1, 1210, 'us-east'), member(2, 1190, 'eu-west')], missing: [], startSpreadSeconds: 0.31, regions: [{ region: 'us-east', shards: 1, requests: 1210, p95: 81, errorRate: 0.001 }, { region: 'eu-west', shards: 1, requests: 1190 }] },
      says: 'Shards: 2 of 2 merged, their loads started 0.31 s apart — 1/2 us-east 1,210 requests (p95 81.0 ms, 0.100 % errors), 2/2 eu-west 1,190 requests (p95 82.0 ms, 0.100 % errors); by region: us-east (1 shard) 1,210 requests (p95 81.0 ms, 0.100 % errors); eu-west (1 shard) 1,190 requests.',
    },
    {
      what: 'a big test by its lightest and heaviest shard, and the missing one',
      figures: { count: 64, members: Array.from({ length: 63 }, (_, k) => member(k + 1, 1000 + ((k * 7) % 63))), missing: [{ index: 64, segment: '63/64:1' }], startSpreadSeconds: 2, regions: [] },
      says: 'Shards: 63 of 64 merged, their loads started 2.0 s apart — the fewest requests 1/64 1,000 requests (p95 81.0 ms, 0.100 % errors), the most 63/64 1,056 requests (p95 143 ms, 0.100 % errors); missing: 64/64 (segment 63/64:1), so the counts and throughput fall short of the whole test\'s.',
    },
  ])('$what', ({ figures, says }) => {
    expect(shardsText(figures)).toBe(says);
  });
});

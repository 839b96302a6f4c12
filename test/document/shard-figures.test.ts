import { beforeAll, describe, expect, it } from 'vitest';
import { mergeRuns } from '../../src/document/merge.js';
import type { RunDocument, ShardRecord } from '../../src/document/run-document.js';
import { RunView } from '../../src/document/run-view.js';
import { shardFigures, shardFiguresView } from '../../src/document/shard-figures.js';
import { run } from '../gate/fixtures.js';

const SEGMENTS = ['0:1/4', '1/4:1/2', '1/2:3/4', '3/4:1'];
let docs: RunDocument[];
beforeAll(async () => {
  const [baseline, regressed, errors] = await Promise.all([run('smoke-baseline'), run('smoke-regressed'), run('smoke-errors')]);
  const record = (index: number, region?: string): ShardRecord => ({ index, count: 4, segment: SEGMENTS[index - 1]!, sequence: '0,1/4,1/2,3/4,1', scriptHash: 'a'.repeat(64), startedAt: '2026-12-03T07:30:00.000Z', ...(region ? { region } : {}) });
  const as = (doc: RunDocument, index: number, region?: string): RunDocument => ({ ...doc, meta: { ...doc.meta, shard: record(index, region) } });
  docs = [as(baseline, 1, 'us-east'), as(regressed, 2, 'eu-west'), as(errors, 3, 'us-east'), as(baseline, 4)];
});

/** What a region's shards give when merged as a run of their own: the exact figures shardFigures must match. */
function ofMerged(parts: readonly RunDocument[]) {
  const merged = mergeRuns(parts.map((d) => ({ ...d, meta: { ...d.meta, shard: undefined } })) as RunDocument[]);
  const view = new RunView(merged);
  const errors = view.errors({})!;
  return { requests: view.value('http_reqs', 'count')!, p95: view.value('http_req_duration', 'p(95)')!, errorRate: errors.failed / errors.total };
}

describe('shardFigures', () => {
  it('gives each shard its own requests, p95 and error rate, in index order', () => {
    const summary = mergeRuns(docs, { names: ['1', '2', '3', '4'] }).meta.shards!;
    const f = shardFigures(docs, summary);
    expect(f.members.map((m) => m.index)).toEqual([1, 2, 3, 4]);
    for (const [k, m] of f.members.entries()) expect(m).toMatchObject({ ...ofMerged([docs[k]!]), segment: SEGMENTS[k] });
    expect(f.members[3]).not.toHaveProperty('region');
  });

  it("adds a region's shards exactly (histograms added, not p95s averaged), in the order regions first appear", () => {
    const summary = mergeRuns(docs, { names: ['1', '2', '3', '4'] }).meta.shards!;
    const f = shardFigures(docs, summary);
    expect(f.regions.map((r) => [r.region, r.shards])).toEqual([['us-east', 2], ['eu-west', 1]]);
    const east = ofMerged([docs[0]!, docs[2]!]);
    expect(f.regions[0]!.requests).toBe(east.requests);
    expect(f.regions[0]!.p95).toBeCloseTo(east.p95, 9);
    expect(f.regions[0]!.errorRate).toBeCloseTo(east.errorRate, 12);
    expect(f.regions[0]!.errorRate).toBeGreaterThan(0);
  });

  it('gives the same figures from the slim views a merge keeps of each shard', () => {
    const summary = mergeRuns(docs, { names: ['1', '2', '3', '4'] }).meta.shards!;
    const views = docs.map(shardFiguresView);
    expect(shardFigures(views, summary)).toEqual(shardFigures(docs, summary));
    expect(JSON.stringify(views).length * 20).toBeLessThan(JSON.stringify(docs).length);
  });

  it('names the missing shards and has no regions when no shard names one', () => {
    const plain = docs.slice(0, 3).map((d) => ({ ...d, meta: { ...d.meta, shard: { ...d.meta.shard!, region: undefined } } })) as RunDocument[];
    for (const d of plain) delete (d.meta.shard as { region?: string }).region;
    const summary = mergeRuns(plain, { names: ['1', '2', '3'], allowMissingShards: true }).meta.shards!;
    const f = shardFigures(plain, summary);
    expect(f.missing).toEqual([{ index: 4, segment: '3/4:1' }]);
    expect(f.regions).toEqual([]);
  });
});

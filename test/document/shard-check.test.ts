import { beforeAll, describe, expect, it } from 'vitest';
import { mergeRuns, MergeError } from '../../src/document/merge.js';
import { RunDocumentSchema, type RunDocument, type ShardRecord } from '../../src/document/run-document.js';
import { scopeOf } from '../../src/document/by-type.js';
import { run } from '../gate/fixtures.js';

const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const SEQ = '0,1/4,1/2,3/4,1';
const SEGMENTS = ['0:1/4', '1/4:1/2', '1/2:3/4', '3/4:1'];
let base: RunDocument;
beforeAll(async () => {
  base = await run('smoke-baseline');
});

/** The recorded run as shard `index` of 4 (or as told otherwise). */
function shard(index: number, over: Partial<ShardRecord> = {}): RunDocument {
  const record: ShardRecord = { index, count: 4, segment: SEGMENTS[index - 1]!, sequence: SEQ, scriptHash: HASH, startedAt: `2026-12-03T07:30:0${index - 1}.000Z`, ...over };
  return { ...base, meta: { ...base.meta, shard: record } };
}
const names = (n: number): string[] => Array.from({ length: n }, (_, k) => `shards/shard-${k + 1}.run.json`);

describe('merging shard documents checks they form one whole', () => {
  it.each([
    {
      what: 'a shard of another script',
      docs: () => [shard(1), shard(2), shard(3, { scriptHash: OTHER }), shard(4)],
      message: 'shards/shard-3.run.json ran another script than shards/shard-1.run.json (sha256 bbbbbbbbbbbb… against aaaaaaaaaaaa…): the shards of one test run the same script',
    },
    {
      what: 'a doubled segment',
      docs: () => [shard(1), shard(2), shard(2), shard(4)],
      message: 'shards/shard-2.run.json and shards/shard-3.run.json are both shard 2/4 (segment 1/4:1/2): a segment is doubled (its load would count twice) — give each shard once',
    },
    {
      what: 'a missing shard',
      docs: () => [shard(1), shard(2), shard(4)],
      message: 'shard 3/4 (segment 1/2:3/4) is missing: 3 of 4 shard documents given',
    },
    {
      what: 'two missing shards',
      docs: () => [shard(1), shard(4)],
      message: 'shard 2/4 (segment 1/4:1/2), shard 3/4 (segment 1/2:3/4) are missing',
    },
    {
      what: 'mixed counts',
      docs: () => [shard(1), shard(2), shard(3), shard(4), { ...shard(1), meta: { ...base.meta, shard: { index: 2, count: 2, segment: '1/2:1', sequence: '0,1/2,1', scriptHash: HASH, startedAt: '2026-12-03T07:30:00Z' } } }],
      message: 'shards/shard-5.run.json is shard 2/2 (segment 1/2:1), but shards/shard-1.run.json is shard 1/4 (segment 0:1/4): the shards of one test are cut into the same number of shards',
    },
    {
      what: 'another sequence of the same count',
      docs: () => [shard(1), shard(2, { sequence: '0,1/8,1/2,3/4,1', segment: '1/8:1/2' }), shard(3), shard(4)],
      message: 'shards/shard-2.run.json was cut by the segment sequence 0,1/8,1/2,3/4,1, shards/shard-1.run.json by 0,1/4,1/2,3/4,1',
    },
    {
      what: 'a run that is no shard among shards',
      docs: () => [shard(1), base, shard(3), shard(4)],
      message: 'shards/shard-2.run.json is no shard (it records no meta.shard), but shards/shard-1.run.json is shard 1/4 (segment 0:1/4)',
    },
    {
      what: 'a segment that is not its index’s',
      docs: () => [shard(1), shard(2, { segment: '1/2:3/4' }), shard(3), shard(4)],
      message: 'shards/shard-2.run.json says it is shard 2/4 (segment 1/2:3/4), but segment 2 of 0,1/4,1/2,3/4,1 is 1/4:1/2',
    },
    {
      what: 'a lone shard of four',
      docs: () => [shard(2)],
      message: 'shard 1/4 (segment 0:1/4), shard 3/4 (segment 1/2:3/4), shard 4/4 (segment 3/4:1) are missing: 1 of 4',
    },
  ])('$what is refused, naming it', ({ docs, message }) => {
    const given = docs();
    expect(() => mergeRuns(given, { names: names(given.length) })).toThrow(MergeError);
    expect(() => mergeRuns(given, { names: names(given.length) })).toThrow(message);
  });

  it('four whole shards merge: meta.shards records each shard\'s requests and the start spread; no meta.shard is left', () => {
    const docs = [shard(3), shard(1), shard(4, { region: 'eu-west' }), shard(2)];
    const merged = mergeRuns(docs, { names: names(4) });
    expect(RunDocumentSchema.safeParse(merged).success).toBe(true);
    const requests = scopeOf(base, 'http_reqs', 'counter')!.counter.count;
    expect(merged.meta.shard).toBeUndefined();
    expect(merged.meta.shards).toEqual({
      count: 4,
      sequence: SEQ,
      scriptHash: HASH,
      members: [1, 2, 3, 4].map((index) => ({ index, segment: SEGMENTS[index - 1], requests, startedAt: `2026-12-03T07:30:0${index - 1}.000Z`, ...(index === 4 ? { region: 'eu-west' } : {}) })),
      missing: [],
      startSpreadSeconds: 3,
    });
    expect(scopeOf(merged, 'http_reqs', 'counter')!.counter.count).toBe(4 * requests);
    expect(merged.meta.warnings).toEqual(base.meta.warnings.flatMap((w) => [w, w, w, w]));
  });

  it('with allowMissingShards the rest merge, with a warning, and the missing one is recorded', () => {
    const merged = mergeRuns([shard(1), shard(2), shard(4)], { names: names(3), allowMissingShards: true });
    expect(merged.meta.shards!.missing).toEqual([{ index: 3, segment: '1/2:3/4' }]);
    expect(merged.meta.shards!.members.map((m) => m.index)).toEqual([1, 2, 4]);
    expect(merged.meta.warnings).toContain('shard 3/4 (segment 1/2:3/4) is missing: the merged run holds 3 of 4 shards, so its counts and throughput are short of the whole test\'s');
  });

  it.each([
    { what: 'within the tolerance: no warning', starts: ['07:30:00.000', '07:30:01.000', '07:30:04.900', '07:30:02.000'], tolerance: undefined, warning: undefined, spread: 4.9 },
    {
      what: 'beyond it: a warning with the measured spread',
      starts: ['07:30:00.000', '07:30:07.500', '07:30:01.000', '07:30:02.000'],
      tolerance: undefined,
      warning: "the shards' loads started 7.5 s apart, more than the 5 s tolerance (shard 1/4 (segment 0:1/4) first, shard 2/4 (segment 1/4:1/2) last)",
      spread: 7.5,
    },
    { what: 'a tolerance of the caller', starts: ['07:30:00.000', '07:30:01.500', '07:30:00.000', '07:30:00.000'], tolerance: 1, warning: 'started 1.5 s apart, more than the 1 s tolerance', spread: 1.5 },
  ])('start times $what', ({ starts, tolerance, warning, spread }) => {
    const docs = starts.map((t, k) => shard(k + 1, { startedAt: `2026-12-03T${t}Z` }));
    const merged = mergeRuns(docs, { names: names(4), ...(tolerance !== undefined ? { startToleranceSeconds: tolerance } : {}) });
    expect(merged.meta.shards!.startSpreadSeconds).toBeCloseTo(spread, 9);
    const own = merged.meta.warnings.filter((w) => w.includes('started'));
    if (warning === undefined) expect(own).toEqual([]);
    else expect(own.join('\n')).toContain(warning);
  });

  it('documents without shard records merge as before, unchecked, and old documents still parse', () => {
    const merged = mergeRuns([base, base]);
    expect(merged.meta.shards).toBeUndefined();
    expect(RunDocumentSchema.safeParse(base).success).toBe(true);
    expect(RunDocumentSchema.safeParse(shard(1)).success).toBe(true);
  });
});

describe("the script's thresholds the shards recorded", () => {
  const T = { http_req_failed: ['rate<0.01'], 'http_req_duration{scenario:load}': ['p(95)<500'] };
  it('one set for all shards is carried into meta.shards, whatever the key order', () => {
    const reordered = { 'http_req_duration{scenario:load}': ['p(95)<500'], http_req_failed: ['rate<0.01'] };
    const merged = mergeRuns([shard(1, { thresholds: T }), shard(2, { thresholds: reordered }), shard(3, { thresholds: T }), shard(4, { thresholds: T })], { names: names(4) });
    expect(merged.meta.shards!.thresholds).toEqual(T);
    expect(RunDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it('two shards with different sets are refused, naming both', () => {
    const docs = [shard(1, { thresholds: T }), shard(2, { thresholds: T }), shard(3, { thresholds: { http_req_failed: ['rate<0.05'] } }), shard(4, { thresholds: T })];
    expect(() => mergeRuns(docs, { names: names(4) })).toThrow(/^shards\/shard-3\.run\.json and shards\/shard-1\.run\.json recorded different script thresholds/);
  });

  it('a shard that recorded none is warned about and the others\' set is judged', () => {
    const merged = mergeRuns([shard(1, { thresholds: T }), shard(2), shard(3, { thresholds: T }), shard(4, { thresholds: T })], { names: names(4) });
    expect(merged.meta.shards!.thresholds).toEqual(T);
    expect(merged.meta.warnings.filter((w) => /recorded no script thresholds/.test(w))).toEqual([
      'shards/shard-2.run.json recorded no script thresholds (k6 inspect failed there, or an older perf-gate wrote it): the merged run is judged on those shards/shard-1.run.json recorded',
    ]);
  });

  it('no shard recording any leaves meta.shards without thresholds (older shard documents)', () => {
    const merged = mergeRuns([shard(1), shard(2), shard(3), shard(4)], { names: names(4) });
    expect(merged.meta.shards).not.toHaveProperty('thresholds');
  });
});

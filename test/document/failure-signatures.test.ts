import { describe, expect, it } from 'vitest';
import { addSignatureLists, MAX_SIGNATURES_PER_SCOPE, OTHER_SIGNATURE, signatureKey, signatureList } from '../../src/document/failure-signatures.js';
import { mergeRuns } from '../../src/document/merge.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import { RunDocumentSchema, type RunDocument } from '../../src/document/run-document.js';
import { RunView } from '../../src/document/run-view.js';
import { run } from '../gate/fixtures.js';
import { withoutSignatures } from '../gate/synthetic.js';

const key = (status: string, errorCode?: string) => signatureKey({ status, ...(errorCode !== undefined ? { error_code: errorCode } : {}) });
const signaturesOf = (doc: RunDocument, scope: string) => {
  const s = doc.scopes[scope];
  return s && s.type === 'rate' && 'signatures' in s ? s.signatures : undefined;
};

describe('signatureList', () => {
  it.each([
    { what: 'nothing failed', counts: [], expected: [] },
    { what: 'keys with no failures are left out', counts: [[key('200'), 0]], expected: [] },
    {
      what: 'the most frequent first, then by key',
      counts: [[key('404', '1404'), 3], [key('500', '1500'), 7], [key('0', '1211'), 3]],
      expected: [{ status: '500', errorCode: '1500', failed: 7 }, { status: '0', errorCode: '1211', failed: 3 }, { status: '404', errorCode: '1404', failed: 3 }],
    },
    { what: 'a status without error_code', counts: [[key('200'), 2]], expected: [{ status: '200', failed: 2 }] },
    { what: 'neither tag', counts: [[signatureKey({}), 2]], expected: [{ failed: 2 }] },
    { what: 'other already counted stays last', counts: [[OTHER_SIGNATURE, 4], [key('500'), 1]], expected: [{ status: '500', failed: 1 }, { other: true, failed: 4 }] },
  ] as { what: string; counts: [string, number][]; expected: unknown[] }[])('$what', ({ counts, expected }) => {
    expect(signatureList(new Map(counts))).toEqual(expected);
  });

  it(`keeps ${MAX_SIGNATURES_PER_SCOPE} signatures and counts the rarer ones as other, adding up to the same total`, () => {
    const counts = new Map(Array.from({ length: 30 }, (_, i) => [key(String(500 + i)), i + 1] as [string, number]));
    const list = signatureList(counts);
    expect(list).toHaveLength(MAX_SIGNATURES_PER_SCOPE + 1);
    expect(list[0]).toEqual({ status: '529', failed: 30 });
    // The 10 rarest (1 … 10 failed) are other: 55.
    expect(list.at(-1)).toEqual({ other: true, failed: 55 });
    expect(list.reduce((n, s) => n + s.failed, 0)).toBe((30 * 31) / 2);
  });

  it('adds two lists exactly, signature by signature', () => {
    expect(addSignatureLists([{ status: '500', errorCode: '1500', failed: 2 }, { other: true, failed: 1 }], [{ status: '500', errorCode: '1500', failed: 3 }, { status: '503', failed: 1 }])).toEqual([
      { status: '500', errorCode: '1500', failed: 5 },
      { status: '503', failed: 1 },
      { other: true, failed: 1 },
    ]);
  });
});

describe('failure signatures in run documents', () => {
  it('are read from the real k6 run: POST /api/alerts failed 14 times with 500 / 1500, PUT /api/alerts/{id} 14 times with 404 / 1404', async () => {
    const doc = await run('smoke-errors');
    expect(RunDocumentSchema.safeParse(doc).success).toBe(true);
    expect(signaturesOf(doc, 'http_req_failed{name:POST /api/alerts}')).toEqual([{ status: '500', errorCode: '1500', failed: 14 }]);
    expect(signaturesOf(doc, 'http_req_failed{name:PUT /api/alerts/{id}}')).toEqual([{ status: '404', errorCode: '1404', failed: 14 }]);
    expect(signaturesOf(doc, 'http_req_failed')).toEqual([{ status: '404', errorCode: '1404', failed: 14 }, { status: '500', errorCode: '1500', failed: 14 }]);
    // An expected 401 (k6 tags it error_code 1401) is no failure, so no signature.
    expect(signaturesOf(doc, 'http_req_failed{name:GET /api/alerts (no token)}')).toEqual([]);
  });

  it('are recorded as empty lists when nothing failed, so "none" is told from "not recorded"', async () => {
    const doc = await run('smoke-baseline');
    const view = new RunView(doc);
    expect(view.signatures({ name: 'POST /api/alerts' })).toEqual([]);
    expect(new RunView(withoutSignatures(doc)).signatures({ name: 'POST /api/alerts' })).toBeUndefined();
  });

  it('add up exactly when shards are merged', async () => {
    const errors = await run('smoke-errors');
    const merged = mergeRuns([errors, await run('smoke-baseline'), errors]);
    expect(RunDocumentSchema.safeParse(merged).success).toBe(true);
    expect(signaturesOf(merged, 'http_req_failed{name:POST /api/alerts}')).toEqual([{ status: '500', errorCode: '1500', failed: 28 }]);
    expect(signaturesOf(merged, 'http_req_failed')).toEqual([{ status: '404', errorCode: '1404', failed: 28 }, { status: '500', errorCode: '1500', failed: 28 }]);
  });

  it('are dropped by a merge with a shard that did not record them (the merged counts would be short)', async () => {
    const merged = mergeRuns([await run('smoke-errors'), withoutSignatures(await run('smoke-baseline'))]);
    expect(signaturesOf(merged, 'http_req_failed{name:POST /api/alerts}')).toBeUndefined();
    expect(merged.scopes['http_req_failed{name:POST /api/alerts}']).toMatchObject({ rate: { passes: 14 } });
  });

  it('a document written before signatures (run@1 without them) still parses', async () => {
    const old = withoutSignatures(await run('smoke-errors'));
    expect(JSON.stringify(old)).not.toContain('signatures');
    expect(RunDocumentSchema.safeParse(JSON.parse(JSON.stringify(old))).success).toBe(true);
  });

  it('are bounded: past the per-run cap new signatures are other, past the per-scope cap the rarest are', () => {
    const builder = new RunBuilder({ groupBy: ['name'], window: 'auto' });
    const failed = builder.defineMetric({ name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
    const t0 = Date.UTC(2026, 10, 27, 9);
    let points = 0;
    // Status 500 failing 1000 times, then 300 distinct error codes once each (a generator inventing them),
    // and successes (status 200, a signature key of their own that never fails).
    for (let i = 0; i < 50; i++) builder.point(builder.targets(failed, { name: 'GET /a', status: '200' }), t0 + points++, 0);
    for (let i = 0; i < 1000; i++) builder.point(builder.targets(failed, { name: 'GET /a', status: '500' }), t0 + points++, 1);
    for (let i = 0; i < 300; i++) builder.point(builder.targets(failed, { name: 'GET /a', status: '0', error_code: String(10_000 + i) }), t0 + points++, 1);
    const doc = builder.finish({ tool: 'k6', sources: [] });
    const list = signaturesOf(doc, 'http_req_failed{name:GET /a}')!;
    expect(list).toHaveLength(MAX_SIGNATURES_PER_SCOPE + 1);
    expect(list[0]).toEqual({ status: '500', failed: 1000 });
    // 200 keys per run: 200 and 500 take two, 198 codes get their own, 102 are other from the start; of the
    // 198, the scope names 19 (after 500) and counts 179 as other.
    expect(list.at(-1)).toEqual({ other: true, failed: 102 + 179 });
    expect(list.reduce((n, s) => n + s.failed, 0)).toBe(1300);
    expect(doc.scopes['http_req_failed{name:GET /a}']).toMatchObject({ rate: { passes: 1300, fails: 50 } });
  });
});

import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/gate/detectors/coverage.js';
import { syntheticRun } from '../synthetic.js';
import { contextOf, run } from './context.js';

const endpoints = { 'GET /a': { latencies: [1, 2, 3] }, 'GET /b': { latencies: [4, 5, 6] } };

describe('coverage detector', () => {
  it.each([
    { what: 'both runs named their requests', c: syntheticRun({ endpoints }), found: [] as string[] },
    { what: 'the current run stopped naming them', c: syntheticRun({ endpoints, nameTag: false }), found: ['http_req_duration'] },
  ])('$what', ({ c, found }) => {
    const out = run(coverage, contextOf(c, syntheticRun({ endpoints })));
    expect(out.map((a) => a.metric)).toEqual(found);
    for (const a of out) expect(a).toMatchObject({ kind: 'data', beyond: true, deterministic: true, baseline: 2, current: 0 });
  });
});

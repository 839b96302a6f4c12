import { describe, expect, it } from 'vitest';
import { throughput } from '../../../src/gate/detectors/throughput.js';
import { syntheticRun } from '../synthetic.js';
import { contextOf, run, summary } from './context.js';

// Requests spread evenly over 20 s: n / 20 requests per second.
const runOf = (n: number, seconds = 20) => syntheticRun({ endpoints: { 'GET /a': { latencies: Array.from({ length: n }, (_, i) => 10 + (i % 7)) } }, seconds });

describe('throughput detector', () => {
  it.each([
    { what: 'the same rate', b: runOf(2000), c: runOf(2000), expected: { beyond: false } },
    { what: '−30 %: beyond the −15 % limit', b: runOf(2000), c: runOf(1400), expected: { beyond: true, significant: true } },
    { what: '−10 %: within the limit', b: runOf(2000), c: runOf(1800), expected: { beyond: false } },
    { what: 'a run too short to have 5 windows', b: runOf(200, 3), c: runOf(200, 3), expected: { shortfall: 'too-short' } },
  ])('$what', ({ b, c, expected }) => {
    expect(run(throughput, contextOf(c, b)).map(summary)).toEqual([expect.objectContaining({ kind: 'throughput', scope: 'all', ...expected })]);
  });
});

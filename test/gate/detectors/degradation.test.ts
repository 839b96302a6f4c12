import { describe, expect, it } from 'vitest';
import { degradation } from '../../../src/gate/detectors/degradation.js';
import { lognormal, syntheticRun } from '../synthetic.js';
import { contextOf, run, summary } from './context.js';

// 120 s, 20 requests a second; the last `slowFrom` share of the run `factor` times slower.
const runOf = (factor: number) => {
  const steady = lognormal(2400, 20, 0.2, 7);
  return syntheticRun({ endpoints: { 'GET /a': { latencies: steady.map((v, i) => (i >= 1600 ? v * factor : v)) } }, seconds: 120 });
};

describe('degradation detector (endurance)', () => {
  it.each([
    { what: 'steady latency', factor: 1, beyond: false },
    { what: 'the last third 40 % slower', factor: 1.4, beyond: true },
  ])('$what', ({ factor, beyond }) => {
    const out = run(degradation, contextOf(runOf(factor), undefined, {}, 'endurance')).map(summary);
    expect(out).toEqual([expect.objectContaining({ kind: 'degradation', statistic: 'med', beyond, ...(beyond ? { significant: true } : {}) })]);
  });

  it('a run too short after warm-up is not judged', () => {
    const short = syntheticRun({ endpoints: { 'GET /a': { latencies: lognormal(200, 20, 0.2, 1) } }, seconds: 20 });
    expect(run(degradation, contextOf(short, undefined, {}, 'endurance')).map(summary)).toEqual([expect.objectContaining({ shortfall: 'too-short' })]);
  });
});

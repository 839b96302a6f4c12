import { describe, expect, it } from 'vitest';
import type { MemorySample } from '../../../src/document/run-document.js';
import { memoryGrowth } from '../../../src/gate/detectors/memory-growth.js';
import { memoryLevel } from '../../../src/gate/detectors/memory-level.js';
import { syntheticRun } from '../synthetic.js';
import { contextOf, run, summary } from './context.js';

const MB = 1024 * 1024;
/** 10 minutes at 1 Hz: a floor of `start` MB growing by `perMinute` MB a minute, with a GC saw on top. */
const samples = (start: number, perMinute: number): MemorySample[] =>
  Array.from({ length: 600 }, (_, i) => ({ t: Date.UTC(2026, 10, 27, 9) + i * 1000, rssBytes: (start + (perMinute * i) / 60 + (i % 10) * 0.5) * MB }));
const runOf = (memory: MemorySample[]) => syntheticRun({ endpoints: { 'GET /a': { latencies: [1, 2, 3] } }, memory, seconds: 600 });

describe('memory detectors', () => {
  it.each([
    { what: 'a flat floor: no growth, no leak', c: samples(100, 0), growth: false, leak: false },
    { what: '+2 MB a minute (20 % over the run): growth and a leak', c: samples(100, 2), growth: true, leak: true },
  ])('memory-growth on an endurance stage: $what', ({ c, growth, leak }) => {
    const out = run(memoryGrowth, contextOf(runOf(c), undefined, {}, 'endurance')).map(summary);
    expect(out).toEqual([
      expect.objectContaining({ kind: 'memory', statistic: 'growth', beyond: growth }),
      expect.objectContaining({ kind: 'leak', statistic: 'slope', beyond: leak }),
    ]);
  });

  it('memory-growth asks nothing outside endurance stages', () => {
    expect(run(memoryGrowth, contextOf(runOf(samples(100, 2)), undefined, {}, 'smoke'))).toEqual([]);
  });

  it.each([
    { what: 'the same level', b: samples(100, 0), c: samples(100, 0), beyond: false },
    { what: '+50 % level: beyond the +25 % limit, confirmed', b: samples(100, 0), c: samples(150, 0), beyond: true },
  ])('memory-level: $what', ({ b, c, beyond }) => {
    const out = run(memoryLevel, contextOf(runOf(c), runOf(b))).map(summary);
    expect(out).toEqual([expect.objectContaining({ kind: 'memory', statistic: 'level', beyond, ...(beyond ? { significant: true } : {}) })]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cliffsDelta } from '../../src/stats/cliffs-delta.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { pairCounts } from '../../src/stats/pair-counts.js';
import { spreadSample, sufficient, tiedSample, toDistribution } from './helpers.js';

const delta = (b: number[], c: number[]) => cliffsDelta(toDistribution(b), toDistribution(c));

describe('cliffsDelta', () => {
  it.each([
    { what: '2 > 1, 3 > 1 twice, 2 < 3, 3 = 3 twice', baseline: [1, 3], current: [2, 3, 3], delta: 2 / 6, ps: 4 / 6 },
    { what: 'every current value larger', baseline: [1, 2], current: [3, 4, 5], delta: 1, ps: 1 },
    { what: 'every current value smaller', baseline: [10, 20], current: [3], delta: -1, ps: 0 },
    { what: 'identical samples', baseline: [1, 2, 3], current: [1, 2, 3], delta: 0, ps: 0.5 },
    { what: 'all observations equal: no difference, not insufficient', baseline: [7, 7], current: [7], delta: 0, ps: 0.5 },
    { what: 'interleaved 1, 3 vs 2, 4 (3 of 4 pairs greater)', baseline: [1, 3], current: [2, 4], delta: 0.5, ps: 0.75 },
  ])('$what → δ = $delta', ({ baseline, current, delta: d, ps }) => {
    const r = sufficient(delta(baseline, current));
    expect(r.delta).toBeCloseTo(d, 14);
    expect(r.probabilityOfSuperiority).toBeCloseTo(ps, 14);
  });

  it('matches counting all pairs on raw samples; δ = 2·PS − 1; swapping negates δ', () => {
    fc.assert(
      fc.property(fc.oneof(tiedSample(1, 40), spreadSample(1, 40)), fc.oneof(tiedSample(1, 40), spreadSample(1, 40)), (b, c) => {
        let greater = 0;
        let less = 0;
        for (const x of c) {
          for (const y of b) {
            if (x > y) greater++;
            else if (x < y) less++;
          }
        }
        const pairs = b.length * c.length;
        const r = sufficient(delta(b, c));
        expect(r.delta).toBeCloseTo((greater - less) / pairs, 12);
        expect(r.probabilityOfSuperiority).toBeCloseTo((greater + (pairs - greater - less) / 2) / pairs, 12);
        expect(r.delta).toBeCloseTo(2 * r.probabilityOfSuperiority - 1, 12);
        expect(sufficient(delta(c, b)).delta).toBeCloseTo(-r.delta, 12);
        expect(pairCounts(toDistribution(b), toDistribution(c))).toEqual({ greater, less, ties: pairs - greater - less });
      }),
    );
  });

  it('is invariant under increasing transformations (log of latencies)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }), (b, c) => {
        expect(delta(b.map(Math.log), c.map(Math.log))).toEqual(delta(b, c));
      }),
    );
  });

  it.each([
    { what: 'empty baseline', baseline: [], current: [1] },
    { what: 'empty current', baseline: [1], current: [] },
  ])('$what → insufficient', ({ baseline, current }) => {
    expect(isInsufficient(delta(baseline, current))).toBe(true);
  });
});

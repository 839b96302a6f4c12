import { describe, expect, it } from 'vitest';
import { slotCounts, splitEvenly, weightedCycle } from '../../../src/engine/embedded/schedule.js';

describe('slotCounts', () => {
  it.each([
    { what: 'whole weights stay as they are', weights: [3, 1], max: 1000, expected: [3, 1] },
    { what: 'whole weights are reduced by their gcd', weights: [50, 25, 25], max: 1000, expected: [2, 1, 1] },
    { what: 'fractions are apportioned over the cycle', weights: [0.5, 0.25, 0.25], max: 8, expected: [4, 2, 2] },
    { what: 'largest remainder takes the spare slot', weights: [1, 1, 1], max: 10, expected: [1, 1, 1] },
    { what: 'a tiny weight still gets one slot', weights: [1000, 1], max: 10, expected: [9, 1] },
    { what: 'whole weights too long for the cycle are apportioned', weights: [7, 5], max: 6, expected: [4, 2] },
  ])('$what', ({ weights, max, expected }) => {
    expect(slotCounts(weights, max)).toEqual(expected);
  });

  it.each([[[]], [[1, 0]], [[1, Number.NaN]], [[-1]]])('rejects %j', (weights) => {
    expect(() => slotCounts(weights)).toThrow(RangeError);
  });
});

describe('weightedCycle', () => {
  it.each([
    { weights: [3, 1], expected: [0, 0, 1, 0] },
    { weights: [1, 1, 2], expected: [2, 0, 1, 2] },
    { weights: [1], expected: [0] },
  ])('$weights → $expected', ({ weights, expected }) => {
    expect(weightedCycle(weights)).toEqual(expected);
  });

  it('spreads a request evenly through the cycle', () => {
    const cycle = weightedCycle([1, 4]);
    expect(cycle.filter((i) => i === 0)).toHaveLength(1);
    expect(cycle).toHaveLength(5);
  });
});

describe('splitEvenly', () => {
  it.each([
    { total: 10, steps: 3, expected: [4, 3, 3] },
    { total: 2, steps: 4, expected: [1, 1, 0, 0] },
    { total: 6, steps: 1, expected: [6] },
  ])('$total over $steps → $expected', ({ total, steps, expected }) => {
    expect(splitEvenly(total, steps)).toEqual(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haybittlePetoLevels } from '../../src/stats/look-levels.js';

describe('haybittlePetoLevels', () => {
  it.each([
    { looks: 4, alpha: 0.05, interim: 0.001, levels: [0.001, 0.001, 0.001, 0.047] },
    { looks: 1, alpha: 0.05, interim: 0.001, levels: [0.05] },
    { looks: 3, alpha: 0.1, interim: 0.005, levels: [0.005, 0.005, 0.09] },
  ])('$looks looks at α $alpha', ({ looks, alpha, interim, levels }) => {
    const got = haybittlePetoLevels(looks, alpha, interim);
    expect(got).toHaveLength(levels.length);
    got.forEach((x, i) => expect(x).toBeCloseTo(levels[i]!, 12));
  });

  it('spends exactly α, every level > 0', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (looks, alpha) => {
      const interim = alpha / (2 * looks);
      const levels = haybittlePetoLevels(looks, alpha, interim);
      expect(levels.reduce((a, b) => a + b, 0)).toBeCloseTo(alpha, 12);
      for (const l of levels) expect(l).toBeGreaterThan(0);
    }));
  });

  it('refuses looks that would spend all of α, and bad arguments', () => {
    expect(() => haybittlePetoLevels(51, 0.05, 0.001)).toThrow(RangeError);
    expect(() => haybittlePetoLevels(0, 0.05)).toThrow(RangeError);
    expect(() => haybittlePetoLevels(2.5, 0.05)).toThrow(RangeError);
    expect(() => haybittlePetoLevels(3, 1)).toThrow(RangeError);
    expect(() => haybittlePetoLevels(3, 0.05, 0)).toThrow(RangeError);
  });
});

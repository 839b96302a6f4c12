import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalCount, type Distribution } from '../../src/stats/distribution.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { mixture } from '../../src/stats/mixture.js';
import { assertDistribution } from '../../src/stats/assert-distribution.js';
import { sufficient, toDistribution } from './helpers.js';

const d = (...pairs: [number, number][]): Distribution => pairs.map(([value, count]) => ({ value, count }));

describe('mixture', () => {
  it.each([
    { what: 'the doc example: 1 ms ×3 and 10 ms ×1, half and half into 4', parts: [{ distribution: d([1, 3]), share: 0.5 }, { distribution: d([10, 1]), share: 0.5 }], total: 4, expected: d([1, 2], [10, 2]) },
    { what: 'one part at its own size comes back unchanged', parts: [{ distribution: d([1, 2], [2, 5], [7, 1]), share: 1 }], total: 8, expected: d([1, 2], [2, 5], [7, 1]) },
    // 3 of 10 → part sizes 3 and 7; the second, 10 ms ×2 and 20 ms ×2, scaled by 7/4: cumulative round(3.5)=4, round(7)=7
    { what: 'shares 0.3/0.7 of 10', parts: [{ distribution: d([1, 6]), share: 0.3 }, { distribution: d([10, 2], [20, 2]), share: 0.7 }], total: 10, expected: d([1, 3], [10, 4], [20, 3]) },
    { what: 'a part with share 0 is left out', parts: [{ distribution: d([1, 6]), share: 0 }, { distribution: d([10, 2]), share: 2 }], total: 3, expected: d([10, 3]) },
    { what: 'the same value in two parts adds up', parts: [{ distribution: d([5, 1]), share: 1 }, { distribution: d([5, 3]), share: 1 }], total: 4, expected: d([5, 4]) },
  ])('$what', ({ parts, total, expected }) => {
    expect(sufficient(mixture(parts, total))).toEqual(expected);
  });

  it.each([
    { what: 'no parts', parts: [], total: 3 },
    { what: 'only zero shares', parts: [{ distribution: d([1, 1]), share: 0 }], total: 3 },
    { what: 'a total of 0', parts: [{ distribution: d([1, 1]), share: 1 }], total: 0 },
  ])('InsufficientData: $what', ({ parts, total }) => {
    expect(isInsufficient(mixture(parts, total))).toBe(true);
  });

  it.each([
    { what: 'a negative share', parts: [{ distribution: d([1, 1]), share: -1 }], total: 1 },
    { what: 'a fractional total', parts: [{ distribution: d([1, 1]), share: 1 }], total: 1.5 },
    { what: 'an invalid distribution', parts: [{ distribution: d([2, 1], [1, 1]), share: 1 }], total: 2 },
  ])('throws on $what', ({ parts, total }) => {
    expect(() => mixture(parts, total)).toThrow(RangeError);
  });

  it('property: the total is exact and each part keeps its CDF to within one observation (naive oracle)', () => {
    const sample = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(sample, fc.double({ min: 0.01, max: 5, noNaN: true })), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 500 }), (raw, total) => {
        // Disjoint value ranges per part, so each part's share of the result can be read back.
        const parts = raw.map(([xs, share], k) => ({ distribution: toDistribution(xs.map((x) => x + 100 * k)), share }));
        const m = sufficient(mixture(parts, total));
        assertDistribution(m, 'mixture');
        expect(totalCount(m)).toBe(total);
        const shareSum = parts.reduce((s, p) => s + p.share, 0);
        parts.forEach((p, k) => {
          const mine = m.filter((b) => b.value >= 100 * k && b.value < 100 * (k + 1));
          const size = totalCount(mine);
          expect(Math.abs(size - (p.share / shareSum) * total)).toBeLessThan(1);
          const n = totalCount(p.distribution);
          for (const b of p.distribution) {
            const want = (size * p.distribution.filter((x) => x.value <= b.value).reduce((s, x) => s + x.count, 0)) / n;
            const got = mine.filter((x) => x.value <= b.value).reduce((s, x) => s + x.count, 0);
            expect(Math.abs(got - want)).toBeLessThanOrEqual(0.5 + 1e-9);
          }
        });
      }),
    );
  });
});

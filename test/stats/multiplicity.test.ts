import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benjaminiHochberg, holm } from '../../src/stats/multiplicity.js';
import './helpers.js'; // seeds fast-check

/** Holm by its definition: for each test, the max over all tests with smaller-or-equal rank. O(m²). */
function naiveHolm(p: readonly number[]): number[] {
  const m = p.length;
  const rank = (i: number) => p.filter((q, j) => q < p[i]! || (q === p[i]! && j < i)).length; // 0-based, stable
  return p.map((_, i) => {
    let best = 0;
    p.forEach((_, j) => {
      if (rank(j) <= rank(i)) best = Math.max(best, Math.min(1, (m - rank(j)) * p[j]!));
    });
    return best;
  });
}

/** Benjamini–Hochberg by its definition: min over tests with larger-or-equal rank of m·p/(rank + 1). O(m²). */
function naiveBH(p: readonly number[]): number[] {
  const m = p.length;
  const rank = (i: number) => p.filter((q, j) => q < p[i]! || (q === p[i]! && j < i)).length;
  return p.map((_, i) => {
    let best = 1;
    p.forEach((_, j) => {
      if (rank(j) >= rank(i)) best = Math.min(best, (m * p[j]!) / (rank(j) + 1));
    });
    return best;
  });
}

const pValue = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.01, 0.05, 1));

describe('holm', () => {
  it.each([
    // sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → running max
    { what: 'four tests (hand-computed)', p: [0.01, 0.04, 0.03, 0.005], expected: [0.03, 0.06, 0.06, 0.02] },
    // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09
    { what: 'five evenly spaced', p: [0.01, 0.02, 0.03, 0.04, 0.05], expected: [0.05, 0.08, 0.09, 0.09, 0.09] },
    { what: 'capped at 1', p: [0.5, 0.6], expected: [1, 1] },
    { what: 'ties share the adjusted value', p: [0.02, 0.02, 0.5], expected: [0.06, 0.06, 0.5] },
    { what: 'one test is unchanged', p: [0.03], expected: [0.03] },
    { what: 'empty family', p: [], expected: [] },
  ])('$what', ({ p, expected }) => {
    holm(p).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 14));
    expect(holm(p)).toHaveLength(expected.length);
  });

  it.each([[[-0.1]], [[1.1]], [[NaN]]])('rejects %o', (p) => {
    expect(() => holm(p)).toThrow(RangeError);
  });
});

describe('benjaminiHochberg', () => {
  it.each([
    // sorted 0.005, 0.01, 0.03, 0.04 → ×4/1, ×4/2, ×4/3, ×4/4 = 0.02, 0.02, 0.04, 0.04 → running min from the top
    { what: 'four tests (hand-computed)', p: [0.01, 0.04, 0.03, 0.005], expected: [0.02, 0.04, 0.04, 0.02] },
    // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") = 0.05 for all
    { what: 'five evenly spaced', p: [0.01, 0.02, 0.03, 0.04, 0.05], expected: [0.05, 0.05, 0.05, 0.05, 0.05] },
    { what: 'a large p-value stays 1', p: [1, 0.001], expected: [1, 0.002] },
    { what: 'empty family', p: [], expected: [] },
  ])('$what', ({ p, expected }) => {
    benjaminiHochberg(p).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 14));
    expect(benjaminiHochberg(p)).toHaveLength(expected.length);
  });

  it.each([[[-0.1]], [[1.1]], [[NaN]]])('rejects %o', (p) => {
    expect(() => benjaminiHochberg(p)).toThrow(RangeError);
  });
});

describe('multiplicity properties', () => {
  it('both match their O(m²) definitions, are ≥ raw, ≤ 1, order-preserving, and BH ≤ Holm', () => {
    fc.assert(
      fc.property(fc.array(pValue, { maxLength: 30 }), (p) => {
        const h = holm(p);
        const bh = benjaminiHochberg(p);
        const nh = naiveHolm(p);
        const nbh = naiveBH(p);
        p.forEach((raw, i) => {
          expect(h[i]).toBeCloseTo(nh[i]!, 14);
          expect(bh[i]).toBeCloseTo(nbh[i]!, 14);
          expect(h[i]).toBeGreaterThanOrEqual(raw);
          expect(bh[i]).toBeGreaterThanOrEqual(raw);
          expect(h[i]).toBeLessThanOrEqual(1);
          expect(bh[i]).toBeLessThanOrEqual(h[i]! + 1e-15);
          p.forEach((other, j) => {
            if (raw <= other) {
              expect(h[i]).toBeLessThanOrEqual(h[j]!);
              expect(bh[i]).toBeLessThanOrEqual(bh[j]!);
            }
          });
        });
      }),
    );
  });
});

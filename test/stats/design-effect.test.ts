import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterDesignEffect } from '../../src/stats/design-effect.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { seededRng } from '../../src/stats/random.js';
import { sufficient } from './helpers.js';

/** Per-cluster summaries of raw clusters (sample variance with divisor m − 1). */
function summarise(clusters: readonly (readonly number[])[]) {
  return clusters.map((xs) => {
    const m = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const v = xs.length > 1 ? xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) : 0;
    return { count: xs.length, mean: xs.length ? m : 0, variance: v };
  });
}

/** One-way ANOVA design effect computed directly on the raw observations. */
function naiveDesignEffect(clusters: readonly (readonly number[])[]): number {
  const used = clusters.filter((c) => c.length > 0);
  const all = used.flat();
  const n = all.length;
  const k = used.length;
  const grand = all.reduce((a, b) => a + b, 0) / n;
  let ssb = 0;
  let ssw = 0;
  for (const c of used) {
    const m = c.reduce((a, b) => a + b, 0) / c.length;
    ssb += c.length * (m - grand) ** 2;
    for (const x of c) ssw += (x - m) ** 2;
  }
  const msb = ssb / (k - 1);
  const msw = ssw / (n - k);
  const sumSq = used.reduce((a, c) => a + c.length ** 2, 0);
  const n0 = (n - sumSq / n) / (k - 1);
  const icc = (msb - msw) / (msb + (n0 - 1) * msw);
  return Math.max(1, 1 + (sumSq / n - 1) * icc);
}

describe('clusterDesignEffect', () => {
  it.each([
    {
      // MSB = 13.5, MSW = 1, n₀ = 3, ICC = 12.5/15.5, m̄ = 3
      what: 'two clusters {1, 2, 3}, {4, 5, 6}',
      clusters: [{ count: 3, mean: 2, variance: 1 }, { count: 3, mean: 5, variance: 1 }],
      expected: 1 + (2 * 12.5) / 15.5,
    },
    {
      // {1, 3}, {4, 6, 8}, {5}: MSB = 39/4, MSW = 10/3, n₀ = 11/6, ICC = 21/41, m̄ = 7/3 → 1 + (4/3)(21/41)
      what: 'unequal sizes {1, 3}, {4, 6, 8}, {5}',
      clusters: [{ count: 2, mean: 2, variance: 2 }, { count: 3, mean: 6, variance: 4 }, { count: 1, mean: 5, variance: 0 }],
      expected: 69 / 41,
    },
    {
      what: 'identical cluster means: negative ICC is clamped to no clustering',
      clusters: [{ count: 10, mean: 3, variance: 2 }, { count: 10, mean: 3, variance: 2 }],
      expected: 1,
    },
    {
      what: 'empty clusters are ignored',
      clusters: [{ count: 3, mean: 2, variance: 1 }, { count: 0, mean: 0, variance: 0 }, { count: 3, mean: 5, variance: 1 }],
      expected: 1 + (2 * 12.5) / 15.5,
    },
    {
      what: 'invariant under shifting and scaling (the first example × 1e150 + 7e150)',
      clusters: [{ count: 3, mean: 9e150, variance: 1e300 }, { count: 3, mean: 12e150, variance: 1e300 }],
      expected: 1 + (2 * 12.5) / 15.5,
    },
  ])('$what', ({ clusters, expected }) => {
    expect(sufficient(clusterDesignEffect(clusters))).toBeCloseTo(expected, 12);
  });

  it('matches the one-way ANOVA on raw observations', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 0, maxLength: 12 }), { minLength: 2, maxLength: 10 }), (clusters) => {
        const used = clusters.filter((c) => c.length > 0);
        const withinVariance = used.some((c) => new Set(c).size > 1);
        fc.pre(used.length >= 2 && withinVariance);
        const got = sufficient(clusterDesignEffect(summarise(clusters)));
        expect(got).toBeCloseTo(naiveDesignEffect(clusters), 9);
        expect(got).toBeGreaterThanOrEqual(1);
        expect(got).toBeLessThan(used.reduce((a, c) => a + c.length ** 2, 0) / used.flat().length + 1);
      }),
    );
  });

  it('recovers the design effect of a random-effects model: ICC 0.2, 20 per window → 1 + 19·0.2 = 4.8', () => {
    const rng = seededRng(12);
    const normal = () => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng())));
    const clusters = Array.from({ length: 400 }, () => {
      const windowEffect = normal(); // variance 1 between windows
      return Array.from({ length: 20 }, () => 100 + windowEffect + 2 * normal()); // variance 4 within
    });
    const deff = sufficient(clusterDesignEffect(summarise(clusters)));
    expect(deff).toBeGreaterThan(4);
    expect(deff).toBeLessThan(5.6);
  });

  it.each([
    { what: 'no clusters', clusters: [] },
    { what: 'one cluster', clusters: [{ count: 50, mean: 3, variance: 1 }] },
    { what: 'one non-empty cluster', clusters: [{ count: 50, mean: 3, variance: 1 }, { count: 0, mean: 0, variance: 0 }] },
    { what: 'single observations only', clusters: [{ count: 1, mean: 3, variance: 0 }, { count: 1, mean: 4, variance: 0 }] },
    { what: 'no within-cluster variance', clusters: [{ count: 5, mean: 3, variance: 0 }, { count: 5, mean: 4, variance: 0 }] },
    { what: 'everything equal', clusters: [{ count: 5, mean: 3, variance: 0 }, { count: 5, mean: 3, variance: 0 }] },
  ])('$what → insufficient', ({ clusters }) => {
    expect(isInsufficient(clusterDesignEffect(clusters))).toBe(true);
  });

  it.each([
    { what: 'negative count', cluster: { count: -1, mean: 0, variance: 0 } },
    { what: 'fractional count', cluster: { count: 1.5, mean: 0, variance: 0 } },
    { what: 'NaN mean', cluster: { count: 2, mean: NaN, variance: 0 } },
    { what: 'negative variance', cluster: { count: 2, mean: 0, variance: -1 } },
  ])('rejects $what', ({ cluster }) => {
    expect(() => clusterDesignEffect([cluster, { count: 2, mean: 0, variance: 1 }])).toThrow(RangeError);
  });
});

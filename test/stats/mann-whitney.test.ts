import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { MANN_WHITNEY_EXACT_MAX_TOTAL, mannWhitney } from '../../src/stats/mann-whitney.js';
import { normalCdf } from '../../src/stats/normal.js';
import { close, sufficient, tiedSample, spreadSample, toDistribution } from './helpers.js';

const test = (baseline: number[], current: number[], options = {}) =>
  mannWhitney(toDistribution(baseline), toDistribution(current), options);

/** U of current by counting all pairs. */
function naiveU(baseline: readonly number[], current: readonly number[]): number {
  let u = 0;
  for (const c of current) for (const b of baseline) u += c > b ? 1 : c === b ? 0.5 : 0;
  return u;
}

/** Mid-ranks (1-based) of a raw array. */
function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

/** Textbook normal approximation on raw samples (tie-corrected, continuity-corrected), as in scipy. */
function naiveNormal(baseline: readonly number[], current: readonly number[], deff = 1) {
  const pooled = [...baseline, ...current];
  const ranks = midRanks(pooled);
  const n1 = baseline.length;
  const n2 = current.length;
  const n = n1 + n2;
  const r2 = ranks.slice(n1).reduce((a, b) => a + b, 0);
  const u = r2 - (n2 * (n2 + 1)) / 2;
  const counts = new Map<number, number>();
  for (const v of pooled) counts.set(v, (counts.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t ** 3 - t;
  const sd = Math.sqrt(((deff * n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  const pGreater = 1 - normalCdf((u - (n1 * n2) / 2 - 0.5) / sd);
  const pLess = normalCdf((u - (n1 * n2) / 2 + 0.5) / sd);
  return { u, pGreater, pValue: Math.min(1, 2 * Math.min(pGreater, pLess)) };
}

/** Exact permutation p-values by enumerating every way to assign n2 of the pooled mid-ranks to current. */
function bruteForceExact(baseline: readonly number[], current: readonly number[]) {
  const ranks = midRanks([...baseline, ...current]);
  const n = ranks.length;
  const n2 = current.length;
  const observed = ranks.slice(baseline.length).reduce((a, b) => a + b, 0);
  let total = 0;
  let atLeast = 0;
  let atMost = 0;
  const choose = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      total++;
      if (sum >= observed - 1e-9) atLeast++;
      if (sum <= observed + 1e-9) atMost++;
      return;
    }
    for (let i = start; i <= n - left; i++) choose(i + 1, left - 1, sum + ranks[i]!);
  };
  choose(0, n2, 0);
  return { pGreater: atLeast / total, pValue: Math.min(1, (2 * Math.min(atLeast, atMost)) / total) };
}

// Data sets defined by formulas so that the scipy references below can be regenerated exactly.
const dataD = {
  baseline: [...Array.from({ length: 30 }, (_, i) => i % 7), ...Array.from({ length: 30 }, (_, i) => i % 5)],
  current: [...Array.from({ length: 30 }, (_, i) => (i * 3) % 11), ...Array.from({ length: 30 }, (_, i) => i % 4)],
};
const dataE = { baseline: Array.from({ length: 30 }, (_, i) => i * 1.3), current: Array.from({ length: 25 }, (_, i) => i * 1.3 + 5.05) };
const dataF = {
  baseline: Array.from({ length: 200 }, (_, i) => 10 + ((i * 37) % 50)),
  current: Array.from({ length: 150 }, (_, i) => 12 + ((i * 53) % 47)),
};
const dataG = {
  baseline: [...Array<number>(50).fill(1), ...Array<number>(30).fill(2)],
  current: [...Array<number>(20).fill(1), ...Array<number>(40).fill(2), ...Array<number>(5).fill(3)],
};

describe('mannWhitney against scipy.stats.mannwhitneyu 1.17 (current, baseline)', () => {
  it.each([
    {
      what: 'all current above baseline, exact (U = 12 of 12: p = 2/35)',
      baseline: [1, 2, 3, 4], current: [5, 6, 7], options: {},
      u: 12, pValue: 2 / 35, pGreater: 1 / 35, method: 'exact', tieCorrected: false,
    },
    {
      what: 'scipy documentation example (males vs females), exact',
      baseline: [20, 11, 17, 12], current: [19, 22, 16, 29, 24], options: {},
      u: 17, pValue: 0.1111111111111111, pGreater: 0.05555555555555555, method: 'exact', tieCorrected: false,
    },
    {
      what: 'same example, normal approximation',
      baseline: [20, 11, 17, 12], current: [19, 22, 16, 29, 24], options: { method: 'normal' },
      u: 17, pValue: 0.11134688653314041, pGreater: 0.055673443266570206, method: 'normal', tieCorrected: false,
    },
    {
      what: 'small tied samples, normal approximation with tie correction',
      baseline: [1, 2, 2, 3, 3, 3, 4], current: [2, 3, 4, 4, 5, 5], options: { method: 'normal' },
      u: 33.5, pValue: 0.07826242947714618, pGreater: 0.03913121473857309, method: 'normal', tieCorrected: true,
    },
    {
      what: 'exact, 15 observations, no ties',
      baseline: [0.5, 1, 2, 3, 4, 5, 6, 6.5], current: [1.5, 2.5, 7, 8.1, 9, 10, 11], options: {},
      u: 45, pValue: 0.054079254079254076, pGreater: 0.027039627039627038, method: 'exact', tieCorrected: false,
    },
    { what: 'D: 120 observations, heavy ties', ...dataD, options: {}, u: 1938, pValue: 0.46542255940362487, pGreater: 0.23271127970181243, method: 'normal', tieCorrected: true },
    { what: 'E: 55 observations, no ties', ...dataE, options: {}, u: 400, pValue: 0.6787821365043434, pGreater: 0.3393910682521717, method: 'normal', tieCorrected: false },
    { what: 'F: 350 observations', ...dataF, options: {}, u: 15148, pValue: 0.8748575327120166, pGreater: 0.4374287663560083, method: 'normal', tieCorrected: true },
    {
      what: 'F swapped', baseline: dataF.current, current: dataF.baseline, options: {},
      u: 14852, pValue: 0.8748575327120166, pGreater: 0.5629919142104514, method: 'normal', tieCorrected: true,
    },
    { what: 'G: three distinct values only', ...dataG, options: {}, u: 3500, pValue: 4.859651220776947e-5, pGreater: 2.4298256103884736e-5, method: 'normal', tieCorrected: true },
  ])('$what', ({ baseline, current, options, u, pValue, pGreater, method, tieCorrected }) => {
    const r = sufficient(test(baseline, current, options));
    expect(r.u).toBe(u);
    expect(r.n1).toBe(baseline.length);
    expect(r.n2).toBe(current.length);
    expect(close(r.pValue, pValue, 1e-12)).toBe(true);
    expect(close(r.pGreater, pGreater, 1e-12)).toBe(true);
    expect(r.method).toBe(method);
    expect(r.tieCorrected).toBe(tieCorrected);
  });
});

describe('mannWhitney: hand-computed z and variance inflation', () => {
  it('z is (U − n1·n2/2 − ½)/σ: (12 − 6 − 0.5)/√8 for baseline 1..4, current 5..7', () => {
    const r = sufficient(test([1, 2, 3, 4], [5, 6, 7]));
    expect(r.z).toBeCloseTo(5.5 / Math.sqrt(8), 14);
  });

  it('z is 0 when U is within ½ of its mean', () => {
    const r = sufficient(test([1, 3], [2, 4], { method: 'normal' })); // U = 3 of 4, mean 2 → (1 − 0.5)/σ
    expect(r.z).toBeCloseTo(0.5 / Math.sqrt((4 * 5) / 12), 14);
    expect(sufficient(test([1, 4], [2, 3])).z).toBe(0); // U = 2 = mean
  });

  it.each([1.5, 2, 4, 9])('varianceInflation %s divides z by its square root and forces the normal method', (deff) => {
    const plain = sufficient(test([1, 2, 3, 4, 8], [5, 6, 7, 9]));
    const inflated = sufficient(test([1, 2, 3, 4, 8], [5, 6, 7, 9], { varianceInflation: deff }));
    expect(plain.method).toBe('exact');
    expect(inflated.method).toBe('normal');
    expect(inflated.z).toBeCloseTo(plain.z / Math.sqrt(deff), 12);
    expect(inflated.pValue).toBeCloseTo(2 * normalCdf(-Math.abs(inflated.z)), 14);
    expect(inflated.u).toBe(plain.u);
  });

  it('inflation makes p-values larger (less significant)', () => {
    fc.assert(
      fc.property(spreadSample(41, 60), spreadSample(1, 30), fc.double({ min: 1, max: 20, noNaN: true }), (b, c, deff) => {
        const plain = sufficient(test(b, c));
        const inflated = sufficient(test(b, c, { varianceInflation: deff }));
        expect(inflated.pValue).toBeGreaterThanOrEqual(plain.pValue - 1e-15);
      }),
      { numRuns: 50 },
    );
  });
});

describe('mannWhitney against naive oracles on raw samples', () => {
  it('U equals the pair count; the normal method equals the textbook formula on raw ranks', () => {
    fc.assert(
      fc.property(tiedSample(1, 40), tiedSample(1, 40), (b, c) => {
        fc.pre(new Set([...b, ...c]).size > 1);
        const r = sufficient(test(b, c, { method: 'normal' }));
        const naive = naiveNormal(b, c);
        expect(r.u).toBe(naiveU(b, c));
        expect(r.u).toBe(naive.u);
        expect(close(r.pValue, naive.pValue, 1e-9)).toBe(true);
        expect(close(r.pGreater, naive.pGreater, 1e-9)).toBe(true);
      }),
    );
  });

  it('exact p-values equal brute-force enumeration of all assignments (with and without ties)', () => {
    fc.assert(
      fc.property(fc.oneof(tiedSample(1, 7), spreadSample(1, 7)), fc.oneof(tiedSample(1, 7), spreadSample(1, 7)), (b, c) => {
        fc.pre(new Set([...b, ...c]).size > 1);
        const r = sufficient(test(b, c));
        const brute = bruteForceExact(b, c);
        expect(r.method).toBe('exact');
        expect(close(r.pValue, brute.pValue, 1e-12)).toBe(true);
        expect(close(r.pGreater, brute.pGreater, 1e-12)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('swapping the samples mirrors U and z and keeps the two-sided p-value', () => {
    fc.assert(
      fc.property(fc.oneof(tiedSample(1, 30), spreadSample(1, 30)), fc.oneof(tiedSample(1, 30), spreadSample(1, 30)), (b, c) => {
        fc.pre(new Set([...b, ...c]).size > 1);
        const r = sufficient(test(b, c));
        const s = sufficient(test(c, b));
        expect(s.u).toBe(b.length * c.length - r.u);
        expect(s.z).toBeCloseTo(-r.z, 12);
        expect(close(s.pValue, r.pValue, 1e-12)).toBe(true);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('exact and normal agree roughly near the switch-over size', () => {
    // 20 + 20 observations without ties: the approximation is good to about 0.01 there.
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 40, maxLength: 40 }), (values) => {
        const b = values.slice(0, 20);
        const c = values.slice(20);
        const exact = sufficient(test(b, c));
        const normal = sufficient(test(b, c, { method: 'normal' }));
        expect(exact.method).toBe('exact');
        expect(Math.abs(exact.pValue - normal.pValue)).toBeLessThan(0.01);
      }),
      { numRuns: 50 },
    );
  });
});

describe('mannWhitney: degenerate and large inputs', () => {
  it.each([
    { what: 'empty baseline', baseline: [], current: [1, 2] },
    { what: 'empty current', baseline: [1, 2], current: [] },
    { what: 'both empty', baseline: [], current: [] },
    { what: 'all observations equal', baseline: [5, 5, 5], current: [5, 5] },
    { what: 'one observation each, equal', baseline: [5], current: [5] },
  ])('$what → insufficient', ({ baseline, current }) => {
    expect(isInsufficient(test(baseline, current))).toBe(true);
  });

  it('one observation per side is allowed and cannot be significant (exact p = 1)', () => {
    const r = sufficient(test([1], [2]));
    expect(r).toMatchObject({ u: 1, method: 'exact', pValue: 1, pGreater: 0.5 });
  });

  it(`uses the exact method up to ${MANN_WHITNEY_EXACT_MAX_TOTAL} observations`, () => {
    const values = Array.from({ length: MANN_WHITNEY_EXACT_MAX_TOTAL + 1 }, (_, i) => i);
    expect(sufficient(test(values.slice(0, 20), values.slice(20, MANN_WHITNEY_EXACT_MAX_TOTAL))).method).toBe('exact');
    expect(sufficient(test(values.slice(0, 20), values.slice(20))).method).toBe('normal');
  });

  it.each([0.5, NaN, Infinity])('rejects varianceInflation %s', (deff) => {
    expect(() => test([1, 2], [3, 4], { varianceInflation: deff })).toThrow(RangeError);
  });

  it('handles HDR-sized histograms (10 000 buckets, ~10^6 observations each) from buckets alone', () => {
    const histogram = (shift: number) =>
      Array.from({ length: 10_000 }, (_, i) => ({ value: 1 + i * 0.1 + shift, count: 1 + ((i * 7919) % 190) }));
    const baseline = histogram(0);
    const same = mannWhitney(baseline, histogram(0));
    const slower = mannWhitney(baseline, histogram(5));
    expect(sufficient(same).pValue).toBe(1);
    expect(sufficient(same).u).toBe(sufficient(same).n1 * sufficient(same).n2 / 2);
    expect(sufficient(slower).pGreater).toBeLessThan(1e-6);
    expect(sufficient(slower).method).toBe('normal');
  });

  it('extremely significant differences keep tail precision instead of rounding to 0 too early', () => {
    const r = sufficient(mannWhitney([{ value: 1, count: 500 }], [{ value: 2, count: 500 }]));
    expect(r.pGreater).toBeGreaterThan(0);
    expect(r.pGreater).toBeLessThan(1e-100);
  });
});

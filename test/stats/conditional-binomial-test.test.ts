import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalBinomialTest } from '../../src/stats/conditional-binomial-test.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { seededRng } from '../../src/stats/random.js';
import { sufficient } from './helpers.js';

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Naive oracle for integer counts: P(X ≥ x) for X ~ Binomial(k, π). */
function upperTail(k: number, pi: number, x: number): number {
  let sum = 0;
  for (let j = x; j <= k; j++) sum += choose(k, j) * pi ** j * (1 - pi) ** (k - j);
  return sum;
}

describe('conditionalBinomialTest', () => {
  it.each([
    // 14 failures, each the current run's with π = ½: (C(14,12) + C(14,13) + 1) / 2^14
    { what: '2 → 12 of 1000', b: [2, 1000], c: [12, 1000], deff: 1, p: 106 / 16384, on: 'events' },
    // design effect 2: 1 → 6 of 500 effective, P(Bin(7, ½) ≥ 6) = 8/128
    { what: 'the same with design effect 2', b: [2, 1000], c: [12, 1000], deff: 2, p: 0.0625, on: 'events' },
    { what: 'none → 2 of 220: (½)²', b: [0, 220], c: [2, 220], deff: 1, p: 0.25, on: 'events' },
    { what: 'none → 5 of 220: (½)⁵', b: [0, 220], c: [5, 220], deff: 1, p: 0.03125, on: 'events' },
    // the current run made a third of the requests: π = ⅓, (⅓)³
    { what: 'none of 1000 → 3 of 500', b: [0, 1000], c: [3, 500], deff: 1, p: 1 / 27, on: 'events' },
    { what: 'no failures anywhere', b: [0, 220], c: [0, 220], deff: 1, p: 1, on: 'events' },
    { what: 'failures only in the baseline', b: [4, 220], c: [0, 220], deff: 1, p: 1, on: 'events' },
    // 5 vs 1 successes of 100: P(S ≤ 1) for S ~ Bin(6, ½) = 7/64
    { what: 'most requests failed: 95 → 99 of 100 (tested on the successes)', b: [95, 100], c: [99, 100], deff: 1, p: 7 / 64, on: 'non-events' },
    { what: 'every request failed in both', b: [50, 50], c: [80, 80], deff: 1, p: 1, on: 'non-events' },
  ])('$what', ({ b, c, deff, p, on }) => {
    const t = sufficient(conditionalBinomialTest({ events: b[0]!, total: b[1]! }, { events: c[0]!, total: c[1]! }, { varianceInflation: deff }));
    expect(t.pGreater).toBeCloseTo(p, 10);
    expect(t.conditionedOn).toBe(on);
  });

  it('is the binomial tail sum for integer counts without clustering (naive oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.nat(30), fc.nat(30), (nb, nc, xb, xc) => {
        const b = { events: Math.min(xb, nb), total: nb };
        const c = { events: Math.min(xc, nc), total: nc };
        const t = sufficient(conditionalBinomialTest(b, c));
        if (b.events + c.events > b.total + c.total - b.events - c.events) return; // the other branch, tabled above
        const expected = c.events === 0 ? 1 : upperTail(b.events + c.events, nc / (nb + nc), c.events);
        expect(t.pGreater).toBeCloseTo(expected, 9);
      }),
    );
  });

  it.each([
    { what: 'none → 3 of 220: every failure in the current run at best, (½)³', b: [0, 220], c: [3, 220], deff: 1, min: 0.125 },
    { what: 'no failures anywhere: nothing to test', b: [0, 220], c: [0, 220], deff: 1, min: 1 },
    { what: '2 + 12 failures with design effect 2: (½)⁷', b: [2, 1000], c: [12, 1000], deff: 2, min: 1 / 128 },
    { what: 'most requests failed: 6 successes over both, (½)⁶', b: [95, 100], c: [99, 100], deff: 1, min: 1 / 64 },
  ])('its smallest attainable p: $what', ({ b, c, deff, min }) => {
    expect(sufficient(conditionalBinomialTest({ events: b[0]!, total: b[1]! }, { events: c[0]!, total: c[1]! }, { varianceInflation: deff })).minAttainableP).toBeCloseTo(min, 12);
  });

  it('never gives a p below its smallest attainable one, which is the p of the most extreme split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.nat(30), fc.nat(30), fc.double({ min: 1, max: 5, noNaN: true }), (nb, nc, xb, xc, d) => {
        const b = { events: Math.min(xb, nb), total: nb };
        const c = { events: Math.min(xc, nc), total: nc };
        const t = sufficient(conditionalBinomialTest(b, c, { varianceInflation: d }));
        expect(t.pGreater).toBeGreaterThanOrEqual(t.minAttainableP - 1e-12);
        if (t.conditionedOn !== 'events') return;
        // All the failures moved to the current run (as many requests as it has allow) reaches the minimum.
        const all = b.events + c.events;
        if (all > nc) return;
        const extreme = sufficient(conditionalBinomialTest({ events: 0, total: nb }, { events: all, total: nc }, { varianceInflation: d }));
        if (extreme.conditionedOn === 'events') expect(extreme.pGreater).toBeCloseTo(t.minAttainableP, 9);
      }),
    );
  });

  it('a larger design effect never makes a rise more significant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 2000 }), fc.nat(40), fc.nat(40), fc.double({ min: 1, max: 20, noNaN: true }), (n, xb, xc, d) => {
        const b = { events: Math.min(xb, n), total: n };
        const c = { events: Math.min(xc, n), total: n };
        if (c.events <= b.events) return;
        const plain = sufficient(conditionalBinomialTest(b, c)).pGreater;
        expect(sufficient(conditionalBinomialTest(b, c, { varianceInflation: d })).pGreater).toBeGreaterThanOrEqual(plain - 1e-12);
      }),
    );
  });

  it('holds its level under no change: p < 0.05 in at most 5 % of same-rate pairs', () => {
    const rng = seededRng(9);
    for (const rate of [0.002, 0.01, 0.05]) {
      let rejected = 0;
      const trials = 2000;
      for (let t = 0; t < trials; t++) {
        let xb = 0;
        let xc = 0;
        for (let i = 0; i < 220; i++) {
          if (rng() < rate) xb++;
          if (rng() < rate) xc++;
        }
        if (sufficient(conditionalBinomialTest({ events: xb, total: 220 }, { events: xc, total: 220 })).pGreater < 0.05) rejected++;
      }
      // 5 % of 2000 is 100; the test is conservative (discrete), so well under it.
      expect(rejected).toBeLessThanOrEqual(100);
    }
  });

  it.each([
    { what: 'an empty baseline', b: { events: 0, total: 0 }, c: { events: 1, total: 10 } },
    { what: 'an empty current run', b: { events: 1, total: 10 }, c: { events: 0, total: 0 } },
  ])('InsufficientData for $what', ({ b, c }) => {
    expect(isInsufficient(conditionalBinomialTest(b, c))).toBe(true);
  });

  it.each([
    { what: 'more events than trials', b: { events: 11, total: 10 }, c: { events: 1, total: 10 }, options: {} },
    { what: 'negative counts', b: { events: -1, total: 10 }, c: { events: 1, total: 10 }, options: {} },
    { what: 'a design effect below 1', b: { events: 1, total: 10 }, c: { events: 1, total: 10 }, options: { varianceInflation: 0.5 } },
  ])('throws a RangeError for $what', ({ b, c, options }) => {
    expect(() => conditionalBinomialTest(b, c, options)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { pairedLogRatio } from '../../src/stats/paired-log-ratio.js';
import { seededRng } from '../../src/stats/random.js';
import { sufficient } from './helpers.js';

const ln = Math.log;

describe('pairedLogRatio', () => {
  it('without standard errors is the paired t on the log ratios', () => {
    // ln ratios 0.10, 0.12, 0.08, 0.14: mean 0.11, SD 0.02582, se 0.01291, t(3) = 8.52; t(0.975, 3) = 3.1824
    const r = sufficient(pairedLogRatio([0.1, 0.12, 0.08, 0.14].map((logRatio) => ({ logRatio }))));
    expect(r.method).toBe('equal');
    expect(r.logRatio).toBeCloseTo(0.11, 10);
    expect(r.se).toBeCloseTo(0.012910, 5);
    expect(r.df).toBe(3);
    expect(r.spread).toBeCloseTo(0.025820, 5);
    expect(r.pGreater).toBeCloseTo(0.00170, 4);
    expect(r.lower).toBeCloseTo(Math.expm1(0.11 - 3.1824 * 0.01291), 3);
    expect(r.upper).toBeCloseTo(Math.expm1(0.11 + 3.1824 * 0.01291), 3);
  });

  it('with equal standard errors that the spread exceeds, matches the paired t (Hartung–Knapp)', () => {
    const ys = [0.0, 0.2, -0.1, 0.15, 0.05];
    const weighted = sufficient(pairedLogRatio(ys.map((logRatio) => ({ logRatio, se: 0.01 }))));
    const plain = sufficient(pairedLogRatio(ys.map((logRatio) => ({ logRatio }))));
    expect(weighted.method).toBe('weighted');
    expect(weighted.logRatio).toBeCloseTo(plain.logRatio, 10);
    expect(weighted.se).toBeCloseTo(plain.se, 10);
  });

  it('never claims more than the pairs\' own errors when they agree by chance', () => {
    // identical ratios, each ± 5 %: the floor is 0.05/√4 = 0.025
    const r = sufficient(pairedLogRatio([0.1, 0.1, 0.1, 0.1].map((logRatio) => ({ logRatio, se: 0.05 }))));
    expect(r.se).toBeCloseTo(0.025, 10);
    expect(r.spread).toBe(0);
  });

  it('weighs a precise pair more than a vague one', () => {
    const r = sufficient(pairedLogRatio([{ logRatio: 0.2, se: 0.01 }, { logRatio: 0.0, se: 0.2 }, { logRatio: 0.2, se: 0.01 }]));
    expect(r.logRatio).toBeGreaterThan(0.1);
  });

  it.each([
    { what: 'two pairs', pairs: [{ logRatio: 0.1 }, { logRatio: 0.2 }], cause: 'too-few' },
    { what: 'no pairs', pairs: [], cause: 'too-few' },
    { what: 'identical pairs without errors', pairs: [{ logRatio: 0 }, { logRatio: 0 }, { logRatio: 0 }], cause: 'no-spread' },
    { what: 'an infinite ratio (a statistic of 0)', pairs: [{ logRatio: Number.NEGATIVE_INFINITY }, { logRatio: 0 }, { logRatio: 0.1 }], cause: undefined },
  ])('InsufficientData, not NaN: $what', ({ pairs, cause }) => {
    const r = pairedLogRatio(pairs);
    expect(isInsufficient(r)).toBe(true);
    if (isInsufficient(r)) expect(r.cause).toBe(cause);
  });

  it('refuses a se ≤ 0 and bad options', () => {
    expect(() => pairedLogRatio([{ logRatio: 0, se: 0 }, { logRatio: 0 }, { logRatio: 0 }])).toThrow(RangeError);
    expect(() => pairedLogRatio([], { confidence: 1 })).toThrow(RangeError);
    expect(() => pairedLogRatio([], { minPairs: 1 })).toThrow(RangeError);
  });

  it('keeps its contract for any pairs: p-values add to 1, the interval holds the estimate, a shift moves it', () => {
    // Ratios on a 0.1 % grid: a spread of 1e-160 is lost to rounding when the ratios are shifted.
    const pair = fc.record({ logRatio: fc.integer({ min: -2000, max: 2000 }).map((x) => x / 1000), se: fc.option(fc.double({ min: 1e-4, max: 1, noNaN: true }), { nil: undefined }) });
    fc.assert(fc.property(fc.array(pair, { minLength: 3, maxLength: 12 }), fc.double({ min: -1, max: 1, noNaN: true }), (raw, c) => {
      const pairs = raw.map((p) => (p.se === undefined ? { logRatio: p.logRatio } : { logRatio: p.logRatio, se: p.se }));
      const r = pairedLogRatio(pairs);
      if (isInsufficient(r)) {
        expect(r.cause).toBe('no-spread');
        return;
      }
      expect(r.pGreater + r.pLess).toBeCloseTo(1, 12);
      expect(r.lower).toBeGreaterThan(-1);
      expect(r.lower).toBeLessThanOrEqual(Math.expm1(r.logRatio) + 1e-12);
      expect(r.upper).toBeGreaterThanOrEqual(Math.expm1(r.logRatio) - 1e-12);
      const moved = sufficient(pairedLogRatio(pairs.map((p) => ({ ...p, logRatio: p.logRatio + c }))));
      expect(moved.logRatio).toBeCloseTo(r.logRatio + c, 9);
      expect(moved.se).toBeCloseTo(r.se, 9);
    }));
  });

  it('holds its level: under no change, one-sided p < 0.05 in about 5 % of simulated A/A experiments', () => {
    // 6 pairs; each pair's ratio = drift that the pair shares + within-round error ± 3 % + pair noise ± 4 %.
    const rng = seededRng(11);
    const gauss = (): number => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
    let hits = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const pairs = Array.from({ length: 6 }, () => ({ logRatio: 0.03 * gauss() + 0.04 * gauss(), se: 0.03 }));
      if (sufficient(pairedLogRatio(pairs)).pGreater < 0.05) hits++;
    }
    // Binomial(4000, 0.05) has SD 1.4 points: 2.5–6.5 % holds it with room; a test that ignored the pair noise would give ~15 %.
    expect(hits / trials).toBeGreaterThan(0.025);
    expect(hits / trials).toBeLessThan(0.065);
  });

  it('finds a +20 % change of six pairs with a few % of noise', () => {
    const r = sufficient(pairedLogRatio([1.18, 1.21, 1.19, 1.23, 1.2, 1.22].map((x) => ({ logRatio: ln(x), se: 0.04 }))));
    expect(r.pGreater).toBeLessThan(1e-4);
    expect(r.lower).toBeGreaterThan(0.15);
  });
});

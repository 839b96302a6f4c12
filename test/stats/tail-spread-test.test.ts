import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/stats/distribution.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { normalCdf } from '../../src/stats/normal.js';
import { seededRng } from '../../src/stats/random.js';
import { tailSpreadTest } from '../../src/stats/tail-spread-test.js';
import { sufficient, tiedSample, toDistribution } from './helpers.js';

/** 70 requests at 10 ms, then one each at 11 … 40 ms (n = 100): a median with no spread, a tail with some. */
const steppedTail: Distribution = [{ value: 10, count: 70 }, ...Array.from({ length: 30 }, (_, i) => ({ value: 11 + i, count: 1 }))];
const scaleAbove = (d: Distribution, from: number, k: number): Distribution => d.map((b) => (b.value > from ? { value: b.value * k, count: b.count } : b));
const scaleAll = (d: Distribution, k: number): Distribution => d.map((b) => ({ value: b.value * k, count: b.count }));
const uniform100: Distribution = Array.from({ length: 100 }, (_, i) => ({ value: i + 1, count: 1 }));

// Hand computation for steppedTail, n_eff = 100 (value at 0-based rank r ≥ 70 is r − 59):
//   p95: rank 0.95·99 = 94.05 → 35.05; order-statistic band 0.95 ± 1.96·√(0.95·0.05/100) = 0.95 ± 0.042716
//   → ranks 98.279 and 89.821 → 39.279 and 30.821 → sᵩ = ln(39.279/30.821)/3.91993 = 0.061874
//   median: ranks 0.5 ± 0.098 → 39.8 and 59.2 → both 10 ms → sₘ = 0, so each run's se is sᵩ.
const S_STEPPED = Math.log(39.279 / 30.821) / 3.919928;
// uniform100: sᵩ = ln(99.2789/90.8211)/3.91993 = 0.022715, sₘ = ln(60.202/40.798)/3.91993 = 0.099253,
//   ρ = √(0.05/0.95) = 0.229416, per run √(0.022715² + 0.099253² − 2·0.229416·0.022715·0.099253) = 0.096608
const S_UNIFORM = 0.096608;

describe('tailSpreadTest', () => {
  it.each([
    { what: 'the slowest 15 requests 50 % slower, median unchanged', b: steppedTail, c: scaleAbove(steppedTail, 25, 1.5), noise: 0, logRatio: Math.log(1.5), se: Math.SQRT2 * S_STEPPED },
    { what: 'the whole run 10 % slower (drift): the spread did not move', b: steppedTail, c: scaleAll(steppedTail, 1.1), noise: 0, logRatio: 0, se: Math.SQRT2 * S_STEPPED },
    { what: 'the same tail change with a shape noise of 2 % per run', b: steppedTail, c: scaleAbove(steppedTail, 25, 1.5), noise: 0.02, logRatio: Math.log(1.5), se: Math.sqrt(2 * S_STEPPED ** 2 + 2 * 0.02 ** 2) },
    { what: 'a median with spread: the correlation of median and p95 lowers the variance', b: uniform100, c: uniform100, noise: 0, logRatio: 0, se: Math.SQRT2 * S_UNIFORM },
  ])('$what', ({ b, c, noise, logRatio, se }) => {
    const t = sufficient(tailSpreadTest(b, c, { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise }));
    expect(t.logRatio).toBeCloseTo(logRatio, 9);
    expect(t.se).toBeCloseTo(se, 4);
    expect(t.pGreater).toBeCloseTo(normalCdf(-logRatio / se), 4);
    expect(t.lower).toBeCloseTo(Math.expm1(logRatio - 1.959964 * se), 3);
    expect(t.upper).toBeCloseTo(Math.expm1(logRatio + 1.959964 * se), 3);
  });

  it('the design effect widens the interval: n_eff 80 instead of 100', () => {
    // 0.95 ± 1.96·√(0.0475/80) = 0.95 ± 0.047758 → ranks 98.778 and 89.322 → 39.778 and 30.322
    const wide = sufficient(tailSpreadTest(steppedTail, steppedTail, { q: 0.95, nEffectiveBaseline: 80, nEffectiveCurrent: 80 }));
    expect(wide.se).toBeCloseTo(Math.SQRT2 * (Math.log(39.778 / 30.322) / 3.919928), 4);
    const narrow = sufficient(tailSpreadTest(steppedTail, steppedTail, { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100 }));
    expect(wide.se).toBeGreaterThan(narrow.se);
  });

  it.each([
    // 1.96²·0.99/0.01 = 380 effective requests bound p(99); 228 do not
    { what: 'p(99) of 228 effective requests', b: steppedTail, c: steppedTail, q: 0.99, n: 228, cause: 'too-few' },
    { what: 'one request', b: [{ value: 5, count: 1 }], c: [{ value: 5, count: 1 }], q: 0.95, n: 1, cause: 'too-few' },
    { what: 'every request equal, no noise', b: [{ value: 7, count: 200 }], c: [{ value: 7, count: 300 }], q: 0.95, n: 200, cause: 'no-spread' },
    { what: 'an empty run', b: [], c: steppedTail, q: 0.95, n: 100, cause: undefined },
    { what: 'a median of 0 ms', b: [{ value: 0, count: 80 }, { value: 3, count: 20 }], c: steppedTail, q: 0.95, n: 100, cause: undefined },
  ])('InsufficientData, not NaN: $what', ({ b, c, q, n, cause }) => {
    const t = tailSpreadTest(b, c, { q, nEffectiveBaseline: n, nEffectiveCurrent: n });
    expect(isInsufficient(t)).toBe(true);
    if (isInsufficient(t)) expect(t.cause).toBe(cause);
  });

  it.each([
    { what: 'q at the median', options: { q: 0.5, nEffectiveBaseline: 100, nEffectiveCurrent: 100 } },
    { what: 'q = 1', options: { q: 1, nEffectiveBaseline: 100, nEffectiveCurrent: 100 } },
    { what: 'an effective n of 0', options: { q: 0.95, nEffectiveBaseline: 0, nEffectiveCurrent: 100 } },
    { what: 'a negative noise', options: { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise: -0.01 } },
  ])('throws on $what', ({ options }) => {
    expect(() => tailSpreadTest(steppedTail, steppedTail, options)).toThrow(RangeError);
  });

  it('under no change, p < 0.05 about 5 % of the time (2000 seeded lognormal pairs of 300)', () => {
    const rng = seededRng(95);
    const sample = (n: number): Distribution => {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) xs.push(Math.round(20 * Math.exp(0.35 * Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng())) * 100) / 100);
      return toDistribution(xs);
    };
    let rejections = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const t = sufficient(tailSpreadTest(sample(300), sample(300), { q: 0.95, nEffectiveBaseline: 300, nEffectiveCurrent: 300 }));
      if (t.pGreater < 0.05) rejections++;
    }
    // Binomial(2000, 0.05) has a standard deviation of 0.49 points; the order-statistic se is slightly conservative.
    expect(rejections / trials).toBeGreaterThan(0.025);
    expect(rejections / trials).toBeLessThan(0.07);
  });

  it('properties: never NaN; the interval holds the ratio; the estimate grows with a stretch of the tail; drift cancels', () => {
    fc.assert(
      fc.property(tiedSample(2, 60), tiedSample(2, 60), fc.double({ min: 1, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (xs, ys, k, noise) => {
        const b = toDistribution(xs.map((x) => x + 1));
        const c = toDistribution(ys.map((y) => y + 1));
        const options = { q: 0.9, nEffectiveBaseline: xs.length * 5, nEffectiveCurrent: ys.length * 5, noise };
        const t = tailSpreadTest(b, c, options);
        if (isInsufficient(t)) {
          expect(t.reason.length).toBeGreaterThan(0);
          return;
        }
        for (const x of [t.logRatio, t.se, t.pGreater, t.lower, t.upper]) expect(Number.isNaN(x)).toBe(false);
        expect(t.lower).toBeLessThanOrEqual(Math.expm1(t.logRatio) + 1e-12);
        expect(t.upper).toBeGreaterThanOrEqual(Math.expm1(t.logRatio) - 1e-12);
        // Stretching the requests above the 75th percentile leaves the median and lifts p(90).
        const above = c[c.length - 1]!.value > 0 ? quantileValue(c, 0.75) : 0;
        const stretched = tailSpreadTest(b, scaleAbove(c, above, k), options);
        if (!isInsufficient(stretched)) expect(stretched.logRatio).toBeGreaterThanOrEqual(t.logRatio - 1e-12);
        const drifted = tailSpreadTest(b, scaleAll(c, k), options);
        if (!isInsufficient(drifted)) expect(drifted.logRatio).toBeCloseTo(t.logRatio, 9);
      }),
    );
  });
});

/** The k6 percentile of a distribution, for the property (a naive expansion). */
function quantileValue(d: Distribution, p: number): number {
  const xs = d.flatMap((b) => Array.from({ length: b.count }, () => b.value));
  const r = p * (xs.length - 1);
  const lo = Math.floor(r);
  return xs[lo]! + (xs[Math.min(lo + 1, xs.length - 1)]! - xs[lo]!) * (r - lo);
}

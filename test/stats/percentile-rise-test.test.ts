import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/stats/distribution.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { normalCdf } from '../../src/stats/normal.js';
import { percentileEstimate, percentileRiseOfEstimates, percentileRiseTest, type PercentileEstimate } from '../../src/stats/percentile-rise-test.js';
import { poolLogEstimates } from '../../src/stats/log-quantile.js';
import { driftingRuns, sufficient, tiedSample, toDistribution } from './helpers.js';

/** 70 requests at 10 ms, then one each at 11 … 40 ms (n = 100). */
const steppedTail: Distribution = [{ value: 10, count: 70 }, ...Array.from({ length: 30 }, (_, i) => ({ value: 11 + i, count: 1 }))];
const scaleAbove = (d: Distribution, from: number, k: number): Distribution => d.map((b) => (b.value > from ? { value: b.value * k, count: b.count } : b));
const scaleAll = (d: Distribution, k: number): Distribution => d.map((b) => ({ value: b.value * k, count: b.count }));
// p95's order-statistic se of steppedTail at n_eff 100 (see tail-spread-test.test.ts): ln(39.279/30.821)/3.91993;
// its median's is 0 (ranks 39.8 … 59.2 all at 10 ms).
const S = Math.log(39.279 / 30.821) / 3.919928;
const levelSe = (noise: number) => Math.sqrt(2 * S * S + 2 * noise * noise);
const one = (z: number) => normalCdf(-z);

describe('percentileRiseTest', () => {
  it.each([
    // level: ln 1.5 / √(2S² + 2·0.03²) = 4.05; spread (no shape noise): ln 1.5 / (√2·S) = 4.63 → the spread decides, p doubled
    { what: 'tail-only +50 %: the spread decides', c: scaleAbove(steppedTail, 25, 1.5), q: 0.95, noise: 0.03, shapeNoise: 0, evidence: 'spread', p: 2 * one(Math.log(1.5) / (Math.SQRT2 * S)), level: one(Math.log(1.5) / levelSe(0.03)) },
    // the whole run 30 % slower: the spread has not moved (p ½); the level decides
    { what: 'everything +30 %: the level decides', c: scaleAll(steppedTail, 1.3), q: 0.95, noise: 0.03, shapeNoise: 0, evidence: 'level', p: 2 * one(Math.log(1.3) / levelSe(0.03)), level: one(Math.log(1.3) / levelSe(0.03)) },
    // shape noise defaults to the noise: both tests have the same se and estimate; ties go to the level
    { what: 'tail-only +50 %, shape noise = noise', c: scaleAbove(steppedTail, 25, 1.5), q: 0.95, noise: 0.03, shapeNoise: undefined, evidence: 'level', p: 2 * one(Math.log(1.5) / levelSe(0.03)), level: one(Math.log(1.5) / levelSe(0.03)) },
    // the median itself (q ≤ ½) has no spread question: its p is the level's, not doubled; se √2·0.03 (the median has no spread)
    { what: 'q = ½: the level alone', c: scaleAll(steppedTail, 1.3), q: 0.5, noise: 0.03, shapeNoise: 0, evidence: 'level', p: one(Math.log(1.3) / (Math.SQRT2 * 0.03)), level: one(Math.log(1.3) / (Math.SQRT2 * 0.03)) },
  ])('$what', ({ c, q, noise, shapeNoise, evidence, p, level }) => {
    const t = sufficient(percentileRiseTest(steppedTail, c, { q, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise, ...(shapeNoise !== undefined ? { shapeNoise } : {}) }));
    expect(t.evidence).toBe(evidence);
    expect(t.pGreater / p).toBeCloseTo(1, 3);
    expect(t.level.pGreater / level).toBeCloseTo(1, 3);
    expect(t.test).toBe(evidence === 'spread' ? t.spread : t.level);
    if (q <= 0.5) expect(t.spread).toBeUndefined();
  });

  it.each([
    { what: 'p(99) of 228 effective requests (needs about 380)', b: steppedTail, q: 0.99, n: 228, cause: 'too-few' },
    { what: 'one request', b: [{ value: 5, count: 1 }], q: 0.95, n: 1, cause: 'too-few' },
    { what: 'an empty baseline', b: [], q: 0.95, n: 100, cause: undefined },
    { what: 'latencies of 0 ms', b: [{ value: 0, count: 100 }], q: 0.95, n: 100, cause: undefined },
  ])('InsufficientData, not NaN: $what', ({ b, q, n, cause }) => {
    const t = percentileRiseTest(b, steppedTail, { q, nEffectiveBaseline: n, nEffectiveCurrent: n, noise: 0.03 });
    expect(isInsufficient(t)).toBe(true);
    if (isInsufficient(t)) expect(t.cause).toBe(cause);
  });

  it('every request equal in both runs and no noise: no spread to measure against', () => {
    const t = percentileRiseTest([{ value: 7, count: 200 }], [{ value: 7, count: 200 }], { q: 0.95, nEffectiveBaseline: 200, nEffectiveCurrent: 200 });
    expect(isInsufficient(t) && t.cause).toBe('no-spread');
  });

  it.each([
    { what: 'q = 0', options: { q: 0, nEffectiveBaseline: 100, nEffectiveCurrent: 100 } },
    { what: 'q = 1', options: { q: 1, nEffectiveBaseline: 100, nEffectiveCurrent: 100 } },
    { what: 'an effective n of 0', options: { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 0 } },
    { what: 'a negative noise', options: { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise: -1 } },
    { what: 'a negative shape noise', options: { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, shapeNoise: -1 } },
  ])('throws on $what', ({ options }) => {
    expect(() => percentileRiseTest(steppedTail, steppedTail, options)).toThrow(RangeError);
  });

  it('under no change, p < 0.05 at most about 5 % of the time (2000 seeded lognormal pairs of 300, with drift)', () => {
    const sample = driftingRuns(9);
    let rejections = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const t = sufficient(percentileRiseTest(sample(300), sample(300), { q: 0.95, nEffectiveBaseline: 300, nEffectiveCurrent: 300, noise: 0.03, shapeNoise: 0 }));
      if (t.pGreater < 0.05) rejections++;
    }
    expect(rejections / trials).toBeGreaterThan(0.015);
    expect(rejections / trials).toBeLessThan(0.065);
  });

  it('properties: never NaN; p between the smaller of the two and twice it; the interval holds the ratio', () => {
    fc.assert(
      fc.property(tiedSample(2, 60), tiedSample(2, 60), fc.constantFrom(0.5, 0.75, 0.9), fc.double({ min: 0, max: 0.2, noNaN: true }), (xs, ys, q, noise) => {
        const t = percentileRiseTest(toDistribution(xs.map((x) => x + 1)), toDistribution(ys.map((y) => y + 1)), {
          q,
          nEffectiveBaseline: xs.length * 5,
          nEffectiveCurrent: ys.length * 5,
          noise,
          shapeNoise: noise / 2,
        });
        if (isInsufficient(t)) {
          expect(t.reason.length).toBeGreaterThan(0);
          return;
        }
        for (const x of [t.pGreater, t.test.logRatio, t.test.se, t.test.lower, t.test.upper]) expect(Number.isNaN(x)).toBe(false);
        const smaller = Math.min(t.level.pGreater, t.spread?.pGreater ?? 1);
        expect(t.pGreater).toBeGreaterThanOrEqual(smaller);
        expect(t.pGreater).toBeLessThanOrEqual(Math.min(1, 2 * smaller) + 1e-15);
        expect(t.test.lower).toBeLessThanOrEqual(Math.expm1(t.test.logRatio) + 1e-12);
        expect(t.test.upper).toBeGreaterThanOrEqual(Math.expm1(t.test.logRatio) - 1e-12);
      }),
    );
  });
});

describe('percentileRiseOfEstimates', () => {
  const estimate = (d: Distribution, n: number): PercentileEstimate => sufficient(percentileEstimate(d, 0.95, n, 'baseline'));
  /** K runs' estimates averaged, as the gate's pooled baseline averages stored runs. */
  const pooled = (runs: readonly PercentileEstimate[]): PercentileEstimate => ({
    level: poolLogEstimates(runs.map((r) => r.level)),
    ...(runs.every((r) => r.spread) ? { spread: poolLogEstimates(runs.map((r) => r.spread!)) } : {}),
    runs: runs.length,
  });

  it('with one run a side it is percentileRiseTest', () => {
    const c = scaleAbove(steppedTail, 25, 1.5);
    const direct = sufficient(percentileRiseTest(steppedTail, c, { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise: 0.03, shapeNoise: 0.015 }));
    const viaEstimates = sufficient(percentileRiseOfEstimates(estimate(steppedTail, 100), estimate(c, 100), { noise: 0.03, shapeNoise: 0.015 }));
    expect(viaEstimates).toEqual(direct);
  });

  it('a baseline of K runs divides its sampling error and its run-to-run noise by √K', () => {
    const c = scaleAll(steppedTail, 1.3);
    const b = estimate(steppedTail, 100);
    const t = sufficient(percentileRiseOfEstimates(pooled([b, b, b, b]), estimate(c, 100), { noise: 0.03, shapeNoise: 0 }));
    // the level: √(S²/4 + S² + 0.03²/4 + 0.03²)
    expect(t.level.se).toBeCloseTo(Math.sqrt(S * S / 4 + S * S + 0.03 ** 2 / 4 + 0.03 ** 2), 5);
    expect(t.level.logRatio).toBeCloseTo(Math.log(1.3), 9);
  });

  it.each([0, 1.5, -1])('throws for %s runs', (runs) => {
    const b = { ...estimate(steppedTail, 100), runs };
    expect(() => percentileRiseOfEstimates(b, estimate(steppedTail, 100), { noise: 0.03, shapeNoise: 0.015 })).toThrow(RangeError);
  });

  it('under no change against a baseline of 5 drifting runs, p < 0.05 at most about 5 % of the time (1000 seeded trials of 300 requests)', () => {
    const sample = driftingRuns(11);
    let rejections = 0;
    const trials = 1000;
    for (let i = 0; i < trials; i++) {
      const base = pooled(Array.from({ length: 5 }, () => estimate(sample(300), 300)));
      const t = sufficient(percentileRiseOfEstimates(base, estimate(sample(300), 300), { noise: 0.03, shapeNoise: 0.01 }));
      if (t.pGreater < 0.05) rejections++;
    }
    expect(rejections / trials).toBeGreaterThan(0.015);
    expect(rejections / trials).toBeLessThan(0.07);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANGE_POINT_MIN_WINDOWS, changePoint, kolmogorovSurvival, type WindowLogSums } from '../../src/stats/change-point.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { seededRng, type Rng } from '../../src/stats/random.js';
import { sufficient } from './helpers.js';

const gaussian = (rng: Rng): number => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());

/** A window of raw ln latencies. */
function windowOf(logs: readonly number[]): WindowLogSums {
  return { count: logs.length, sumLog: logs.reduce((a, x) => a + x, 0), sumLogSq: logs.reduce((a, x) => a + x * x, 0) };
}

/**
 * `k` windows of `n` requests, ln latency 3 + σ·z, plus a window-level AR(1) process (sd `tau`, lag-1 `phi`)
 * and `step` added from window `at` on.
 */
function series(rng: Rng, spec: { k: number; n?: number; sigma?: number; tau?: number; phi?: number; step?: number; at?: number }): WindowLogSums[] {
  const { k, n = 12, sigma = 0.35, tau = 0, phi = 0, step = 0, at = k } = spec;
  const out: WindowLogSums[] = [];
  let u = tau * gaussian(rng);
  for (let j = 0; j < k; j++) {
    if (j > 0) u = phi * u + tau * Math.sqrt(1 - phi * phi) * gaussian(rng);
    out.push(windowOf(Array.from({ length: n }, () => 3 + u + sigma * gaussian(rng) + (j >= at ? step : 0))));
  }
  return out;
}

describe('kolmogorovSurvival', () => {
  it.each([
    // Kolmogorov's distribution, standard tables: P(sup|B| > x).
    { x: 0, p: 1 },
    { x: 0.5, p: 0.9639 },
    { x: 1, p: 0.27 },
    { x: 1.2238, p: 0.1 },
    { x: 1.3581, p: 0.05 },
    { x: 1.6276, p: 0.01 },
    { x: 1.9495, p: 0.001 },
  ])('P(K > $x) = $p', ({ x, p }) => {
    expect(kolmogorovSurvival(x)).toBeCloseTo(p, 4);
  });

  it('is a survival function: in [0, 1], non-increasing, continuous where the two series meet', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 30, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, dx) => {
        const p = kolmogorovSurvival(x);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(kolmogorovSurvival(x + dx)).toBeLessThanOrEqual(p + 1e-12);
      }),
    );
    expect(kolmogorovSurvival(1 - 1e-9)).toBeCloseTo(kolmogorovSurvival(1 + 1e-9), 8);
  });
});

describe('changePoint', () => {
  const flat = (k: number, mean = 3) => Array.from({ length: k }, () => windowOf([mean - 0.2, mean, mean + 0.2]));

  it.each([
    { what: 'no windows', windows: [] as WindowLogSums[], cause: 'too-few' },
    { what: 'one window', windows: flat(1), cause: 'too-few' },
    { what: 'two windows', windows: flat(2), cause: 'too-few' },
    { what: `${CHANGE_POINT_MIN_WINDOWS - 1} windows`, windows: flat(CHANGE_POINT_MIN_WINDOWS - 1), cause: 'too-few' },
    { what: 'windows without requests only', windows: Array.from({ length: 10 }, () => ({ count: 0, sumLog: 0, sumLogSq: 0 })), cause: 'too-few' },
    { what: 'every window the same mean', windows: flat(10), cause: 'no-spread' },
    { what: 'every request the same latency', windows: Array.from({ length: 10 }, () => windowOf([2, 2, 2])), cause: 'no-spread' },
  ])('insufficient: $what', ({ windows, cause }) => {
    const r = changePoint(windows);
    expect(isInsufficient(r) && r.cause).toBe(cause);
  });

  it.each([
    { what: 'a count below 0', w: { count: -1, sumLog: 0, sumLogSq: 0 } },
    { what: 'an infinite count', w: { count: Infinity, sumLog: 0, sumLogSq: 0 } },
    { what: 'a sum that is NaN', w: { count: 3, sumLog: Number.NaN, sumLogSq: 0 } },
  ])('throws on $what', ({ w }) => {
    expect(() => changePoint([...flat(5), w])).toThrow(RangeError);
  });

  it.each([
    // Hand-made: 4 windows at ln 3 then 4 at ln 3.4, each ± 0.1 (three requests −0.1, 0, +0.1).
    { what: 'a clean step at window 4 of 8', windows: [...flat(4, 3), ...flat(4, 3.4)].map((w, j) => ({ ...w, ...windowOf([-0.1, 0, 0.1].map((d) => (j < 4 ? 3 : 3.4) + d)) })), at: 4, before: 3, after: 3.4 },
    { what: 'a step down at window 2 of 6', windows: [3, 3, 2.5, 2.5, 2.5, 2.5].map((m) => windowOf([m - 0.1, m, m + 0.1])), at: 2, before: 3, after: 2.5 },
    { what: 'a step after windows without requests (indexes of the input)', windows: [windowOf([3]), { count: 0, sumLog: 0, sumLogSq: 0 }, windowOf([3.1]), windowOf([2.9]), windowOf([4]), windowOf([4.1]), windowOf([3.9])], at: 4, before: 3, after: 4 },
  ])('$what', ({ windows, at, before, after }) => {
    const r = sufficient(changePoint(windows));
    expect(r.at).toBe(at);
    expect(r.before.logMean).toBeCloseTo(before, 12);
    expect(r.after.logMean).toBeCloseTo(after, 12);
    expect(r.pValue).toBeLessThan(0.05);
    expect(r.statistic).toBeGreaterThan(0);
  });

  it('weights windows by their requests: a busy window moves the mean more than a quiet one', () => {
    const r = sufficient(changePoint([windowOf([3, 3.2]), windowOf([3.1, 3.1]), windowOf([3, 3.2]), windowOf(Array(30).fill(4)), windowOf([4, 4.2])]));
    expect(r.at).toBe(3);
    expect(r.after.count).toBe(32);
    expect(r.after.logMean).toBeCloseTo((30 * 4 + 8.2) / 32, 12);
  });

  it('finds a +50 % step in the last third of 20 noisy windows at its window (±1), significantly', () => {
    const rng = seededRng(11);
    let found = 0;
    let significant = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const r = sufficient(changePoint(series(rng, { k: 20, tau: 0.03, phi: 0.3, step: Math.log(1.5), at: 13 })));
      if (Math.abs(r.at - 13) <= 1) found++;
      if (r.pValue < 0.05) significant++;
    }
    expect(found / trials).toBeGreaterThan(0.95);
    expect(significant / trials).toBeGreaterThan(0.95);
  });

  // Conservative rather than liberal: a discrete bridge's sup is below the continuous one's, and the noise
  // is never taken below the requests' own; on few windows p leans towards 1 (measured: 6 windows, P(p < ½) ≈ 0.2).
  it.each([
    { k: 6, n: 12, half: [0.1, 0.6] },
    { k: 20, n: 12, half: [0.15, 0.65] },
    { k: 20, n: 1, half: [0.2, 0.7] },
    { k: 60, n: 30, half: [0.2, 0.7] },
  ])('white noise, $k windows of $n requests: p rarely below 0.05, spread over [0, 1]', ({ k, n, half }) => {
    const rng = seededRng(1000 + k * n);
    const ps: number[] = [];
    for (let t = 0; t < 400; t++) ps.push(sufficient(changePoint(series(rng, { k, n }))).pValue);
    const below = (x: number): number => ps.filter((p) => p < x).length / ps.length;
    expect(below(0.05)).toBeLessThan(0.08);
    expect(below(0.5)).toBeGreaterThan(half[0]!);
    expect(below(0.5)).toBeLessThan(half[1]!);
  });

  it('window-level drift (AR(1), lag 0.5) raises the noise, not the false alarms much', () => {
    const rng = seededRng(77);
    let below = 0;
    for (let t = 0; t < 400; t++) if (sufficient(changePoint(series(rng, { k: 20, tau: 0.05, phi: 0.5 }))).pValue < 0.05) below++;
    expect(below / 400).toBeLessThan(0.1);
  });

  it('property: never NaN; p in [0, 1]; the step splits the windows with requests', () => {
    const window = fc.oneof(
      fc.constant({ count: 0, sumLog: 0, sumLogSq: 0 }),
      fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 5 }).map(windowOf),
    );
    fc.assert(
      fc.property(fc.array(window, { maxLength: 30 }), (windows) => {
        const r = changePoint(windows);
        if (isInsufficient(r)) {
          expect(r.reason.length).toBeGreaterThan(0);
          return;
        }
        for (const x of [r.statistic, r.pValue, r.before.logMean, r.after.logMean]) expect(Number.isNaN(x)).toBe(false);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(windows[r.at]!.count).toBeGreaterThan(0);
        expect(windows.slice(0, r.at).some((w) => w.count > 0)).toBe(true);
        expect(r.before.count + r.after.count).toBe(windows.reduce((a, w) => a + w.count, 0));
      }),
    );
  });
});

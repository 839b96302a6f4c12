import { describe, expect, it } from 'vitest';
import { mannWhitneyGreater, normalCdf, normalQuantile, percentileSorted, quickselect, sampleSd, shiftInterval, tQuantile, wilson } from '../../scripts/bench-accuracy/stats.js';

describe('wilson', () => {
  // Hand-computed: centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.96.
  it.each([
    [0, 300, 0, 0, 0.012643],
    [50, 100, 0.5, 0.403831, 0.596169],
    [100, 100, 1, 0.963007, 1],
    [3, 10, 0.3, 0.107789, 0.603222],
  ])('%i of %i → %f (%f–%f)', (hits, trials, rate, lower, upper) => {
    const i = wilson(hits, trials);
    expect(i.rate).toBeCloseTo(rate, 6);
    expect(i.lower).toBeCloseTo(lower, 5);
    expect(i.upper).toBeCloseTo(upper, 5);
  });

  it('refuses impossible counts', () => {
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(5, 4)).toThrow(RangeError);
  });
});

describe('normal and t quantiles', () => {
  it.each([
    [0, 0.5],
    [1.959964, 0.975],
    [-1.644854, 0.05],
    [2.326348, 0.99],
  ])('Φ(%f) = %f and back', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 6);
    expect(normalQuantile(p)).toBeCloseTo(z, 5);
  });

  it('reads the t table', () => {
    expect(tQuantile(0.95, 4)).toBe(2.132);
    expect(tQuantile(0.99, 4)).toBe(3.747);
    expect(() => tQuantile(0.95, 11)).toThrow(RangeError);
  });
});

describe('percentiles and selection', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.95, 3.85],
    [[10, 10, 10, 10, 13], 0.95, 12.4],
    [[7], 0.95, 7],
  ])('percentile of %j at %f is %f', (xs, p, expected) => {
    expect(percentileSorted(xs, p)).toBeCloseTo(expected, 10);
  });

  it('quickselect agrees with sorting', () => {
    const values = [5, 3, 9, 1, 1, 7, 2, 8, 6, 4];
    const sorted = [...values].sort((a, b) => a - b);
    for (let k = 0; k < values.length; k++) expect(quickselect(Float64Array.from(values), k)).toBe(sorted[k]);
  });

  it('sample SD divides by n − 1', () => {
    expect(sampleSd([10, 11, 9, 10, 10])).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe('mannWhitneyGreater', () => {
  it.each([
    // U = 9 of 9, z = (9 − 4.5 − 0.5)/√5.25 = 1.7457.
    [[1, 2, 3], [4, 5, 6], 0.04043],
    // Mid-ranks 1.5,1.5,3.5,3.5,5.5,5.5: U = 8.5, tie-corrected variance 0.75·(7 − 18/30) = 4.8, z = 3.5/√4.8 = 1.5975.
    [[1, 1, 2], [2, 3, 3], 0.055076],
    // Current smaller: U = 0, z = (0 − 4.5 − 0.5)/√5.25 = −2.1822.
    [[4, 5, 6], [1, 2, 3], 0.985453],
  ])('baseline %j, current %j → p = %f', (baseline, current, p) => {
    expect(mannWhitneyGreater(baseline, current)).toBeCloseTo(p, 4);
  });

  it('is 1 when every value is the same', () => {
    expect(mannWhitneyGreater([2, 2], [2, 2])).toBe(1);
  });
});

describe('shiftInterval', () => {
  it('takes the k-th smallest and largest pairwise difference', () => {
    // Differences 8,9,9,10,10,10,11,11,12; at 50 %: k = ⌊4.5 − 0.6745·√5.25⌋ = 2.
    expect(shiftInterval([1, 2, 3], [11, 12, 13], 0.5)).toEqual({ estimate: 10, lower: 9, upper: 11 });
    // At 98 % k would be below 1: the interval is the whole range of differences.
    expect(shiftInterval([1, 2, 3], [11, 12, 13], 0.98)).toEqual({ estimate: 10, lower: 8, upper: 12 });
  });

  it('averages the two middle differences when there is an even number', () => {
    // Differences 9, 10, 10, 11.
    expect(shiftInterval([1, 2], [11, 12], 0.5).estimate).toBe(10);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatConfidence,
  formatDuration,
  formatMegabytes,
  formatMs,
  formatNumber,
  formatPair,
  formatPercent,
  formatPValue,
  formatRate,
  formatSlope,
  formatTimestamp,
  groupThousands,
} from '../../src/report/format.js';

describe('formatNumber: 3 significant digits below 1000, whole with thousands separators above', () => {
  it.each([
    { input: 0, expected: '0' },
    { input: 0.410891, expected: '0.411' },
    { input: 20.119449, expected: '20.1' },
    { input: 20, expected: '20.0' },
    { input: 155.4779, expected: '155' },
    { input: 999.4, expected: '999' },
    { input: 999.6, expected: '1,000' },
    { input: 1180.4, expected: '1,180' },
    { input: 12_345.6, expected: '12,346' },
    { input: 1_234_567, expected: '1,234,567' },
    { input: 0.09996, expected: '0.100' },
    { input: 0.000412, expected: '0.000412' },
    { input: -38.51, expected: '−38.5' },
    { input: Number.NaN, expected: 'NaN' },
    { input: Number.POSITIVE_INFINITY, expected: '∞' },
    { input: 5e-324, expected: '≈0' },
    { input: -0.5, expected: '−0.500' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(formatNumber(input)).toBe(expected);
  });

  it('stays within 3 significant digits of the value (relative error < 0.5e-2) and never uses exponents', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 999.4, noNaN: true }), (x) => {
        const s = formatNumber(x);
        expect(s).not.toMatch(/e/i);
        expect(Math.abs(Number(s.replace(/,/g, '')) - x) / x).toBeLessThanOrEqual(0.5e-2);
      }),
    );
  });
});

describe('units', () => {
  it.each([
    { what: 'ms', actual: formatMs(80.0635485), expected: '80.1 ms' },
    { what: 'ms above a second', actual: formatMs(1234.5), expected: '1,235 ms' },
    { what: 'req/s', actual: formatRate(104.2761502168324), expected: '104 req/s' },
    { what: 'MB of 2^20 bytes', actual: formatMegabytes(53_313_536), expected: '50.8 MB' },
    { what: 'slope, growing', actual: formatSlope(96.5), expected: '+96.5 MB/h' },
    { what: 'slope, shrinking', actual: formatSlope(-2), expected: '−2.00 MB/h' },
    { what: 'slope, flat', actual: formatSlope(0), expected: '0 MB/h' },
    { what: 'error rate zero', actual: formatPercent(0), expected: '0 %' },
    { what: 'error rate 5 %', actual: formatPercent(0.05), expected: '5.00 %' },
    { what: 'error rate small', actual: formatPercent(0.00048), expected: '0.0480 %' },
    { what: 'groupThousands negative', actual: groupThousands(-1_234_567), expected: '−1,234,567' },
  ])('$what: $expected', ({ actual, expected }) => {
    expect(actual).toBe(expected);
  });
});

describe('formatChange: signed, at most one decimal', () => {
  it.each([
    { input: 0.1234, expected: '+12.3 %' },
    { input: 0.44, expected: '+44.0 %' },
    { input: -0.04, expected: '−4.0 %' },
    { input: 0.0123, expected: '+1.2 %' },
    { input: 1.234, expected: '+123 %' },
    { input: 12.345, expected: '+1,235 %' },
    { input: 0.0004, expected: '0.0 %' },
    { input: -0.0004, expected: '0.0 %' },
    { input: 0, expected: '0.0 %' },
    { input: Number.POSITIVE_INFINITY, expected: '+∞ %' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(formatChange(input)).toBe(expected);
  });
});

describe('formatPValue', () => {
  it.each([
    { input: 0.00002, expected: 'p < 0.001' },
    { input: 0.001, expected: 'p = 0.001' },
    { input: 0.0043, expected: 'p = 0.004' },
    { input: 0.031, expected: 'p = 0.03' },
    { input: 0.412, expected: 'p = 0.41' },
    { input: 1, expected: 'p = 1.00' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(formatPValue(input)).toBe(expected);
  });
});

describe('formatConfidence: how sure, in words', () => {
  it.each([
    { what: 'confirmed with interval', input: { level: 'confirmed', interval: { lower: 0.21, upper: 0.38, confidence: 0.95 } }, expected: 'confirmed (95 % CI +21 … +38 %)' },
    { what: 'confirmed without interval', input: { level: 'confirmed' }, expected: 'confirmed' },
    { what: 'suggestive', input: { level: 'suggestive', interval: { lower: -0.02, upper: 0.3, confidence: 0.99 } }, expected: 'suggestive (99 % CI −2.0 … +30 %)' },
    { what: 'noise', input: { level: 'none' }, expected: 'within noise' },
    { what: 'noise with a 99.9 % interval', input: { level: 'none', interval: { lower: -0.031, upper: 0.04, confidence: 0.999 } }, expected: 'within noise (99.9 % CI −3.1 … +4.0 %)' },
    { what: 'not applicable', input: { level: 'not-applicable', interval: { lower: 0, upper: 1, confidence: 0.95 } }, expected: 'n/a' },
  ] as const)('$what', ({ input, expected }) => {
    expect(formatConfidence(input)).toBe(expected);
  });
});

describe('durations, timestamps, pairs', () => {
  it.each([
    { input: 6.24, expected: '6.2 s' },
    { input: 20.4, expected: '20 s' },
    { input: 59.6, expected: '1 min' },
    { input: 125, expected: '2 min 5 s' },
    { input: 3600, expected: '1 h' },
    { input: 3725, expected: '1 h 2 min' },
  ])('duration $input s → $expected', ({ input, expected }) => {
    expect(formatDuration(input)).toBe(expected);
  });

  it.each([
    { input: '2026-11-25T14:40:51.004Z', expected: '2026-11-25 14:40 UTC' },
    { input: '2026-11-25T16:40:51+02:00', expected: '2026-11-25 14:40 UTC' },
    { input: 'yesterday', expected: 'yesterday' },
  ])('timestamp $input → $expected', ({ input, expected }) => {
    expect(formatTimestamp(input)).toBe(expected);
  });

  it.each([
    { b: 38.5, c: 50.1, expected: '38.5 → 50.1' },
    { b: undefined, c: 50.1, expected: '– → 50.1' },
    { b: 38.5, c: undefined, expected: '38.5 → –' },
    { b: undefined, c: undefined, expected: '–' },
  ])('pair $b, $c → $expected', ({ b, c, expected }) => {
    expect(formatPair(b, c, (x) => formatNumber(x))).toBe(expected);
  });
});

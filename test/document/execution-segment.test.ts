import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRational,
  compareRational,
  equalSequence,
  formatRational,
  formatSegment,
  formatSequence,
  parseRational,
  parseSegment,
  parseSequence,
  rational,
  SegmentSyntaxError,
  type Segment,
} from '../../src/document/execution-segment.js';

/** The segments tile [0, 1]: the first starts at 0, each starts where the one before ended, the last ends at 1. */
function tiles(segments: readonly Segment[]): boolean {
  if (segments.length === 0) return false;
  if (compareRational(segments[0]!.from, rational(0n, 1n)) !== 0) return false;
  if (compareRational(segments.at(-1)!.to, rational(1n, 1n)) !== 0) return false;
  return segments.every((s, k) => compareRational(s.from, s.to) < 0 && (k === 0 || compareRational(segments[k - 1]!.to, s.from) === 0));
}

describe('k6 execution segments', () => {
  it.each([
    { input: '1/4', expected: '1/4' },
    { input: '2/8', expected: '1/4' },
    { input: '0.25', expected: '1/4' },
    { input: '25%', expected: '1/4' },
    { input: '1', expected: '1' },
    { input: '0', expected: '0' },
    { input: '.5', expected: '1/2' },
    { input: '0.333', expected: '333/1000' },
  ])('value $input is $expected, as k6 writes it (RatString)', ({ input, expected }) => {
    expect(formatRational(parseRational(input))).toBe(expected);
  });

  it.each([
    { input: 'a', message: "'a' is not a fraction (1/4), decimal (0.25) or percentage (25%)" },
    { input: '1/0', message: "'1/0' divides by zero" },
    { input: '-1/4', message: "'-1/4' is not a fraction" },
    { input: '', message: "'' is not a fraction" },
  ])('value $input is refused: $message', ({ input, message }) => {
    expect(() => parseRational(input)).toThrow(SegmentSyntaxError);
    expect(() => parseRational(input)).toThrow(message);
  });

  it.each([
    { input: '1/4:1/2', expected: '1/4:1/2' },
    { input: '0.25:50%', expected: '1/4:1/2' },
    { input: '1/3', expected: '0:1/3' },
    { input: '2/3:1', expected: '2/3:1' },
  ])('segment $input is $expected', ({ input, expected }) => {
    expect(formatSegment(parseSegment(input))).toBe(expected);
  });

  it.each([
    { input: '1/2:1/4', message: 'starts at or after its end' },
    { input: '1/2:1/2', message: 'starts at or after its end' },
    { input: '0:3/2', message: 'ends after 1' },
    { input: '0:1/2:1', message: "more than one ':'" },
  ])('segment $input is refused: $message', ({ input, message }) => {
    expect(() => parseSegment(input)).toThrow(message);
  });

  it.each([
    { input: '0,1/4,1/2,1', segments: ['0:1/4', '1/4:1/2', '1/2:1'] },
    { input: '0, 0.5, 1', segments: ['0:1/2', '1/2:1'] },
    { input: '0,1', segments: ['0:1'] },
  ])('sequence $input has the segments $segments', ({ input, segments }) => {
    const parsed = parseSequence(input);
    expect(parsed.map(formatSegment)).toEqual(segments);
    expect(tiles(parsed)).toBe(true);
  });

  it.each([
    { input: '1/4,1/2,1', message: 'must start at 0' },
    { input: '0,1/2', message: 'must end at 1' },
    { input: '0,1/2,1/4,1', message: 'must ascend strictly, but 1/2 is followed by 1/4' },
    { input: '0,1/2,1/2,1', message: 'must ascend strictly' },
    { input: '1', message: 'needs at least two values' },
  ])('sequence $input is refused: $message', ({ input, message }) => {
    expect(() => parseSequence(input)).toThrow(message);
  });

  it.each([
    { n: 1, expected: '0,1' },
    { n: 3, expected: '0,1/3,2/3,1' },
    { n: 4, expected: '0,1/4,1/2,3/4,1' },
  ])('$n equal segments: $expected (as k6 Split)', ({ n, expected }) => {
    expect(formatSequence(equalSequence(n))).toBe(expected);
  });

  it('N equal segments tile [0, 1] exactly, and their lengths add to 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const segs = equalSequence(n);
        const total = segs.reduce((acc, s) => addRational(acc, rational(s.to.num * s.from.den - s.from.num * s.to.den, s.to.den * s.from.den)), rational(0n, 1n));
        return segs.length === n && tiles(segs) && compareRational(total, rational(1n, 1n)) === 0;
      }),
    );
  });

  it('any ascending sequence from 0 to 1 tiles [0, 1] and survives a round trip through text (property)', () => {
    const cut = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1000, max: 1000 })), { minLength: 0, maxLength: 30, selector: ([a]) => a });
    fc.assert(
      fc.property(cut, fc.integer({ min: 1, max: 12 }), (cuts, scale) => {
        const values = [...cuts.map(([a, d]) => rational(BigInt(a * scale), BigInt(d * scale)))].sort(compareRational);
        const text = ['0', ...values.map(formatRational), '1'].join(',');
        const segs = parseSequence(text);
        return tiles(segs) && segs.length === values.length + 1 && formatSequence(segs) === text && formatSequence(parseSequence(formatSequence(segs))) === text;
      }),
    );
  });
});

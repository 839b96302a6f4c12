/**
 * k6's execution segments, exactly: rational numbers (bigint numerator and denominator) so that 1/3 + 1/3 +
 * 1/3 is 1 and a sequence's segments tile [0, 1] with no gap and no overlap that floating point could hide.
 * The syntax is k6's (lib/execution_segment.go): a value is a fraction `1/4`, a decimal `0.25` or a
 * percentage `25%`; a segment is `from:to` (a lone value `to` means `0:to`); a sequence is the values
 * `0,1/4,1/2,1` whose neighbours are its segments. k6 writes a value as `RatString` (`0`, `1`, `1/4`), and
 * so does {@link formatRational}, so a recorded segment compares as text with one k6 would print. Pure.
 */
/** A rational number in lowest terms, denominator > 0. */
export interface Rational {
    readonly num: bigint;
    readonly den: bigint;
}
/** One segment `(from, to]` of the test's work, 0 ≤ from < to ≤ 1. */
export interface Segment {
    readonly from: Rational;
    readonly to: Rational;
}
/** A value, segment or sequence that is not k6's syntax, or out of range; the message says which part and why. */
export declare class SegmentSyntaxError extends Error {
}
/** `num/den` in lowest terms. @throws RangeError for a zero denominator. */
export declare function rational(num: bigint, den: bigint): Rational;
/** -1, 0 or 1 as a <, =, > b. */
export declare function compareRational(a: Rational, b: Rational): number;
export declare function addRational(a: Rational, b: Rational): Rational;
/**
 * A value as k6 writes it (`big.Rat.RatString`): an integer without denominator, else `num/den`.
 * @example formatRational(rational(2n, 4n)) // '1/2'
 */
export declare function formatRational(r: Rational): string;
/**
 * One value of k6's syntax: `1/4`, `0.25`, `25%`, `1`.
 * @throws SegmentSyntaxError naming the value.
 * @example parseRational('25%') // { num: 1n, den: 4n }
 */
export declare function parseRational(text: string): Rational;
/** A segment as k6 writes it: `1/4:1/2`, `0:1`. */
export declare function formatSegment(s: Segment): string;
/**
 * A segment in k6's syntax: `from:to`, or a lone `to` meaning `0:to`.
 * @throws SegmentSyntaxError when a value is not k6's syntax or 0 ≤ from < to ≤ 1 does not hold.
 * @example formatSegment(parseSegment('0.25:50%')) // '1/4:1/2'
 */
export declare function parseSegment(text: string): Segment;
/**
 * A sequence in k6's syntax (`--execution-segment-sequence`): ascending values from 0 to 1, comma-separated.
 * @throws SegmentSyntaxError when a value is not k6's syntax, the values do not strictly ascend, or they do
 *   not start at 0 and end at 1 (a shard's segments must cover the whole test).
 * @example parseSequence('0,1/4,1/2,1').map(formatSegment) // ['0:1/4', '1/4:1/2', '1/2:1']
 */
export declare function parseSequence(text: string): Segment[];
/** A sequence as k6 writes it: `0,1/4,1/2,1`. */
export declare function formatSequence(segments: readonly Segment[]): string;
/**
 * N equal segments, as k6's `ExecutionSegment.Split`.
 * @throws RangeError when n is not a whole number ≥ 1.
 * @example formatSequence(equalSequence(4)) // '0,1/4,1/2,3/4,1'
 */
export declare function equalSequence(n: number): Segment[];
/** Whether two segments are the same `(from, to]`. */
export declare function sameSegment(a: Segment, b: Segment): boolean;

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
export class SegmentSyntaxError extends Error {}

const ZERO: Rational = { num: 0n, den: 1n };
const ONE: Rational = { num: 1n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `num/den` in lowest terms. @throws RangeError for a zero denominator. */
export function rational(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError('a rational number needs a non-zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** -1, 0 or 1 as a <, =, > b. */
export function compareRational(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/**
 * A value as k6 writes it (`big.Rat.RatString`): an integer without denominator, else `num/den`.
 * @example formatRational(rational(2n, 4n)) // '1/2'
 */
export function formatRational(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

/**
 * One value of k6's syntax: `1/4`, `0.25`, `25%`, `1`.
 * @throws SegmentSyntaxError naming the value.
 * @example parseRational('25%') // { num: 1n, den: 4n }
 */
export function parseRational(text: string): Rational {
  const s = text.trim();
  let m = /^(\d+)%$/.exec(s);
  if (m) return rational(BigInt(m[1]!), 100n);
  m = /^(\d+)\/(\d+)$/.exec(s);
  if (m) {
    if (BigInt(m[2]!) === 0n) throw new SegmentSyntaxError(`'${text}' divides by zero`);
    return rational(BigInt(m[1]!), BigInt(m[2]!));
  }
  m = /^(\d*)(?:\.(\d+))?$/.exec(s);
  if (m && s !== '' && s !== '.') {
    const frac = m[2] ?? '';
    return rational(BigInt(`${m[1] || '0'}${frac}`), 10n ** BigInt(frac.length));
  }
  throw new SegmentSyntaxError(`'${text}' is not a fraction (1/4), decimal (0.25) or percentage (25%)`);
}

/** A segment as k6 writes it: `1/4:1/2`, `0:1`. */
export function formatSegment(s: Segment): string {
  return `${formatRational(s.from)}:${formatRational(s.to)}`;
}

/**
 * A segment in k6's syntax: `from:to`, or a lone `to` meaning `0:to`.
 * @throws SegmentSyntaxError when a value is not k6's syntax or 0 ≤ from < to ≤ 1 does not hold.
 * @example formatSegment(parseSegment('0.25:50%')) // '1/4:1/2'
 */
export function parseSegment(text: string): Segment {
  const parts = text.split(':');
  if (parts.length > 2) throw new SegmentSyntaxError(`segment '${text}' has more than one ':' (write from:to, e.g. 1/4:1/2)`);
  const from = parts.length === 2 ? parseRational(parts[0]!) : ZERO;
  const to = parseRational(parts[parts.length - 1]!);
  if (compareRational(from, to) >= 0) throw new SegmentSyntaxError(`segment '${text}' starts at or after its end (write from:to with from < to)`);
  if (compareRational(to, ONE) > 0) throw new SegmentSyntaxError(`segment '${text}' ends after 1`);
  return { from, to };
}

/**
 * A sequence in k6's syntax (`--execution-segment-sequence`): ascending values from 0 to 1, comma-separated.
 * @throws SegmentSyntaxError when a value is not k6's syntax, the values do not strictly ascend, or they do
 *   not start at 0 and end at 1 (a shard's segments must cover the whole test).
 * @example parseSequence('0,1/4,1/2,1').map(formatSegment) // ['0:1/4', '1/4:1/2', '1/2:1']
 */
export function parseSequence(text: string): Segment[] {
  const values = text.split(',').map(parseRational);
  if (values.length < 2) throw new SegmentSyntaxError(`segment sequence '${text}' needs at least two values, from 0 to 1 (e.g. 0,1/2,1)`);
  if (compareRational(values[0]!, ZERO) !== 0) throw new SegmentSyntaxError(`segment sequence '${text}' must start at 0`);
  if (compareRational(values[values.length - 1]!, ONE) !== 0) throw new SegmentSyntaxError(`segment sequence '${text}' must end at 1`);
  const segments: Segment[] = [];
  for (let k = 1; k < values.length; k++) {
    if (compareRational(values[k - 1]!, values[k]!) >= 0) {
      throw new SegmentSyntaxError(`segment sequence '${text}' must ascend strictly, but ${formatRational(values[k - 1]!)} is followed by ${formatRational(values[k]!)}`);
    }
    segments.push({ from: values[k - 1]!, to: values[k]! });
  }
  return segments;
}

/** A sequence as k6 writes it: `0,1/4,1/2,1`. */
export function formatSequence(segments: readonly Segment[]): string {
  if (segments.length === 0) return '';
  return [segments[0]!.from, ...segments.map((s) => s.to)].map(formatRational).join(',');
}

/**
 * N equal segments, as k6's `ExecutionSegment.Split`.
 * @throws RangeError when n is not a whole number ≥ 1.
 * @example formatSequence(equalSequence(4)) // '0,1/4,1/2,3/4,1'
 */
export function equalSequence(n: number): Segment[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of segments must be a whole number ≥ 1 but got ${n}`);
  const N = BigInt(n);
  return Array.from({ length: n }, (_, k) => ({ from: rational(BigInt(k), N), to: rational(BigInt(k + 1), N) }));
}

/** Whether two segments are the same `(from, to]`. */
export function sameSegment(a: Segment, b: Segment): boolean {
  return compareRational(a.from, b.from) === 0 && compareRational(a.to, b.to) === 0;
}

/**
 * Sample standard deviation (divisor n − 1), two-pass. 0 for fewer than two values (a single value has no
 * spread to estimate; callers that need to know ask for the count).
 *
 * Contract: result ≥ 0; finite for finite input of moderate size.
 * @throws {RangeError} if a value is not finite
 * @example sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138 (√(32/7))
 */
export function sampleStandardDeviation(xs: readonly number[]): number {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i]!)) throw new RangeError(`sampleStandardDeviation: value ${i} is ${xs[i]} (values must be finite)`);
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}

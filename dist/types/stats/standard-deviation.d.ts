/**
 * Sample standard deviation (divisor n − 1), two-pass. 0 for fewer than two values (a single value has no
 * spread to estimate; callers that need to know ask for the count).
 *
 * Contract: result ≥ 0; finite for finite input of moderate size.
 * @throws {RangeError} if a value is not finite
 * @example sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138 (√(32/7))
 */
export declare function sampleStandardDeviation(xs: readonly number[]): number;

/**
 * A source of uniform random numbers in [0, 1). Every randomised statistic takes one as an argument, so
 * results are reproducible: pass `seededRng(seed)` and the same seed gives the same answer.
 */
export type Rng = () => number;
/**
 * A small, fast, seeded pseudo-random generator (mulberry32: a 32-bit state advanced by a Weyl step and
 * scrambled by two multiply-xorshift rounds). Period 2^32, which is far more than any bootstrap needs; it
 * is not cryptographic.
 *
 * Contract: the same seed always yields the same sequence; every value lies in [0, 1) and is a multiple
 * of 2^-32. The seed is reduced to an unsigned 32-bit integer (fractional parts are dropped, so 1 and
 * 1.5 give the same stream, and 2^32 + 1 gives the same stream as 1).
 *
 * @param seed any finite number
 * @throws {RangeError} if `seed` is NaN or infinite
 * @example
 * const rng = seededRng(42);
 * rng(); // => 0.6011037519201636
 * rng(); // => 0.44829055899754167
 */
export declare function seededRng(seed: number): Rng;

/**
 * Linear interpolation between two ordered values, a + (b − a)·f, for a ≤ b and f in [0, 1].
 *
 * Contract: the result lies in [a, b]; it is exactly a when f = 0 or a = b; it never overflows (falls
 * back to the convex combination a·(1 − f) + b·f when b − a is not representable).
 *
 * @throws nothing: the caller guarantees a ≤ b and f in [0, 1]
 * @example
 * interpolate(10, 20, 0.25); // => 12.5
 * interpolate(-1e308, 1e308, 0.5); // => 0 (no overflow)
 */
export declare function interpolate(a: number, b: number, f: number): number;

/**
 * The p-quantile of an ascending array by linear interpolation at 0-based rank p·(n − 1) (Hyndman–Fan
 * type 7, the rule k6 and NumPy use by default). O(1).
 *
 * Contract: returns a value between the two order statistics around the rank; p = 0 gives the minimum,
 * p = 1 the maximum, n = 1 the only value. The caller guarantees a non-empty, ascending, NaN-free array.
 *
 * @param sorted ascending numbers, at least one
 * @param p a probability in [0, 1]
 * @throws {RangeError} if the array is empty or p is outside [0, 1]
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // => 2.5
 * quantileSorted([10, 20, 30, 40, 50], 0.9); // => 46
 */
export declare function quantileSorted(sorted: ArrayLike<number>, p: number): number;

import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
/** One component of a mixture: a distribution and the share of the mixture it should make up. */
export interface MixturePart {
    readonly distribution: Distribution;
    /** ≥ 0; the shares are normalised to sum to 1. */
    readonly share: number;
}
/**
 * A mixture of distributions with chosen shares, as one histogram of `total` observations: each part is
 * rescaled to its share of `total` (part sizes by largest remainder, so they add up to `total` exactly),
 * and within a part the rescaled counts are rounded along its cumulative distribution, so every quantile
 * of a part moves by less than one observation. Used to re-form a run's whole-run latency as the mix of
 * endpoints the baseline had.
 *
 * Contract: the result is a valid Distribution; its total count is `total`; each part's rescaled
 * cumulative count at any value differs from share·total·F(value) by at most 1; a single part with its
 * own size as total comes back unchanged. InsufficientData when no part has a positive share and
 * observations, or `total` is 0.
 *
 * @throws {RangeError} for a negative or non-finite share, a total that is not a whole number ≥ 0, or an invalid distribution
 * @example
 * // two endpoints: 1 ms ×3 and 10 ms ×1, mixed half and half into 4 observations
 * mixture([{ distribution: [{ value: 1, count: 3 }], share: 0.5 }, { distribution: [{ value: 10, count: 1 }], share: 0.5 }], 4);
 * // => [{ value: 1, count: 2 }, { value: 10, count: 2 }]
 */
export declare function mixture(parts: readonly MixturePart[], total: number): Distribution | InsufficientData;

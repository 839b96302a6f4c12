import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
/** Effect size of current against baseline on the scale of "how often is a current request slower". */
export interface CliffsDeltaResult {
    /** P(current > baseline) − P(current < baseline), in [−1, 1]; 0 means no tendency either way. */
    readonly delta: number;
    /** P(current > baseline) + ½·P(current = baseline), in [0, 1] (the common-language effect size, U/(n1·n2)). */
    readonly probabilityOfSuperiority: number;
}
/**
 * Cliff's delta and the probability of superiority of current over baseline, over all n1·n2 pairs of
 * observations, computed by one merge of the bucket lists (O(K1 + K2), see pairCounts).
 *
 * Contract: delta = 2·probabilityOfSuperiority − 1; swapping the arguments negates delta; invariant under
 * any increasing transformation of the values (logarithms included). Identical samples give delta 0 and
 * probabilityOfSuperiority ½ — a valid "no difference", not insufficient data. InsufficientData only
 * when either side is empty.
 *
 * @param baseline the reference distribution
 * @param current the distribution under test
 * @throws {RangeError} if a distribution breaks the Distribution invariants
 * @example
 * cliffsDelta(
 *   [{ value: 1, count: 1 }, { value: 3, count: 1 }],
 *   [{ value: 2, count: 1 }, { value: 3, count: 2 }],
 * );
 * // 6 pairs: current > baseline 3 (2>1, 3>1, 3>1), < 1 (2<3), = 2 (3=3 twice)
 * // => { delta: 0.3333… (= (3 − 1)/6), probabilityOfSuperiority: 0.6666… (= (3 + 1)/6) }
 */
export declare function cliffsDelta(baseline: Distribution, current: Distribution): CliffsDeltaResult | InsufficientData;

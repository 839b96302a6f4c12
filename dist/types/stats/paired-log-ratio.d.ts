import { type InsufficientData } from './insufficient.js';
/** One A/B round pair's evidence: ln(candidate / baseline) of a statistic, and its within-pair standard error when the rounds could bound it. */
export interface PairEstimate {
    readonly logRatio: number;
    /** Standard error of `logRatio` from the two rounds alone (order statistics, design effect), > 0; absent when the rounds cannot bound it. */
    readonly se?: number;
}
/** The change the pairs agree on, with an interval from the pairs themselves. */
export interface PairedLogRatio {
    /** ln(candidate / baseline), combined over the pairs. */
    readonly logRatio: number;
    /** Its standard error: from the spread between pairs, never below what the pairs' own errors allow. */
    readonly se: number;
    /** Degrees of freedom of the t reference: pairs − 1. */
    readonly df: number;
    /** One-sided p-value for "the candidate is higher" (t with df). */
    readonly pGreater: number;
    /** One-sided p-value for "the candidate is lower". */
    readonly pLess: number;
    /** Two-sided interval of the relative change (ratio − 1) at `confidence`. */
    readonly lower: number;
    readonly upper: number;
    readonly confidence: number;
    readonly pairs: number;
    /** Sample SD of the pairs' log ratios: the round-to-round noise these rounds showed (0 for identical pairs). */
    readonly spread: number;
    /** `weighted` when every pair had a standard error (random-effects weights), else `equal` (a plain paired t). */
    readonly method: 'weighted' | 'equal';
}
export interface PairedLogRatioOptions {
    /** Level of the interval, in (0, 1); default 0.95. */
    readonly confidence?: number;
    /** Fewer pairs than this: InsufficientData (cause `too-few`); default 3, the least that gives a spread with 2 df. Must be ≥ 2. */
    readonly minPairs?: number;
}
/**
 * Combines the log ratios of interleaved A/B round pairs into one change with an interval that comes from
 * the pairs: each pair's two rounds ran back to back on the same machine, so the drift between them is
 * small, and whatever drift remains shows up as spread between pairs — which is what the interval is built
 * from. Pairs are independent; requests within a round are not, which is why the within-round standard
 * errors only weigh the pairs and set a floor, and the pairs set the width.
 *
 * Method: with every pair's se known, a random-effects mean (DerSimonian–Laird between-pair variance τ²,
 * weights 1/(seᵢ² + τ²)) with the Hartung–Knapp variance q/Σw, where q is the weighted spread of the pairs
 * about the mean over pairs − 1, taken as max(1, q) so that pairs that agree by chance never claim more
 * than their own errors (Röver, Knapp & Friede 2015); t with pairs − 1 df. Without every se, the plain
 * paired t on the log ratios (mean, SD/√K).
 *
 * Contract: pGreater + pLess = 1 (up to rounding), both in [0, 1]; lower ≤ exp(logRatio) − 1 ≤ upper, lower > −1;
 * adding c to every logRatio adds c to the result and leaves se unchanged. InsufficientData, never NaN:
 * cause `too-few` below minPairs; cause `no-spread` when the pairs agree exactly and no se is known (nothing
 * says how far apart they could be); no cause when a value is not finite.
 *
 * @throws {RangeError} if a se is ≤ 0 or NaN, confidence is outside (0, 1), or minPairs < 2
 * @example
 * // six pairs of an endpoint made 20 % slower: ratios 1.18–1.23, each ± 4 %
 * pairedLogRatio([1.18, 1.21, 1.19, 1.23, 1.2, 1.22].map((r) => ({ logRatio: Math.log(r), se: 0.04 })))
 * // => { logRatio: 0.1864 (× 1.205), se: 0.0163 (the floor: the pairs agree better than ± 4 % each), df: 5, pGreater: 4.5e-5, lower: +0.155, upper: +0.257, method: 'weighted', … }
 */
export declare function pairedLogRatio(pairs: readonly PairEstimate[], options?: PairedLogRatioOptions): PairedLogRatio | InsufficientData;

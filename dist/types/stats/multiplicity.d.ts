/**
 * Holm's step-down adjustment of p-values for a family of tests (controls the family-wise error rate:
 * the chance of even one false alarm among all endpoints and metrics compared, under any dependence
 * between the tests). Uniformly more powerful than Bonferroni.
 *
 * With the m p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎: adjusted p₍ᵢ₎ = max over j ≤ i of
 * min(1, (m − j + 1)·p₍ⱼ₎). Reject test i at level α iff its adjusted p-value ≤ α.
 *
 * Contract: output in the input order, same length; each adjusted value ≥ its raw value and ≤ 1; the
 * adjustment preserves the order of the raw p-values (monotone); an empty family gives [].
 *
 * @param pValues raw p-values in [0, 1]
 * @throws {RangeError} if a p-value is NaN or outside [0, 1]
 * @example
 * // sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005, 3·0.01, 2·0.03, 1·0.04 → running max 0.02, 0.03, 0.06, 0.06
 * holm([0.01, 0.04, 0.03, 0.005]); // => [0.03, 0.06, 0.06, 0.02]
 */
export declare function holm(pValues: readonly number[]): number[];
/**
 * Benjamini–Hochberg step-up adjustment (controls the false discovery rate: the expected share of false
 * alarms among the findings reported, for independent or positively dependent tests). Less strict than
 * Holm; suited to a long list of endpoints where a few false leads are acceptable.
 *
 * With the m p-values sorted ascending: adjusted p₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j).
 *
 * Contract: output in the input order, same length; each adjusted value ≥ its raw value, ≤ 1, and ≤ the
 * Holm-adjusted value; monotone in the raw p-values; an empty family gives [].
 *
 * @param pValues raw p-values in [0, 1]
 * @throws {RangeError} if a p-value is NaN or outside [0, 1]
 * @example
 * // sorted 0.005, 0.01, 0.03, 0.04 → 4/1·0.005, 4/2·0.01, 4/3·0.03, 4/4·0.04 = 0.02, 0.02, 0.04, 0.04
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005]); // => [0.02, 0.04, 0.04, 0.02]
 */
export declare function benjaminiHochberg(pValues: readonly number[]): number[];

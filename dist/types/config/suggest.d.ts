/**
 * "Did you mean …?" for misspelt config keys, enum values and stage names. Pure.
 */
/**
 * Edit distance with adjacent transpositions (optimal string alignment): the number of single-character
 * insertions, deletions, substitutions and swaps of neighbours that turn `a` into `b`.
 *
 * @example editDistance('regresion', 'regression') // 1 (one insertion)
 * @example editDistance('alpah', 'alpha') // 1 (one swap)
 */
export declare function editDistance(a: string, b: string): number;
/**
 * The candidate closest to `input` (ignoring case), if it is close enough to be a likely typo: at most
 * one edit per three characters, and at least one edit allowed. Ties go to the earlier candidate.
 *
 * @example didYouMean('regresion', ['extends', 'thresholds', 'regression', 'endurance']) // 'regression'
 * @example didYouMean('colour', ['alpha', 'window']) // undefined
 */
export declare function didYouMean(input: string, candidates: readonly string[]): string | undefined;
/** Lists names for a message: `'smoke', 'load' and 'stress'`. */
export declare function listNames(names: readonly string[], conjunction?: 'and' | 'or'): string;

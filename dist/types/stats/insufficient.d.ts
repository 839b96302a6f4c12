/**
 * The explicit answer of a statistic that the data cannot support (n < 2, no variance, all ties, empty
 * scope). Statistics return this instead of NaN so that every caller has to handle it.
 */
export interface InsufficientData {
    readonly kind: 'insufficient-data';
    /** Why, in words a performance engineer understands: "baseline has 1 sample (needs ≥ 2)". */
    readonly reason: string;
    /** What kind of shortage, when the function knows: too few observations, or no spread to measure against. */
    readonly cause?: 'too-few' | 'no-spread';
}
export declare function insufficient(reason: string, cause?: InsufficientData['cause']): InsufficientData;
export declare function isInsufficient(x: unknown): x is InsufficientData;

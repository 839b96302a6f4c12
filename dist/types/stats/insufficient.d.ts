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
    /** Which of two runs fell short, when a comparison knows: more of the current run cannot mend a short baseline. */
    readonly side?: 'baseline' | 'current';
}
export declare function insufficient(reason: string, cause?: InsufficientData['cause'], side?: InsufficientData['side']): InsufficientData;
export declare function isInsufficient(x: unknown): x is InsufficientData;

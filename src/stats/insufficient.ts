/**
 * The explicit answer of a statistic that the data cannot support (n < 2, no variance, all ties, empty
 * scope). Statistics return this instead of NaN so that every caller has to handle it.
 */
export interface InsufficientData {
  readonly kind: 'insufficient-data';
  /** Why, in words a performance engineer understands: "baseline has 1 sample (needs ≥ 2)". */
  readonly reason: string;
}

export function insufficient(reason: string): InsufficientData {
  return { kind: 'insufficient-data', reason };
}

export function isInsufficient(x: unknown): x is InsufficientData {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'insufficient-data';
}

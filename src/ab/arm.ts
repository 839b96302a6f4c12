/**
 * The two arms of an interleaved A/B stage: the service as it is (the baseline, A) and as the change
 * makes it (the candidate, B), both running while the rounds alternate between them.
 */
export type Arm = 'baseline' | 'candidate';

/** Both arms, baseline first. */
export const ARMS: readonly Arm[] = ['baseline', 'candidate'];

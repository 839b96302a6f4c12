/**
 * The errors of A/B mode, apart from the code that throws them: the CLI tells them from other errors at
 * start-up, and importing them must not load the A/B pipeline.
 */
import type { Arm } from './arm.js';

/**
 * An arm cannot be measured: unreachable when the stage starts, or dead in the middle of it (two of its
 * rounds in a row failed, or it is unreachable after a failed round). The stage has no verdict: a
 * comparison on one side's data would be none. The message names the arm, its URL, the round and why.
 */
export class AbArmError extends Error {
  override name = 'AbArmError';

  constructor(
    readonly arm: Arm,
    message: string,
    /** The round (its index, from 0) after which the arm was found dead; absent when it was unreachable at the start. */
    readonly round?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Why an A/B stage has nothing to judge: no pair of rounds measured on both arms. */
export class AbNothingMeasuredError extends Error {
  override name = 'AbNothingMeasuredError';
}

/**
 * The order of an A/B stage's rounds: ABBA pairs (A B, B A, A B, B A, …). Pure.
 *
 * Why not A B A B: with that order the baseline always runs first in its pair, so a slow drift of the
 * machine (a neighbour warming up, thermal throttling) and the warm-up of the first round each push
 * every pair's ratio the same way. Swapping the order every other pair makes a linear drift cancel over
 * each two pairs, and leaves the first round's warm-up on one side only once.
 */
import type { Arm } from './arm.js';

/**
 * Pairs an A/B stage runs when `rounds: auto` (12 rounds). Until the sequential gate (issue 10 §3)
 * decides when to stop, `auto` is this fixed number: enough pairs for a signed-rank interval
 * (6 pairs give the smallest two-sided p of 1/32), few enough to keep 20 s rounds within 4 min.
 */
export const AUTO_PAIRS = 6;

/** One scheduled round: its pair and the arm it loads; its index is its place in the schedule. */
export interface ScheduledRound {
  readonly pair: number;
  readonly arm: Arm;
}

/**
 * ABBA order: pair k is rounds 2k and 2k+1; even pairs run baseline first, odd pairs candidate first.
 *
 * @throws RangeError when `pairs` is not a whole number of at least 1.
 * @example abSchedule(2).map((r) => r.arm) // ['baseline', 'candidate', 'candidate', 'baseline']
 * @example abSchedule(2).map((r) => r.pair) // [0, 0, 1, 1]
 */
export function abSchedule(pairs: number): readonly ScheduledRound[] {
  if (!Number.isInteger(pairs) || pairs < 1) throw new RangeError(`an A/B stage needs a whole number of pairs of at least 1 but got ${pairs}`);
  const rounds: ScheduledRound[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const first: Arm = pair % 2 === 0 ? 'baseline' : 'candidate';
    const second: Arm = first === 'baseline' ? 'candidate' : 'baseline';
    rounds.push({ pair, arm: first }, { pair, arm: second });
  }
  return rounds;
}

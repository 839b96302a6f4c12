/**
 * What an A/B stage ran: its rounds in order, each with the run document it measured or why it failed.
 * Data only; the paired comparison reads it (a failed round is reported and left out, never averaged in).
 */
import type { RunDocument } from '../document/run-document.js';
import type { Arm } from './arm.js';

/** A round's result: what it measured, or why it has nothing to compare. */
export type RoundOutcome =
  | { readonly kind: 'measured'; readonly document: RunDocument }
  /** The reason names the arm and the round: `candidate round 4/12: k6 exited 107: …`. */
  | { readonly kind: 'failed'; readonly reason: string };

/** One round: one short load of one arm. */
export interface AbRound {
  /** Its place in the schedule, from 0; `PERF_GATE_ROUND` and the work folder `round-<index>-<arm>` use it. */
  readonly index: number;
  /** Its pair, from 0: rounds 2k and 2k+1 are pair k (abSchedule). */
  readonly pair: number;
  readonly arm: Arm;
  /** ISO 8601, when the round was started and when it ended (engine preparation included). */
  readonly startedAt: string;
  readonly endedAt: string;
  readonly outcome: RoundOutcome;
}

/** An A/B stage's rounds, in the order they ran. */
export interface AbRun {
  readonly stage: string;
  /** The length of each round asked for, in seconds. */
  readonly roundDurationS: number;
  /** The pairs planned; fewer rounds ran when the stage was cancelled. */
  readonly pairs: number;
  /** The URL each arm was loaded at. */
  readonly urls: Readonly<Record<Arm, string>>;
  readonly rounds: readonly AbRound[];
}

import { constants } from 'node:os';

/** The signals that stop `perf-gate run` gracefully (the first one; a second ends it at once). */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * The exit status after a stop signal: 128 + its number, as a shell reports a process the signal ended
 * (130 SIGINT, 143 SIGTERM, 129 SIGHUP) — never 0, so an interrupted gate never reads as a pass, and
 * distinct from 1 (the gate failed) and 2 (nothing was judged).
 */
export function interruptedStatus(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

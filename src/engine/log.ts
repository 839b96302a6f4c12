import type { ProgressSnapshot } from './live-progress.js';

/**
 * Where the engine writes its log lines. The Action passes `@actions/core` (which has these three
 * methods); the CLI and tests pass their own. The engine never imports `@actions/core` itself.
 */
export interface EngineLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** The figures of each progress line, for a live view (`perf-gate run --serve`); absent: lines only. */
  progress?(snapshot: ProgressSnapshot): void;
}

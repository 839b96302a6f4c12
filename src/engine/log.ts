/**
 * Where the engine writes its log lines. The Action passes `@actions/core` (which has these three
 * methods); the CLI and tests pass their own. The engine never imports `@actions/core` itself.
 */
export interface EngineLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

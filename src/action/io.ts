/**
 * What the Action needs from its runner, as one interface: `@actions/core` in production (index.ts),
 * recording fakes in tests. Keeps run.ts free of globals.
 */
export interface ActionIo {
  getInput(name: string): string;
  setOutput(name: string, value: string | number | boolean): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Appends Markdown to the job summary page. */
  summary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  /** Masks a value in every later log line (`::add-mask::`). */
  setSecret(value: string): void;
  /** Called with a function to run when the workflow is cancelled (SIGINT/SIGTERM). */
  onCancel(handler: () => void): void;
  readonly env: NodeJS.ProcessEnv;
  /** A scratch folder for k6 outputs and reports (RUNNER_TEMP on GitHub). */
  readonly tempDir: string;
  readonly now: () => Date;
}

/**
 * A load tool failed and measured nothing to judge: a script exception (k6 exit 107), an invalid test
 * configuration, a crash, a tool that cannot start. Not a regression (there is no result) and not a
 * mistake on perf-gate's command line: the message is the tool's own, quoted, with what to do.
 */
export class LoadFailedError extends Error {
  override name = 'LoadFailedError';

  constructor(
    /** The stage whose load failed. */
    readonly stage: string,
    /** The tool: `k6`, `embedded`. */
    readonly tool: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

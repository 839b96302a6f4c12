/** The CLI's exit statuses: CI systems read these, so they never change meaning. */
export const EXIT = {
  /** The gate passed, or warned. */
  pass: 0,
  /** The gate failed (or warned / was inconclusive where the user asked for that to fail). */
  fail: 1,
  /** Usage or input error: nothing was judged. */
  usage: 2,
  /**
   * The load tool failed (a script exception, k6 exit 107, an invalid k6 configuration): nothing was
   * judged either, so the same status as a usage error, which CI scripts already read as "no result";
   * the message is the tool's, not a complaint about the command line.
   */
  noResult: 2,
} as const;

/** The CLI's exit statuses: CI systems read these, so they never change meaning. */
export const EXIT = {
  /** The gate passed, or warned. */
  pass: 0,
  /** The gate failed (or warned / was inconclusive where the user asked for that to fail). */
  fail: 1,
  /** Usage or input error: nothing was judged. */
  usage: 2,
} as const;

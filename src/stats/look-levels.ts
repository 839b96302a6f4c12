/**
 * The level each look of a group-sequential test is held at, Haybittle–Peto style: every interim look at
 * a strict `interim` level, the final look at α minus what the interim looks spent. By Bonferroni the
 * chance of any false rejection over all looks stays ≤ α whatever the looks' correlation, and the final
 * look keeps nearly all of α, so a run that goes the full length loses almost no power to having looked.
 * (An O'Brien–Fleming spending function with Bonferroni increments would leave the final look about half
 * of α; exact boundaries need the looks' joint distribution, which a run's autocorrelated windows blur.)
 *
 * Contract: `looks` levels, each > 0, summing to α (up to rounding); the interim ones equal `interim`.
 *
 * @throws {RangeError} if looks is not a whole number ≥ 1, α is not in (0, 1), interim is not > 0, or the
 *   interim looks would spend all of α ((looks − 1)·interim ≥ α)
 * @example
 * haybittlePetoLevels(4, 0.05);        // => [0.001, 0.001, 0.001, 0.047]
 * haybittlePetoLevels(1, 0.05);        // => [0.05]: a fixed-length test
 */
export function haybittlePetoLevels(looks: number, alpha: number, interim = 0.001): number[] {
  if (!(Number.isInteger(looks) && looks >= 1)) throw new RangeError(`haybittlePetoLevels: looks must be a whole number ≥ 1 but got ${looks}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`haybittlePetoLevels: alpha must be in (0, 1) but got ${alpha}`);
  if (!(interim > 0)) throw new RangeError(`haybittlePetoLevels: interim must be > 0 but got ${interim}`);
  const spent = (looks - 1) * interim;
  if (!(spent < alpha)) throw new RangeError(`haybittlePetoLevels: ${looks - 1} interim looks at ${interim} spend all of α = ${alpha}`);
  return [...Array.from({ length: looks - 1 }, () => interim), alpha - spent];
}

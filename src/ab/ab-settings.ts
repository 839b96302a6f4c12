import { parseDurationSeconds } from '../config/duration.js';
import { AUTO_PAIRS } from './schedule.js';

/** Round pairs below which an A/B stage cannot judge anything: the interval from the pairs needs 2 degrees of freedom. */
export const MIN_PAIRS = 3;

/**
 * The A/B settings as the CLI (`--rounds`, `--round-duration`) and the Action (`rounds`, `round-duration`)
 * take them: pairs (`auto` = AUTO_PAIRS) and seconds per round, or the problems in the caller's names.
 *
 * @example abSettings('auto', '20s', { rounds: '--rounds', roundDuration: '--round-duration' }) // => { pairs: 6, roundDurationS: 20 }
 */
export function abSettings(rounds: string, roundDuration: string, names: { readonly rounds: string; readonly roundDuration: string }): { pairs: number; roundDurationS: number } | { problems: string[] } {
  const problems: string[] = [];
  const pairs = rounds === 'auto' ? AUTO_PAIRS : /^\d+$/.test(rounds) ? Number(rounds) : Number.NaN;
  if (!(Number.isInteger(pairs) && pairs >= MIN_PAIRS)) {
    problems.push(`${names.rounds} must be 'auto' (${AUTO_PAIRS} pairs) or a whole number of round pairs ≥ ${MIN_PAIRS} (fewer cannot judge a change), but got '${rounds}'`);
  }
  const roundDurationS = parseDurationSeconds(roundDuration);
  if (roundDurationS === undefined || !(roundDurationS >= 1)) {
    problems.push(`${names.roundDuration} must be a duration of at least 1 s such as 20s or 1m, but got '${roundDuration}'`);
  }
  return problems.length > 0 || roundDurationS === undefined ? { problems } : { pairs, roundDurationS };
}

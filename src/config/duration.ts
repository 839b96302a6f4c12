/**
 * k6-style durations (`30s`, `1m30s`, `500ms`, `2h`, `1d`) for config fields measured in seconds. Pure.
 */

const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 } as const;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Seconds in a duration string, or `undefined` when it is not one. A bare number is not a duration here
 * (YAML numbers are already seconds).
 *
 * @example parseDurationSeconds('1m30s') // 90
 * @example parseDurationSeconds('500ms') // 0.5
 * @example parseDurationSeconds('soon') // undefined
 */
export function parseDurationSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return undefined;
  let seconds = 0;
  for (const match of trimmed.matchAll(PART)) {
    const unit = match[2] as keyof typeof UNIT_SECONDS;
    seconds += Number(match[1]) * UNIT_SECONDS[unit];
  }
  return seconds;
}

/**
 * k6-style durations (`30s`, `1m30s`, `500ms`, `2h`, `1d`) for config fields measured in seconds. Pure.
 */
/**
 * Seconds in a duration string, or `undefined` when it is not one. A bare number is not a duration here
 * (YAML numbers are already seconds).
 *
 * @example parseDurationSeconds('1m30s') // 90
 * @example parseDurationSeconds('500ms') // 0.5
 * @example parseDurationSeconds('soon') // undefined
 */
export declare function parseDurationSeconds(text: string): number | undefined;

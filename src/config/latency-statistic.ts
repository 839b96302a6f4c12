/**
 * The latency statistics a regression can be judged on: the median, the mean, or a percentile, named as
 * k6 names them in its summaries. Pure.
 */
import { percentileName, percentileOf } from '../document/percentile-name.js';

/** `med`, `avg` or `p(N)` with 0 < N ≤ 100, canonical (`p(95)`, never `p(95.0)`). */
export type LatencyStatistic = 'med' | 'avg' | `p(${number})`;

/**
 * Reads a latency statistic, canonicalising percentiles (`p(95.0)` → `p(95)`).
 *
 * @returns the statistic, or `{ error }` with a sentence a user can act on.
 * @example parseLatencyStatistic('p(99.90)') // 'p(99.9)'
 * @example parseLatencyStatistic('p95') // { error: `expected 'med', 'avg' or 'p(N)' with 0 < N ≤ 100, got "p95" — did you mean 'p(95)'?` }
 */
export function parseLatencyStatistic(text: string): LatencyStatistic | { readonly error: string } {
  if (text === 'med' || text === 'avg') return text;
  const p = percentileOf(text);
  if (p !== undefined && p > 0 && p <= 100) return percentileName(p) as LatencyStatistic;
  const bare = /^p(\d+(?:\.\d+)?)$/.exec(text);
  const hint = bare !== null ? ` — did you mean 'p(${bare[1] ?? ''})'?` : text === 'median' || text === 'p50' ? ` — did you mean 'med'?` : text === 'mean' ? ` — did you mean 'avg'?` : '';
  return { error: `expected 'med', 'avg' or 'p(N)' with 0 < N ≤ 100, got ${JSON.stringify(text)}${hint}` };
}

/** Whether a string is a canonical latency statistic. */
export function isLatencyStatistic(text: string): text is LatencyStatistic {
  return parseLatencyStatistic(text) === text;
}

import { mergeRuns } from './merge.js';
import type { RunDocument, Scope } from './run-document.js';

/**
 * The rounds one arm of an A/B run served (ab mode), as one run document: the rounds ran one after
 * another with the other arm's rounds between them, so counts and histograms add as for shards
 * (mergeRuns), but time does not. The duration is the sum of the rounds' durations, so requests per second
 * is the arm's own rate and not diluted by the other arm's rounds; a gauge keeps the largest maximum and
 * the last value instead of adding up (the rounds never ran at once).
 *
 * Contract: same scopes, counts and histograms as mergeRuns(rounds); meta.durationSeconds = Σ rounds';
 * for one round, the round itself.
 *
 * @throws MergeError as mergeRuns does (no rounds, different groupings, windows that cannot align)
 * @example
 * armRun([round0, round3, round4]).meta.durationSeconds // => 60 for three 20 s rounds
 */
export function armRun(rounds: readonly RunDocument[]): RunDocument {
  const merged = mergeRuns(rounds);
  if (rounds.length === 1) return merged;
  const scopes: Record<string, Scope> = { ...merged.scopes };
  const byTime = [...rounds].sort((a, b) => Date.parse(a.meta.start) - Date.parse(b.meta.start));
  for (const [name, s] of Object.entries(scopes)) {
    if (s.type !== 'gauge' || !('gauge' in s)) continue;
    const own = byTime.flatMap((d) => {
      const r = d.scopes[name];
      return r && r.type === 'gauge' && 'gauge' in r ? [r.gauge] : [];
    });
    scopes[name] = {
      ...s,
      gauge: {
        value: own[own.length - 1]!.value,
        min: Math.min(...own.map((g) => g.min)),
        max: Math.max(...own.map((g) => g.max)),
        samples: own.reduce((n, g) => n + g.samples, 0),
      },
    };
  }
  return { ...merged, scopes, meta: { ...merged.meta, durationSeconds: rounds.reduce((t, d) => t + d.meta.durationSeconds, 0) } };
}

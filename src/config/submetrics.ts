import { tryParseMetricSelector } from './metric-selector.js';

/**
 * The submetrics named by threshold keys (`http_req_duration{name:GET /api/alerts}`), for the ingest to
 * keep as scopes even when k6 did not declare them. Plain metric names and unparsable keys are skipped.
 */
export function submetricsOf(selectors: readonly string[]): { metric: string; tags: Record<string, string> }[] {
  const out: { metric: string; tags: Record<string, string> }[] = [];
  for (const s of new Set(selectors)) {
    const parsed = tryParseMetricSelector(s);
    if ('error' in parsed || Object.keys(parsed.tags).length === 0) continue;
    out.push({ metric: parsed.metric, tags: { ...parsed.tags } });
  }
  return out;
}

/** A submetric to keep as a scope: the metric and the tags it is filtered by. */
export type Submetric = { readonly metric: string; readonly tags: Readonly<Record<string, string>> };

/**
 * Ingest options with the submetrics `selectors` name added (each once): a shard keeps the scopes of the
 * script's own thresholds, which k6 declares in no Metric line under `--no-thresholds`, for the merged
 * run to be judged on them.
 */
export function withSubmetrics<T extends { readonly submetrics?: readonly Submetric[] }>(options: T, selectors: readonly string[]): T {
  const extra = submetricsOf(selectors);
  if (extra.length === 0) return options;
  const key = (s: Submetric): string => JSON.stringify([s.metric, Object.entries(s.tags).sort()]);
  const known = new Set((options.submetrics ?? []).map(key));
  return { ...options, submetrics: [...(options.submetrics ?? []), ...extra.filter((s) => !known.has(key(s)))] };
}

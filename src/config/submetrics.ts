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

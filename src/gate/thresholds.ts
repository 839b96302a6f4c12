import type { StagePolicy } from '../config/policy.js';
import { tryParseMetricSelector } from '../config/metric-selector.js';
import { aggregationKey, evaluateThreshold } from '../config/threshold.js';
import type { Assessment } from './assessment.js';
import type { RunView } from '../document/run-view.js';

/**
 * Absolute SLOs in k6's grammar (`p(95)<500`, `rate<0.01`), checked on the current run the way k6 checks
 * them: deterministic, no baseline needed, so they apply on a first run too.
 */
export function assessThresholds(current: RunView, policy: StagePolicy): Assessment[] {
  const out: Assessment[] = [];
  for (const t of policy.thresholds) {
    for (const expr of t.expressions) {
      const key = aggregationKey(expr.aggregation);
      const result = evaluateThreshold(expr, (k) => current.value(t.metric, k));
      const scope = scopeOfSelector(t.metric);
      const common = { kind: 'threshold' as const, metric: t.metric, ...(scope ? { scope } : {}), statistic: key, threshold: expr.source, harmful: 'increase' as const, deterministic: true };
      if (result.ok === 'unknown') {
        out.push({ ...common, beyond: false, insufficient: current.scope(t.metric) ? result.reason : `the run has no metric '${t.metric}'` });
      } else {
        out.push({ ...common, current: result.actual, beyond: !result.ok });
      }
    }
  }
  return out;
}

/** `http_req_duration{name:GET /api/alerts}` → { tag: 'name', value: 'GET /api/alerts' } (first tag only). */
export function scopeOfSelector(selector: string): { tag: string; value: string } | undefined {
  const parsed = tryParseMetricSelector(selector);
  if ('error' in parsed) return undefined;
  const first = Object.entries(parsed.tags)[0];
  return first ? { tag: first[0], value: first[1] } : undefined;
}

import { tryParseMetricSelector } from '../../config/metric-selector.js';
import { aggregationKey, evaluateThreshold } from '../../config/threshold.js';
import type { Assessment } from '../assessment.js';
import { ZERO_WHEN_ABSENT } from '../check-policy.js';
import type { Detector } from '../detector.js';

/**
 * Absolute SLOs in k6's grammar (`p(95)<500`, `rate<0.01`), checked on the current run the way k6 checks
 * them: deterministic, no baseline needed, so they apply on a first run too. A selector the baseline
 * matched and the current run does not is a failure (the requests it watched are gone); one no run
 * matches can only come from a preset or the script (config ones were refused by checkPolicyAgainstRuns)
 * and is reported as not judged.
 */
export const thresholds: Detector = {
  id: 'thresholds',
  each: 'run',
  needs: 'current',
  detect({ policy, current, baseline }) {
    const out: Assessment[] = [];
    for (const t of policy.thresholds) {
      for (const expr of t.expressions) {
        const key = aggregationKey(expr.aggregation);
        const scope = scopeOfSelector(t.metric);
        const common = { kind: 'threshold' as const, metric: t.metric, ...(scope ? { scope } : {}), statistic: key, unit: current.unitOfStatistic(t.metric, key), limit: { kind: 'threshold' as const, expression: expr.source }, deterministic: true };
        if (!current.scope(t.metric) && ZERO_WHEN_ABSENT.has(t.metric)) {
          // Nothing was dropped: the counter never appeared. Its count and rate are 0.
          const result = evaluateThreshold(expr, (k) => (k === 'count' || k === 'rate' ? 0 : undefined));
          if (result.ok !== 'unknown') out.push({ ...common, current: result.actual, beyond: !result.ok });
          continue;
        }
        if (!current.scope(t.metric)) {
          const before = baseline?.scope(t.metric) ? baseline.value(t.metric, 'count') : undefined;
          if (before !== undefined && before > 0) {
            out.push({ ...common, beyond: true, lost: { what: 'selector', baselineCount: before } });
          } else {
            const origin = t.origin === 'preset' ? ' (a preset SLO)' : t.origin === 'script' ? " (from the script's thresholds)" : '';
            out.push({ ...common, beyond: false, insufficient: `the run has no '${t.metric}'${origin}`, shortfall: 'missing' });
          }
          continue;
        }
        const result = evaluateThreshold(expr, (k) => current.value(t.metric, k));
        if (result.ok === 'unknown') out.push({ ...common, beyond: false, insufficient: result.reason, shortfall: 'missing' });
        else out.push({ ...common, current: result.actual, beyond: !result.ok });
      }
    }
    return out;
  },
};

/** `http_req_duration{name:GET /api/alerts}` → { tag: 'name', value: 'GET /api/alerts' } (first tag only). */
export function scopeOfSelector(selector: string): { tag: string; value: string } | undefined {
  const parsed = tryParseMetricSelector(selector);
  if ('error' in parsed) return undefined;
  const first = Object.entries(parsed.tags)[0];
  return first ? { tag: first[0], value: first[1] } : undefined;
}

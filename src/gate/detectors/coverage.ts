import { tryParseMetricSelector } from '../../config/metric-selector.js';
import type { Assessment } from '../assessment.js';
import type { Detector } from '../detector.js';

/**
 * What the baseline measured and the current run lost: the latency metric itself, or a grouping tag the
 * baseline's requests carried. Without them the current run is judged on less than the baseline was, and
 * a regression in what went missing would pass unseen, so each is a failing finding (kind `data`).
 * One endpoint the current run no longer has is a finding too, as loud as `coverage.missing` says
 * (warn by default, fail, or ignore: then only the headline counts it).
 */
export const coverage: Detector = {
  id: 'coverage',
  each: 'run',
  needs: 'baseline',
  detect({ policy, roles, baseline, current, scopes }) {
    const common = { kind: 'data' as const, unit: 'count' as const, limit: { kind: 'measured-in-both' as const }, deterministic: true, beyond: true };
    const latency = roles.latency;
    const before = baseline.value(latency, 'count') ?? 0;
    if (before > 0 && !current.scope(latency)) {
      return [{ ...common, metric: latency, statistic: 'count', baseline: before, current: 0, lost: { what: 'metric', baselineCount: before } }];
    }
    const parsed = tryParseMetricSelector(latency);
    const metric = 'error' in parsed ? latency : parsed.metric;
    const out: Assessment[] = [];
    const lostTags = new Set<string>();
    for (const tag of policy.groupBy) {
      const had = baseline.scopesByTag(metric, tag).size;
      if (had > 0 && current.scopesByTag(metric, tag).size === 0) {
        out.push({
          ...common,
          metric,
          statistic: 'count',
          baseline: had,
          current: 0,
          lost: { what: 'tag', tag, baselineValues: had },
        });
        lostTags.add(tag);
      }
    }
    const missing = policy.coverage.missing;
    if (missing === 'ignore') return out;
    for (const s of scopes) {
      if (s.scope === undefined || lostTags.has(s.scope.tag)) continue;
      const had = baseline.value(s.name, 'count') ?? 0;
      if (had === 0 || (current.value(s.name, 'count') ?? 0) > 0) continue;
      out.push({
        ...common,
        metric: s.name,
        scope: s.scope,
        statistic: 'count',
        baseline: had,
        current: 0,
        lost: { what: 'scope', baselineCount: had },
        ...(missing === 'warn' ? { atMost: 'warn' as const } : {}),
      });
    }
    return out;
  },
};

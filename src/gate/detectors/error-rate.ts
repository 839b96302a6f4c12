import type { RateWindow } from '../../document/run-document.js';
import { clusterDesignEffect, clusterOfProportion } from '../../stats/design-effect.js';
import { isInsufficient } from '../../stats/insufficient.js';
import { twoProportionTest } from '../../stats/two-proportion-test.js';
import type { Detector } from '../detector.js';

/**
 * Did the share of failed requests rise by more than the limit? Relative (+50 %) and absolute (the floor,
 * so 0.01 % → 0.02 % is no failure) must both be exceeded. The test is a one-sided two-proportion z-test
 * whose variance is inflated by the design effect of failures clustering in time windows (an outage
 * fails many requests at once, which is one event, not many).
 */
export const errorRate: Detector = {
  id: 'error-rate',
  each: 'scope',
  needs: 'baseline',
  detect({ policy, roles, baseline, current }, s) {
    // The failures rate's `passes` are failed requests (k6's naming).
    const failed = roles.failures;
    const b = baseline.errors(s.tags, failed);
    const c = current.errors(s.tags, failed);
    if (!c) return [];
    const { maxIncrease, absoluteFloor } = policy.regression.errorRate;
    // The failures of the same scope: http_req_duration{name:X} → http_req_failed{name:X}.
    const metric = s.name.replace(/^[^{]+/, failed);
    const common = {
      kind: 'error-rate' as const,
      metric,
      ...(s.scope ? { scope: s.scope } : {}),
      statistic: 'rate',
      unit: 'fraction' as const,
      limit: { kind: 'error-rate' as const, maxIncrease, absoluteFloor },
    };
    if (!b || b.total === 0 || c.total === 0) {
      return [{ ...common, beyond: false, insufficient: `no requests in ${!b || b.total === 0 ? 'the baseline' : 'the current run'}`, shortfall: 'missing' }];
    }
    const rb = b.failed / b.total;
    const rc = c.failed / c.total;
    const change = rb > 0 ? rc / rb - 1 : undefined;
    const beyond = rc - rb > absoluteFloor && (change === undefined || change > maxIncrease);
    const base = { ...common, baseline: rb, current: rc, ...(change !== undefined ? { change } : {}), beyond };
    if (baseline.aggregateOnly || current.aggregateOnly) {
      return [{ ...base, details: { aggregateOnly: true } }];
    }
    const deff = Math.max(designEffectOfRates(baseline.windows(metric, 'rate')), designEffectOfRates(current.windows(metric, 'rate')));
    const test = twoProportionTest({ events: b.failed, total: b.total }, { events: c.failed, total: c.total }, { varianceInflation: deff });
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: 'missing' }];
    return [{
      ...base,
      pValue: test.pGreater,
      // The shares' difference is what is tested; its interval decides whether "no change" is excluded.
      intervalExcludesNoChange: test.differenceLower > 0,
      ...(test.ratio ? { interval: test.ratio } : {}),
    }];
  },
};

/** Design effect of failures clustering in windows (a window's `passes` are its failed requests). */
function designEffectOfRates(windows: readonly RateWindow[]): number {
  const deff = clusterDesignEffect(windows.filter((w) => w.count > 0).map((w) => clusterOfProportion(w.count, w.passes)));
  return isInsufficient(deff) ? 1 : Math.max(1, deff);
}

import type { RateWindow } from '../../document/run-document.js';
import { conditionalBinomialTest } from '../../stats/conditional-binomial-test.js';
import { clusterDesignEffect, clusterOfProportion } from '../../stats/design-effect.js';
import { isInsufficient } from '../../stats/insufficient.js';
import { twoProportionTest } from '../../stats/two-proportion-test.js';
import type { Detector } from '../detector.js';

/**
 * Failed requests below which (in the rarer class over both runs, after dividing by the design effect) the
 * exact conditional test replaces the z-test: there the normal approximation is poor, above it the two
 * agree and the z-test keeps its power when failures are not rare.
 */
export const EXACT_BELOW = 50;

/**
 * Did the share of failed requests rise by more than the limit? Relative (+50 %) and absolute (the floor,
 * so 0.01 % → 0.02 % is no failure) must both be exceeded. From a baseline with no failures a relative
 * change is undefined: then the absolute floor alone is the limit (0 → 0.2 % is beyond a 0.1-point floor).
 *
 * The test is one-sided and accounts for failures clustering in time windows (an outage fails many
 * requests at once, which is one event, not many) by the design effect d of the windows: with few
 * failures (fewer than EXACT_BELOW after dividing by d) the exact conditional binomial test on the counts
 * divided by d, else the two-proportion z-test with its variance multiplied by d.
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
    const deff = Math.max(failuresDesignEffect(baseline.windows(metric, 'rate')), failuresDesignEffect(current.windows(metric, 'rate')));
    const before = { events: b.failed, total: b.total };
    const now = { events: c.failed, total: c.total };
    const test = twoProportionTest(before, now, { varianceInflation: deff });
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: 'missing' }];
    const rarer = Math.min(b.failed + c.failed, b.total + c.total - b.failed - c.failed) / deff;
    const exact = rarer < EXACT_BELOW ? conditionalBinomialTest(before, now, { varianceInflation: deff }) : undefined;
    if (exact && !isInsufficient(exact)) {
      return [{
        ...base,
        pValue: exact.pGreater,
        minAttainableP: exact.minAttainableP,
        // The exact test's dual: its one-sided interval at level 1 − α excludes no change exactly when p < α
        // (a Wald interval from a baseline of 0 would claim more than the counts can show).
        intervalExcludesNoChange: exact.pGreater < policy.alpha,
        ...(test.ratio ? { interval: test.ratio } : {}),
      }];
    }
    return [{
      ...base,
      pValue: test.pGreater,
      // The shares' difference is what is tested; its interval decides whether "no change" is excluded.
      intervalExcludesNoChange: test.differenceLower > 0,
      ...(test.ratio ? { interval: test.ratio } : {}),
    }];
  },
};

/** Design effect of failures clustering in windows (a window's `passes` are its failed requests); 1 when it cannot be estimated. */
export function failuresDesignEffect(windows: readonly RateWindow[]): number {
  const deff = clusterDesignEffect(windows.filter((w) => w.count > 0).map((w) => clusterOfProportion(w.count, w.passes)));
  return isInsufficient(deff) ? 1 : Math.max(1, deff);
}

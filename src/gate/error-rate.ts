import type { StagePolicy } from '../config/policy.js';
import { clusterDesignEffect } from '../stats/design-effect.js';
import { isInsufficient } from '../stats/insufficient.js';
import { normalCdf, normalQuantile } from '../stats/normal.js';
import type { Window } from '../document/run-document.js';
import type { Assessment } from './assessment.js';
import type { RunView } from '../document/run-view.js';
import type { LatencyScope } from './latency.js';

const Z95 = normalQuantile(0.975);

/**
 * Did the share of failed requests rise by more than the limit? Relative (+50 %) and absolute (the floor,
 * so 0.01 % → 0.02 % is no failure) must both be exceeded. The test is a one-sided two-proportion z-test
 * whose variance is inflated by the design effect of failures clustering in time windows (an outage
 * fails many requests at once, which is one event, not many).
 */
export function assessErrorRate(baseline: RunView, current: RunView, s: LatencyScope & { readonly tags: Readonly<Record<string, string>> }, policy: StagePolicy, failedMetric: string): Assessment | undefined {
  const b = baseline.errors(s.tags, failedMetric);
  const c = current.errors(s.tags, failedMetric);
  if (!c) return undefined;
  const { maxIncrease, absoluteFloor } = policy.regression.errorRate;
  // The failures of the same scope: http_req_duration{name:X} → http_req_failed{name:X}.
  const metric = s.name.replace(/^[^{]+/, failedMetric);
  const common = {
    kind: 'error-rate' as const,
    metric,
    ...(s.scope ? { scope: s.scope } : {}),
    statistic: 'rate',
    threshold: `+${Math.round(maxIncrease * 100)} % and +${formatPct(absoluteFloor)} points`,
    harmful: 'increase' as const,
  };
  if (!b || b.total === 0 || c.total === 0) {
    return { ...common, beyond: false, insufficient: `no requests in ${!b || b.total === 0 ? 'the baseline' : 'the current run'}` };
  }
  const rb = b.failed / b.total;
  const rc = c.failed / c.total;
  const change = rb > 0 ? rc / rb - 1 : undefined;
  const beyond = rc - rb > absoluteFloor && (change === undefined || change > maxIncrease);
  const base = { ...common, baseline: rb, current: rc, ...(change !== undefined ? { change } : {}), beyond };
  if (baseline.aggregateOnly || current.aggregateOnly) {
    return { ...base, note: 'aggregate-only input: the change cannot be tested, only reported' };
  }
  const deff = Math.max(designEffectOfRates(baseline.windows(metric)), designEffectOfRates(current.windows(metric)));
  const pooled = (b.failed + c.failed) / (b.total + c.total);
  const seNull = Math.sqrt(pooled * (1 - pooled) * (1 / b.total + 1 / c.total) * deff);
  const diff = rc - rb;
  const continuity = 0.5 * (1 / b.total + 1 / c.total);
  const pValue = seNull > 0 ? 1 - normalCdf((diff - continuity) / seNull) : diff > 0 ? 0 : 1;
  const seDiff = Math.sqrt(((rb * (1 - rb)) / b.total + (rc * (1 - rc)) / c.total) * deff);
  const intervalExcludesNoChange = diff - Z95 * seDiff > 0 && pValue < 0.05;
  let interval: Assessment['interval'];
  if (b.failed > 0 && c.failed > 0) {
    // Katz log interval of the ratio of two proportions.
    const seLog = Math.sqrt((1 / c.failed - 1 / c.total + 1 / b.failed - 1 / b.total) * deff);
    const lr = Math.log(rc / rb);
    interval = { lower: Math.exp(lr - Z95 * seLog) - 1, upper: Math.exp(lr + Z95 * seLog) - 1 };
  }
  return { ...base, pValue, intervalExcludesNoChange, ...(interval ? { interval } : {}) };
}

function designEffectOfRates(windows: readonly Window[]): number {
  const clusters = windows
    .filter((w) => w.count > 0)
    .map((w) => {
      const p = (w.passes ?? 0) / w.count;
      return { count: w.count, mean: p, variance: w.count > 1 ? (p * (1 - p) * w.count) / (w.count - 1) : 0 };
    });
  const deff = clusterDesignEffect(clusters);
  return isInsufficient(deff) ? 1 : Math.max(1, deff);
}

function formatPct(x: number): string {
  return `${Math.round(x * 10000) / 100} %`;
}

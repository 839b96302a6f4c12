import type { CounterWindow } from '../../document/run-document.js';
import { insufficient, isInsufficient, type InsufficientData } from '../../stats/insufficient.js';
import { logMeanStandardError } from '../../stats/log-mean-se.js';
import { logRatioTest } from '../../stats/log-ratio-test.js';
import { shortfallOf } from '../assessment.js';
import type { Detector } from '../detector.js';

/**
 * Did the whole run serve fewer requests per second than the baseline, beyond the limit? Throughput is a
 * run-level quantity, so its units are the time windows: the mean per-window rate of each run (first and
 * last windows dropped, as they are partly empty), with the spread between windows and their lag-1
 * autocorrelation giving the standard error, plus the run-to-run noise floor.
 */
export const throughput: Detector = {
  id: 'throughput',
  each: 'run',
  needs: 'baseline',
  detect({ policy, roles, baseline, current, mix }) {
    const requests = roles.requests;
    const b = baseline.throughput({}, requests);
    const c = current.throughput({}, requests);
    if (c === undefined) return [];
    const limit = policy.regression.throughput.maxDecrease;
    const common = { kind: 'throughput' as const, metric: requests, statistic: 'rate', unit: 'req/s' as const, limit: { kind: 'max-decrease' as const, max: limit } };
    if (b === undefined || b <= 0) return [{ ...common, current: c, beyond: false, insufficient: 'the baseline has no requests', shortfall: 'missing' }];
    // A run that served nothing has no ratio to test: it is the largest drop there is.
    if (c <= 0) return [{ ...common, baseline: b, current: 0, change: -1, beyond: true, deterministic: true, details: { noRequests: true } }];
    const change = c / b - 1;
    // A test that added or dropped endpoints, or changed their shares, does different work per second:
    // a drop it explains is no regression, and one it hides cannot be told apart. Say so, do not judge.
    if (mix) return [{ ...common, baseline: b, current: c, change, beyond: false, insufficient: 'the test\'s request mix changed, so requests per second measure different work', shortfall: 'mix-changed' }];
    const base = { ...common, baseline: b, current: c, change, beyond: change < -limit };
    if (baseline.aggregateOnly || current.aggregateOnly) return [{ ...base, details: { aggregateOnly: true } }];
    const sb = windowRateSe(baseline.windows(requests, 'counter'), baseline.doc.windows.widthMs);
    const sc = windowRateSe(current.windows(requests, 'counter'), current.doc.windows.widthMs);
    if (isInsufficient(sb)) return [{ ...base, insufficient: `baseline: ${sb.reason}`, shortfall: shortfallOf(sb, 'too-short') }];
    if (isInsufficient(sc)) return [{ ...base, insufficient: `current run: ${sc.reason}`, shortfall: shortfallOf(sc, 'too-short') }];
    const noise = policy.runToRunNoise;
    const test = logRatioTest(Math.log(c / b), [sb, sc, noise, noise]);
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: shortfallOf(test) }];
    return [{
      ...base,
      pValue: test.pLess, // one-sided: lower throughput is harmful
      interval: { lower: test.lower, upper: test.upper },
      intervalExcludesNoChange: test.upper < 0,
    }];
  },
};

/** The log-scale standard error of the mean per-second rate over the inner windows (the edges are partly empty). */
export function windowRateSe(windows: readonly CounterWindow[], widthMs: number): number | InsufficientData {
  const inner = windows.slice(1, -1).map((w) => w.count / (widthMs / 1000));
  if (inner.length < 3) return insufficient(`only ${windows.length} time windows (needs ≥ 5)`, 'too-few');
  const se = logMeanStandardError(inner);
  return isInsufficient(se) ? insufficient('no requests') : se;
}

import { isInsufficient } from '../../stats/insufficient.js';
import { pairedLogRatio, type PairEstimate } from '../../stats/paired-log-ratio.js';
import { shortfallOf } from '../assessment.js';
import type { Detector, RoundPair } from '../detector.js';
import { windowRateSe } from './throughput.js';

/**
 * Whole-run throughput in ab mode: each round pair's ratio of requests per second (candidate over
 * baseline), its standard error from each round's time windows, combined over the pairs
 * (stats/paired-log-ratio.ts). Not asked outside ab mode.
 */
export const pairedThroughput: Detector = {
  id: 'paired-throughput',
  each: 'run',
  needs: 'baseline',
  detect({ policy, roles, baseline, current, pairs, mix }) {
    if (!pairs) return [];
    const requests = roles.requests;
    const b = baseline.throughput({}, requests);
    const c = current.throughput({}, requests);
    if (c === undefined) return [];
    const limit = policy.regression.throughput.maxDecrease;
    const common = { kind: 'throughput' as const, metric: requests, statistic: 'rate', unit: 'req/s' as const, limit: { kind: 'max-decrease' as const, max: limit }, ...(b !== undefined ? { baseline: b } : {}), current: c };
    if (b === undefined || !(b > 0)) return [{ ...common, beyond: false, insufficient: 'the baseline rounds have no requests', shortfall: 'missing' }];
    if (mix) return [{ ...common, beyond: false, insufficient: 'the two services were given different request mixes, so requests per second measure different work', shortfall: 'mix-changed' }];
    const estimates = pairs.flatMap((p) => pairRate(p, requests));
    const combined = pairedLogRatio(estimates);
    if (isInsufficient(combined)) return [{ ...common, beyond: false, insufficient: combined.reason, shortfall: shortfallOf(combined, 'too-short') }];
    const change = Math.expm1(combined.logRatio);
    return [{
      ...common,
      change,
      beyond: change < -limit,
      pValue: combined.pLess, // one-sided: lower throughput is harmful
      df: combined.df,
      interval: { lower: combined.lower, upper: combined.upper },
      intervalExcludesNoChange: combined.upper < 0,
      details: { paired: { ratios: estimates.map((e) => Math.exp(e.logRatio)), spread: combined.spread, method: combined.method } },
    }];
  },
};

function pairRate(pair: RoundPair, requests: string): PairEstimate[] {
  const b = pair.baseline.throughput({}, requests);
  const c = pair.current.throughput({}, requests);
  if (b === undefined || c === undefined || !(b > 0) || !(c > 0)) return [];
  const sb = windowRateSe(pair.baseline.windows(requests, 'counter'), pair.baseline.doc.windows.widthMs);
  const sc = windowRateSe(pair.current.windows(requests, 'counter'), pair.current.doc.windows.widthMs);
  const logRatio = Math.log(c / b);
  return isInsufficient(sb) || isInsufficient(sc) || !(Math.hypot(sb, sc) > 0) ? [{ logRatio }] : [{ logRatio, se: Math.hypot(sb, sc) }];
}

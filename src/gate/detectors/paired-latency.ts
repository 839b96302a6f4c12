import { designEffectOfWindows } from '../../document/run-level.js';
import { percentileKey, type RunView } from '../../document/run-view.js';
import { totalCount } from '../../stats/distribution.js';
import { isInsufficient } from '../../stats/insufficient.js';
import { pairedLogRatio, type PairEstimate } from '../../stats/paired-log-ratio.js';
import { percentileRiseTest } from '../../stats/percentile-rise-test.js';
import { relativeShiftTest } from '../../stats/relative-shift-test.js';
import { studentTQuantile } from '../../stats/student-t.js';
import { shortfallOf, type Assessment } from '../assessment.js';
import type { Detector, JudgedScope, RoundPair } from '../detector.js';

/**
 * A round with fewer requests of a scope than this says nothing about it: the pair is left out of that
 * scope's questions (a rare endpoint may reach it only in some rounds).
 */
export const PAIR_MIN_REQUESTS = 5;

/** Power of the minimum detectable effect reported with each paired finding. */
const POWER = 0.8;

/**
 * Latency questions of ab mode, one per scope and configured statistic: each round pair's ratio
 * (candidate round over the baseline round next to it) — the Hodges–Lehmann shift for `med`, the
 * statistic's own ratio otherwise — combined over the pairs with an interval from the pairs
 * (stats/paired-log-ratio.ts). The within-round tests only weigh the pairs and set a floor: what drifts
 * between rounds (a busy neighbour, a warming cache) is in the spread between pairs, so no run-to-run
 * noise figure is assumed. Not asked outside ab mode.
 */
export const pairedLatency: Detector = {
  id: 'paired-latency',
  each: 'scope',
  needs: 'baseline',
  detect({ policy, baseline, current, pairs, mix }, s) {
    if (!pairs) return [];
    const limit = policy.regression.latency.maxIncrease;
    const unit = current.unitOf(s.name);
    const out: Assessment[] = [];
    for (const statistic of policy.regression.latency.statistics) {
      const b = baseline.value(s.name, statistic);
      const c = current.value(s.name, statistic);
      const question = {
        kind: 'latency' as const,
        metric: s.name,
        ...(s.scope ? { scope: s.scope } : {}),
        statistic,
        unit,
        limit: { kind: 'max-increase' as const, max: limit },
        ...(b !== undefined ? { baseline: b } : {}),
        ...(c !== undefined ? { current: c } : {}),
      };
      if (b === undefined || c === undefined) {
        out.push({ ...question, beyond: false, insufficient: `${statistic} is not available in ${b === undefined ? 'the baseline rounds' : 'the candidate rounds'}`, shortfall: 'missing' });
        continue;
      }
      // The pairs are not re-weighted: with different mixes the whole run is judged through its endpoints.
      if (mix && !s.scope) {
        out.push({ ...question, beyond: false, insufficient: 'the two services were given different request mixes: the whole run is judged through its endpoints', shortfall: 'mix-changed' });
        continue;
      }
      const estimates = pairs.flatMap((p) => pairEstimate(p, s, statistic));
      const combined = pairedLogRatio(estimates);
      if (isInsufficient(combined)) {
        out.push({ ...question, beyond: false, insufficient: combined.reason, shortfall: shortfallOf(combined, 'too-short') });
        continue;
      }
      const change = Math.expm1(combined.logRatio);
      out.push({
        ...question,
        change,
        beyond: change > limit,
        pValue: combined.pGreater,
        df: combined.df,
        interval: { lower: combined.lower, upper: combined.upper },
        intervalExcludesNoChange: combined.lower > 0,
        details: {
          paired: { ratios: estimates.map((e) => Math.exp(e.logRatio)), spread: combined.spread, method: combined.method },
          // What these pairs could catch with 80 % power at α, on their own t; more pairs shrink se as 1/√pairs.
          detectable: { change: Math.expm1((studentTQuantile(1 - policy.alpha, combined.df) + studentTQuantile(POWER, combined.df)) * combined.se), power: POWER, alpha: policy.alpha, withinSe: combined.se, noiseSe: 0 },
        },
      });
    }
    return out;
  },
};

/** One pair's ln ratio of a statistic and, when its two rounds can bound it, the standard error; nothing when a round lacks the scope. */
function pairEstimate(pair: RoundPair, s: JudgedScope, statistic: string): PairEstimate[] {
  const bd = pair.baseline.distribution(s.name);
  const cd = pair.current.distribution(s.name);
  if (!bd || !cd) return [];
  const nb = totalCount(bd);
  const nc = totalCount(cd);
  if (nb < PAIR_MIN_REQUESTS || nc < PAIR_MIN_REQUESTS) return [];
  const deffB = roundDesignEffect(pair.baseline, s.name);
  const deffC = roundDesignEffect(pair.current, s.name);
  if (statistic === 'med') {
    const t = relativeShiftTest(bd, cd, { designEffect: (nb * deffB + nc * deffC) / (nb + nc) });
    return isInsufficient(t) ? [] : [{ logRatio: t.test.logRatio, se: t.test.se }];
  }
  const b = pair.baseline.value(s.name, statistic);
  const c = pair.current.value(s.name, statistic);
  if (b === undefined || c === undefined || !(b > 0) || !(c > 0)) return [];
  const logRatio = Math.log(c / b);
  const q = percentileKey(statistic);
  if (q === undefined || !(q > 0 && q < 1)) return [{ logRatio }];
  // The level test alone bounds the percentile's own ratio; a round too short to bound it still gives its ratio.
  const t = percentileRiseTest(bd, cd, { q, nEffectiveBaseline: nb / deffB, nEffectiveCurrent: nc / deffC });
  return isInsufficient(t) || !(t.level.se > 0) ? [{ logRatio }] : [{ logRatio, se: t.level.se }];
}

function roundDesignEffect(view: RunView, name: string): number {
  return designEffectOfWindows(view.windows(name, 'trend'));
}

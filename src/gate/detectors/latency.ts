import { percentileKey } from '../../document/run-view.js';
import { cliffsDelta } from '../../stats/cliffs-delta.js';
import { distributionMoments } from '../../stats/distribution-moments.js';
import { totalCount, type Distribution } from '../../stats/distribution.js';
import { insufficient, isInsufficient, type InsufficientData } from '../../stats/insufficient.js';
import { logRatioTest, type LogRatioTest } from '../../stats/log-ratio-test.js';
import { minimumDetectableEffect } from '../../stats/minimum-detectable-effect.js';
import { percentileEstimate, percentileRiseOfEstimates, percentileRiseTest, type PercentileRiseTest } from '../../stats/percentile-rise-test.js';
import { withSharedErrors, type PooledPercentile } from '../pooled-baseline.js';
import { relativeShiftTest } from '../../stats/relative-shift-test.js';
import { shortfallOf, type Assessment } from '../assessment.js';
import type { Detector } from '../detector.js';
import type { FindingDetails } from '../verdict.js';
import { levelNoise } from '../learned-noise.js';
import { designEffectOfWindows } from '../../document/run-level.js';

/**
 * Latency questions for one scope: the typical shift (`med`: Hodges–Lehmann on log latency, tested with
 * Mann–Whitney), the mean (`avg`) and each configured percentile (its level by the order-statistic
 * interval, or its distance from the median: `quantile` below), all with a run-to-run noise floor added,
 * all on the ratio scale so "+20 %" means the same at 2 ms and at 2 s.
 */
export const latency: Detector = {
  id: 'latency',
  each: 'scope',
  needs: 'baseline',
  detect({ policy, baseline, current, noise: learned, pooled, mix }, s) {
    const limit = policy.regression.latency.maxIncrease;
    const figure = learned.of(s.scope);
    const unit = current.unitOf(s.name);
    const common = { kind: 'latency' as const, metric: s.name, ...(s.scope ? { scope: s.scope } : {}), unit, limit: { kind: 'max-increase' as const, max: limit } };
    const out: Assessment[] = [];
    for (const statistic of policy.regression.latency.statistics) {
      const q = statistic === 'med' || statistic === 'avg' ? undefined : percentileKey(statistic);
      // A percentile's baseline is its mean over the stored runs where the history has them; a changed
      // mix's whole run is reweighted, and stored runs of the old mix are not its baseline.
      const baselineRun = baseline.value(s.name, statistic);
      const stored = q !== undefined && !(mix && !s.scope) ? pooled?.of(s.scope, q) : undefined;
      // The history must hold this very figure of the baseline run (the same metric and scope), else it is another series.
      const averaged = stored && baselineRun !== undefined && baselineRun > 0 && Math.abs(stored.baselineRunLog - Math.log(baselineRun)) < 1e-9 ? stored : undefined;
      const b = averaged ? Math.exp(averaged.estimate.level.log) : baselineRun;
      const c = current.value(s.name, statistic);
      const base = { ...common, statistic, ...(b !== undefined ? { baseline: b } : {}), ...(c !== undefined ? { current: c } : {}) };
      // The level's noise: the scope's (learned or default) plus the additive jitter at this level.
      const noise = levelNoise(figure.noise, policy.runToRunNoiseMs, b, unit);
      const noiseDetail = { noise: { value: noise, source: figure.source, steps: figure.steps } };
      if (b === undefined || c === undefined) {
        out.push({ ...base, beyond: false, insufficient: `${statistic} is not available in ${b === undefined ? 'the baseline' : 'the current run'}`, shortfall: 'missing', insufficientSide: b === undefined ? 'baseline' : 'current' });
        continue;
      }
      if (!(b > 0)) {
        out.push({ ...base, beyond: false, insufficient: `baseline ${statistic} is 0 ms: no relative change` });
        continue;
      }
      const change = c / b - 1;
      const beyond = change > limit;
      const bd = baseline.distribution(s.name);
      const cd = current.distribution(s.name);
      if (!bd || !cd) {
        out.push({ ...base, change, beyond, details: { aggregateOnly: true } });
        continue;
      }
      const nb = totalCount(bd);
      const nc = totalCount(cd);
      if (nb < policy.minSamples || nc < policy.minSamples) {
        const n = Math.min(nb, nc);
        // Too few requests to bound a percentile or measure the clustering, but a gross shift of a small
        // endpoint is still visible to the rank test (exact below 40 requests): judge it, warn at most.
        const few = statistic === 'med' && n >= SMALL_SAMPLE_MIN ? shift(bd, cd, 1, noise) : undefined;
        if (few && !isInsufficient(few)) {
          out.push(tested(base, few, Math.expm1(few.test.logRatio), limit, {
            atMost: 'warn',
            details: { smallSample: { baselineCount: nb, currentCount: nc, minSamples: policy.minSamples }, ...detectable(few.test, noise, policy.alpha), ...noiseDetail },
          }));
          continue;
        }
        out.push({
          ...base,
          change,
          beyond,
          insufficient: `${n} ${n === 1 ? 'request' : 'requests'} in ${nb < nc ? 'the baseline' : 'the current run'} (needs ≥ ${policy.minSamples})`,
          shortfall: 'too-few-requests',
          insufficientSide: nb < policy.minSamples ? 'baseline' : 'current',
        });
        continue;
      }
      const windowsB = baseline.windows(s.name, 'trend');
      const windowsC = current.windows(s.name, 'trend');
      const deffB = designEffectOfWindows(windowsB);
      const deffC = designEffectOfWindows(windowsC);
      // Too few windows to measure how the requests cluster in time: the test may be far too sure of
      // itself, so what it confirms warns and does not fail.
      const busyB = windowsB.filter((w) => w.count > 0).length;
      const busyC = windowsC.filter((w) => w.count > 0).length;
      const short = Math.min(busyB, busyC) < MIN_WINDOWS_TO_FAIL;
      const evidence = statistic === 'med'
        ? shift(bd, cd, (nb * deffB + nc * deffC) / (nb + nc), noise)
        : statistic === 'avg'
          ? mean(bd, cd, deffB, deffC, noise)
          : quantile(bd, cd, q, nb / deffB, nc / deffC, nc, noise, policy.tailShapeNoise, averaged);
      if (isInsufficient(evidence)) {
        out.push({ ...base, change, beyond, insufficient: evidence.reason, shortfall: shortfallOf(evidence), ...(evidence.side ? { insufficientSide: evidence.side } : {}) });
        continue;
      }
      // For `med` the tested quantity is the shift of the whole distribution; report its estimate as the change.
      const reported = statistic === 'med' ? Math.expm1(evidence.test.logRatio) : change;
      const superiority = statistic === 'med' ? cliffsDelta(bd, cd) : undefined;
      out.push(tested(base, evidence, reported, limit, {
        ...(short ? { atMost: 'warn' as const } : {}),
        details: {
          ...(short ? { shortRun: { baselineWindows: busyB, currentWindows: busyC, needs: MIN_WINDOWS_TO_FAIL } } : {}),
          ...(superiority && !isInsufficient(superiority) ? { superiority: { probability: superiority.probabilityOfSuperiority, delta: superiority.delta } } : {}),
          ...(evidence.spread !== undefined ? { tail: { fromMedian: Math.expm1(evidence.spread) } } : {}),
          ...(averaged && baselineRun !== undefined ? { pooledBaseline: { runs: averaged.estimate.runs, shas: averaged.shas, baselineRun } } : {}),
          ...detectable(evidence.test, noise, policy.alpha),
          ...noiseDetail,
        },
      }));
    }
    return out;
  },
};

/**
 * Fewer time windows with requests than this in either run: a latency question may warn, never fail. The
 * design effect comes from the spread between windows, and with fewer than 8 (7 degrees of freedom) it is
 * too unsure to keep the test honest: a 4 s run of the same code twice failed real-k6 A/As this way.
 */
export const MIN_WINDOWS_TO_FAIL = 8;

/**
 * Below minSamples, the typical shift is still judged (at most a warning) when each run has this many
 * requests: with fewer, even complete separation cannot reach significance after Holm's correction.
 */
const SMALL_SAMPLE_MIN = 8;

/** Power used for the minimum detectable effect reported with every tested latency finding. */
const POWER = 0.8;

/** What the test could have caught with 80 % power at α (before multiplicity), split into the part a longer run shrinks and the noise floor. */
function detectable(test: LogRatioTest, noise: number, alpha: number): { detectable: NonNullable<FindingDetails['detectable']> } | Record<string, never> {
  const m = minimumDetectableEffect(test.se, { alpha, power: POWER });
  if (isInsufficient(m)) return {};
  const noiseSe = Math.SQRT2 * noise;
  const withinSe = Math.sqrt(Math.max(test.se * test.se - noiseSe * noiseSe, 0));
  return { detectable: { change: m.increase, power: POWER, alpha, withinSe, noiseSe } };
}

/** What every latency question states before its evidence: the metric, scope, unit, limit, statistic and values. */
type Question = Pick<Assessment, 'kind' | 'metric' | 'scope' | 'unit' | 'limit' | 'statistic' | 'baseline' | 'current'>;

/**
 * A tested question: its change against the limit, the p-value of its evidence, and the interval of the
 * change itself (a percentile's level even when its distance from the median decided the p-value: the
 * interval shown beside p95's change, and held against the limit, is p95's own).
 */
function tested(question: Question, evidence: Evidence, change: number, limit: number, more: Pick<Assessment, 'atMost' | 'details'>): Assessment {
  const { test } = evidence;
  const shown = evidence.level ?? test;
  return { ...question, change, beyond: change > limit, pValue: evidence.pValue, interval: { lower: shown.lower, upper: shown.upper }, intervalExcludesNoChange: test.lower > 0, ...more };
}

/** A log-ratio test and the one-sided p-value it decides on. */
interface Evidence {
  readonly test: LogRatioTest;
  readonly pValue: number;
  /** A percentile's evidence came from its distance from the median: ln of how much further it moved. */
  readonly spread?: number;
  /** A percentile's own level test, whichever test decided: the interval of the change shown and held against the limit. */
  readonly level?: LogRatioTest;
}

function shift(b: Distribution, c: Distribution, designEffect: number, noise: number): Evidence | InsufficientData {
  const t = relativeShiftTest(b, c, { designEffect, noise });
  return isInsufficient(t) ? t : { test: t.test, pValue: t.pGreater };
}

/**
 * A percentile: did it rise with the whole distribution (level, with the run-to-run noise floor) or move
 * away from the median (spread, with the smaller shape noise; drift of the whole run cancels in it)?
 * Either is evidence, Bonferroni over the two (stats/percentile-rise-test.ts). The change reported and
 * held against the limit stays the percentile's own ratio.
 */
function quantile(b: Distribution, c: Distribution, q: number | undefined, nEffB: number, nEffC: number, countC: number, noise: number, shapeNoise: number, averaged: PooledPercentile | undefined): Evidence | InsufficientData {
  if (q === undefined || !(q > 0 && q < 1)) return insufficient('a percentile strictly between 0 and 100 is needed for a test');
  const t = averaged ? pooledRise(averaged, c, q, nEffC, countC, noise, shapeNoise) : percentileRiseTest(b, c, { q, nEffectiveBaseline: nEffB, nEffectiveCurrent: nEffC, noise, shapeNoise });
  if (isInsufficient(t)) return t;
  return { test: t.test, pValue: t.pGreater, level: t.level, ...(t.evidence === 'spread' ? { spread: t.test.logRatio } : {}) };
}

/** The current run's percentile against its baseline averaged over stored runs, their sampling errors pooled over all of them. */
function pooledRise(averaged: PooledPercentile, c: Distribution, q: number, nEffC: number, countC: number, noise: number, shapeNoise: number): PercentileRiseTest | InsufficientData {
  const current = percentileEstimate(c, q, nEffC, 'current');
  if (isInsufficient(current)) return current;
  const shared = withSharedErrors(averaged, current, countC);
  return percentileRiseOfEstimates(shared.baseline, shared.current, { noise, shapeNoise });
}

/** The mean: its log standard error by the delta method, with effective sample sizes. */
function mean(b: Distribution, c: Distribution, deffB: number, deffC: number, noise: number): Evidence | InsufficientData {
  const mb = distributionMoments(b);
  const mc = distributionMoments(c);
  if (isInsufficient(mb)) return insufficient(`baseline: ${mb.reason}`, mb.cause, 'baseline');
  if (isInsufficient(mc)) return insufficient(`current run: ${mc.reason}`, mc.cause, 'current');
  const seB = Math.sqrt(mb.variance / (mb.n / deffB)) / mb.mean;
  const seC = Math.sqrt(mc.variance / (mc.n / deffC)) / mc.mean;
  const test = logRatioTest(Math.log(mc.mean / mb.mean), [seB, seC, noise, noise]);
  return isInsufficient(test) ? test : { test, pValue: test.pGreater };
}

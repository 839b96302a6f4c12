import type { TrendWindow } from '../../document/run-document.js';
import type { RunView } from '../../document/run-view.js';
import { changePoint } from '../../stats/change-point.js';
import { totalCount, type Distribution } from '../../stats/distribution.js';
import { isInsufficient } from '../../stats/insufficient.js';
import { percentile } from '../../stats/percentile.js';
import { relativeShiftTest } from '../../stats/relative-shift-test.js';
import type { Assessment } from '../assessment.js';
import type { Detector } from '../detector.js';
import type { FindingDetails } from '../verdict.js';
import { levelNoise } from '../learned-noise.js';
import { designEffectOfWindows } from '../../document/run-level.js';

/**
 * Did the end of the run get slower? A regression that starts mid-run (a cache that fills, a pool that
 * leaks) is diluted in the whole-run comparison; here the typical latency of the last third of the current
 * run (after the endurance warm-up, when set) is held against the baseline's last third, with the same
 * shift test as the whole run: the design effect of those windows and the run-to-run noise of each run,
 * scaled to a third of the run (END_NOISE_FACTOR).
 * It warns at most: a third of the run is thinner evidence than the whole, and a slow stretch of the
 * machine can fill it (on the bench's noisy machine, failing on it cost 1 % of A/A runs).
 * The segment is fixed in advance (no search for the worst stretch, so no selection bias); a detected
 * change point only explains the finding. Asked for every scope the latency detector judges; its p-values
 * join the others' multiple-comparison correction.
 */
export const endOfRun: Detector = {
  id: 'end-of-run',
  each: 'scope',
  needs: 'baseline',
  detect({ policy, roles, baseline, current, mix, noise }, s) {
    // The end's question is the typical latency's: a policy that does not ask `med` does not ask it either.
    if (!policy.regression.latency.statistics.includes('med')) return [];
    // When the request mix changed, the whole run is re-formed in the baseline's proportions, but its
    // windows are not (MixedRunView adds them unweighted): its end would compare different mixes.
    // The endpoints' ends are still asked.
    if (mix && s.scope === undefined) return [];
    const warmup = policy.endurance?.warmupSeconds ?? 0;
    const b = endOf(baseline, roles.latency, s.name, warmup);
    const c = endOf(current, roles.latency, s.name, warmup);
    // Too short an end to judge: no assessment, not an inconclusive one. The whole-run question already
    // covers this scope, and an "end of run cannot be judged" line for every small endpoint would bury it.
    if (!b || !c) return [];
    const nb = totalCount(b.distribution);
    const nc = totalCount(c.distribution);
    if (nb < policy.minSamples || nc < policy.minSamples) return [];

    const limit = policy.regression.latency.maxIncrease;
    const before = percentile(b.distribution, 0.5);
    const after = percentile(c.distribution, 0.5);
    const question = {
      kind: 'latency' as const,
      metric: s.name,
      ...(s.scope ? { scope: s.scope } : {}),
      statistic: 'med',
      unit: current.unitOf(s.name),
      limit: { kind: 'max-increase' as const, max: limit },
      ...(!isInsufficient(before) ? { baseline: before } : {}),
      ...(!isInsufficient(after) ? { current: after } : {}),
    };
    const deff = (designEffectOfWindows(b.windows) * nb + designEffectOfWindows(c.windows) * nc) / (nb + nc);
    const figure = noise.of(s.scope);
    const level = levelNoise(figure.noise, policy.runToRunNoiseMs, isInsufficient(before) ? undefined : before, question.unit);
    const ev = relativeShiftTest(b.distribution, c.distribution, { designEffect: deff, noise: level * END_NOISE_FACTOR });
    // Nothing to rank (every request took the same time): the whole-run question reports the same shortage.
    if (isInsufficient(ev)) return [];
    const change = Math.expm1(ev.test.logRatio);
    const out: Assessment = {
      ...question,
      change,
      beyond: change > limit,
      pValue: ev.pGreater,
      interval: { lower: ev.test.lower, upper: ev.test.upper },
      intervalExcludesNoChange: ev.test.lower > 0,
      // A third of the run is thinner evidence than the whole (a slow stretch of the machine can fill it):
      // it flags the run for a reviewer, the whole-run question fails it.
      atMost: 'warn',
      details: { compared: 'end-of-run', ...stepIn(current, s.name, warmup, policy.alpha), noise: { value: level * END_NOISE_FACTOR, source: figure.source, steps: figure.steps } },
    };
    return [out];
  },
};

/**
 * Where the current run got slower, when a step stands out from the noise of its windows (change point
 * p < α): an explanation for the report ("slower from 13 s on"), not evidence; the verdict rests on the
 * fixed thirds. A step down is no explanation of a slowdown and is left out.
 */
function stepIn(run: RunView, scope: string, warmupSeconds: number, alpha: number): { changePoint: NonNullable<FindingDetails['changePoint']> } | Record<string, never> {
  const windows = run.windows(scope, 'trend').filter(afterWarmup(run, warmupSeconds));
  const cp = changePoint(windows);
  if (isInsufficient(cp) || !(cp.pValue < alpha) || !(cp.after.logMean > cp.before.logMean)) return {};
  const atMs = run.doc.windows.originMs + windows[cp.at]!.i * run.doc.windows.widthMs - Date.parse(run.doc.meta.start);
  return { changePoint: { atSeconds: Math.max(0, atMs / 1000), before: Math.exp(cp.before.logMean), after: Math.exp(cp.after.logMean), pValue: cp.pValue } };
}

/**
 * The run-to-run noise of a third of a run, relative to the whole run's. A machine's slow states (a busy
 * neighbour for a few seconds, drift) average out over the run; a third of its time averages a third as
 * many, so its mean wanders up to √3 times as far (for states shorter than the third; a shift of the
 * whole run does not grow). Measured on the accuracy bench's noisy machine (slow stretches of 3–6 s in a
 * quarter of the runs), while this question could still fail a stage, 1000 A/A trials failed 1.4 % with
 * the whole run's noise and 0.7 % with √3 (as before it was asked), and a +50 % last third was still
 * flagged in 95 % of trials.
 */
export const END_NOISE_FACTOR = Math.sqrt(3);

/** Fewer windows than this in a run's last third: too few to measure the clustering in time, so no question. */
export const MIN_END_WINDOWS = 6;

/** The last third of a run's time after warm-up, for one scope: its windows and the merged distribution. */
interface EndSegment {
  readonly windows: readonly TrendWindow[];
  readonly distribution: Distribution;
}

/**
 * The last third of the run's windows after warm-up. The thirds are cut on the whole run's time axis (the
 * latency metric's windows), not on the scope's own windows, so an endpoint that stopped being called
 * early does not have its "end" in the middle of the run. Undefined when the third holds fewer than
 * MIN_END_WINDOWS windows with requests of the scope.
 */
function endOf(run: RunView, wholeRun: string, scope: string, warmupSeconds: number): EndSegment | undefined {
  const axis = run.windows(wholeRun, 'trend').filter(afterWarmup(run, warmupSeconds));
  if (axis.length === 0) return undefined;
  const firstIndex = axis[0]!.i;
  const lastIndex = axis[axis.length - 1]!.i;
  const third = Math.floor((lastIndex - firstIndex + 1) / 3);
  const from = lastIndex - third + 1;
  const windows = run.windows(scope, 'trend').filter((w) => w.i >= from && w.i <= lastIndex && w.count > 0);
  if (windows.length < MIN_END_WINDOWS) return undefined;
  return { windows, distribution: run.windowDistribution(scope, from, lastIndex + 1) };
}

/**
 * Windows that start after the warm-up (as degradation.ts cuts them); with no warm-up every window, also
 * the first, which starts on a whole second a little before the run's first request.
 */
function afterWarmup(run: RunView, warmupSeconds: number): (w: TrendWindow) => boolean {
  if (!(warmupSeconds > 0)) return () => true;
  const fromMs = Date.parse(run.doc.meta.start) + warmupSeconds * 1000;
  return (w) => run.doc.windows.originMs + w.i * run.doc.windows.widthMs >= fromMs;
}

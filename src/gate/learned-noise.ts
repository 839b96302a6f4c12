import type { StagePolicy } from '../config/policy.js';
import type { HistoryEntry, HistoryLevel } from '../document/history-entry.js';
import { isChangeStep, shrinkVariance, stepExcess } from '../stats/between-run-noise.js';

/** The run-to-run noise one scope's comparisons add, and where the figure came from. */
export interface NoiseFigure {
  /** Log-scale SD of a run's level between runs (0.03 ≈ runs wobble by 3 %). */
  readonly noise: number;
  /** `default`: the policy's runToRunNoise; `history`: learned from stored runs of the baseline branch. */
  readonly source: 'default' | 'history';
  /** Consecutive stored runs (steps) whose levels of this scope the figure learned from. */
  readonly steps: number;
}

/** The noise of every scope of a stage: the pooled figure and each endpoint's. */
export interface LearnedNoise {
  /** Stored runs that carried levels (0: nothing learned). */
  readonly runs: number;
  /** Steps set aside as code changes on the baseline branch (too large for noise). */
  readonly setAside: number;
  /** The stage-wide figure every endpoint's is shrunk toward. */
  readonly pooled: NoiseFigure;
  /** The figure for one scope (the whole run without a scope). */
  of(scope?: { readonly tag: string; readonly value: string }): NoiseFigure;
}

/**
 * Learned noise never goes below this share of runToRunNoise: a short history that happened to agree
 * closely must not make a noise floor vanish.
 */
export const NOISE_FLOOR_SHARE = 0.25;

/**
 * The run-to-run noise of a latency level of `ms` (a median, a percentile, a mean): the relative noise of
 * its scope plus the additive jitter `noiseMs` (scheduling, timers) as a share of that level, in
 * quadrature. A 1 ms endpoint on a busy machine wobbles by far more than 3 % between runs; a 100 ms one
 * does not notice 0.05 ms. Only latencies in ms get the additive part.
 *
 * @example levelNoise(0.03, 0.05, 1, 'ms') // √(0.03² + 0.05²) = 0.058
 */
export function levelNoise(relative: number, noiseMs: number, ms: number | undefined, unit: string): number {
  if (unit !== 'ms' || ms === undefined || !(ms > 0) || !(noiseMs > 0)) return relative;
  return Math.hypot(relative, noiseMs / ms);
}

/** The policy's runToRunNoise for every scope: no history, or learning switched off. */
export function defaultNoise(policy: StagePolicy): LearnedNoise {
  const figure: NoiseFigure = { noise: policy.runToRunNoise, source: 'default', steps: 0 };
  return { runs: 0, setAside: 0, pooled: figure, of: () => figure };
}

/**
 * Run-to-run noise learned from the stage's history on the baseline branch (oldest first). Each step
 * between consecutive stored runs gives, per scope, an unbiased estimate of the between-run variance
 * (stats/between-run-noise.ts); a step too large for noise at runToRunNoise is a code change and is set
 * aside. Two levels of shrinkage: the stage-wide (pooled) variance is runToRunNoise² worth `priorRuns`
 * steps updated with each step's mean over the endpoints (one value per step: the endpoints of one run
 * share its machine, so they are one observation of the machine's drift, not many); each endpoint's is the
 * pooled variance worth `priorRuns` steps updated with that endpoint's own steps. A short history stays
 * near the default, a long one speaks for itself. Pure.
 */
export function learnNoise(history: readonly HistoryEntry[], policy: StagePolicy): LearnedNoise {
  const withLevels = history.filter((e) => e.levels !== undefined && e.levels.length > 0);
  if (!policy.noiseLearning.enabled || withLevels.length < 2) return defaultNoise(policy);
  const prior = policy.runToRunNoise;
  const floor = (NOISE_FLOOR_SHARE * prior) ** 2;
  const weight = policy.noiseLearning.priorRuns;

  const excesses = new Map<string, number[]>();
  const stepMeans: number[] = [];
  let setAside = 0;
  for (let r = 1; r < withLevels.length; r++) {
    const before = byScope(withLevels[r - 1]!.levels!);
    const after = byScope(withLevels[r]!.levels!);
    const endpointExcesses: number[] = [];
    let wholeExcess: number | undefined;
    for (const [key, b] of after) {
      const a = before.get(key);
      if (!a || a.count < 2 || b.count < 2) continue;
      if (isChangeStep(level(a), level(b), prior)) {
        setAside++;
        continue;
      }
      const e = stepExcess(level(a), level(b));
      (excesses.get(key) ?? excesses.set(key, []).get(key)!).push(e);
      if (key === WHOLE_RUN) wholeExcess = e;
      else endpointExcesses.push(e);
    }
    // Without endpoints (no grouping tag), the whole run is the stage's only voice.
    const voices = endpointExcesses.length > 0 ? endpointExcesses : wholeExcess !== undefined ? [wholeExcess] : [];
    if (voices.length > 0) stepMeans.push(voices.reduce((s, x) => s + x, 0) / voices.length);
  }
  if (stepMeans.length === 0) return defaultNoise(policy);
  const pooledVariance = shrinkVariance({ variance: prior * prior, weight }, stepMeans, floor);
  const pooled: NoiseFigure = { noise: Math.sqrt(pooledVariance), source: 'history', steps: stepMeans.length };
  const figures = new Map<string, NoiseFigure>();
  for (const [key, list] of excesses) {
    figures.set(key, { noise: Math.sqrt(shrinkVariance({ variance: pooledVariance, weight }, list, floor)), source: 'history', steps: list.length });
  }
  return {
    runs: withLevels.length,
    setAside,
    pooled,
    // A scope the history never saw gets the pooled figure: the machine's drift is the stage's.
    of: (scope) => figures.get(keyOf(scope)) ?? { ...pooled, steps: 0 },
  };
}

const WHOLE_RUN = '';

function keyOf(scope: { readonly tag: string; readonly value: string } | undefined): string {
  return scope ? `${scope.tag}\u0000${scope.value}` : WHOLE_RUN;
}

function byScope(levels: readonly HistoryLevel[]): Map<string, HistoryLevel> {
  return new Map(levels.map((l) => [keyOf(l.scope), l]));
}

function level(l: HistoryLevel): { level: number; se: number } {
  return { level: l.logMean, se: l.se };
}

/**
 * What perf-gate checks for one stage: the config's top-level settings plus the stage's rules, built
 * from its base (its `extends`, else its preset, else smoke's rules without SLOs) with the stage's own
 * settings merged over it. Pure.
 */
import { ConfigError } from './errors.js';
import type { LatencyStatistic } from './latency-statistic.js';
import type { CoverageConfig, MultipleComparisons, NoiseLearningConfig, PerfGateConfig, StageConfig, ThresholdSet } from './schema.js';
import { stageNames } from './schema.js';
import { customStageRules, defaultEndurance, isPresetName, presetRules } from './stages.js';
import { didYouMean, listNames } from './suggest.js';

export interface RegressionPolicy {
  /** Fail when a latency statistic rises by more than `maxIncrease` (0.2 = +20 %). */
  latency: { maxIncrease: number; statistics: LatencyStatistic[] };
  /** Fail when requests per second fall by more than `maxDecrease` (0.15 = −15 %). */
  throughput: { maxDecrease: number };
  /** Fail when the error rate rises by more than `maxIncrease` relative, and by more than `absoluteFloor` absolute. */
  errorRate: { maxIncrease: number; absoluteFloor: number };
  /**
   * A failure signature (status code, k6 error_code) the baseline never had on an endpoint: warn once it
   * failed `warnCount` requests; fail once it failed `failCount` requests and `failRate` of the endpoint's.
   */
  failureSignatures: { warnCount: number; failCount: number; failRate: number };
  /** Fail when the memory floor rises by more than `maxIncrease`. */
  memory: { maxIncrease: number };
}

export interface EndurancePolicy {
  /** Max growth of the GC floor (post-warm-up minimum) over the run, 0.05 = 5 %. */
  memoryGrowth: number;
  /** Max latency degradation of late windows against early ones, 0.10 = 10 %. */
  degradation: number;
  /** Fail on a credible positive memory slope. */
  leak: boolean;
  /** Seconds at the start that the endurance checks ignore. */
  warmupSeconds: number;
}

/** A sequential stage (gate/sequential.ts): looks while the load runs, stops once the answer is known. */
export interface SequentialPolicy {
  /** The planned length, in seconds. */
  plannedSeconds: number;
  /** The budget when the answer is still open at the planned length (≥ plannedSeconds). */
  maxSeconds: number;
  /** Seconds between looks. */
  everySeconds: number;
}

/** The stage-specific part of a policy. */
export interface StageRules {
  thresholds: ThresholdSet[];
  regression: RegressionPolicy;
  endurance?: EndurancePolicy;
  sequential?: SequentialPolicy;
}

/** Everything the gate needs to judge one stage. */
export interface StagePolicy extends StageRules {
  stage: string;
  groupBy: string[];
  window: 'auto' | number;
  alpha: number;
  multipleComparisons: MultipleComparisons;
  /** How sure a confirmed change must be beyond its limit to fail (gate/classify.ts). */
  limitConfidence: number;
  runToRunNoise: number;
  /** Additive run-to-run noise of a latency in ms (gate/learned-noise.ts levelNoise). */
  runToRunNoiseMs: number;
  /** Run-to-run noise of a percentile's distance from the median (its shape), smaller than runToRunNoise. */
  tailShapeNoise: number;
  minSamples: number;
  /** What the gate does about endpoints it could not see (a baseline endpoint missing from the current run). */
  coverage: CoverageConfig;
  /** Whether (and how strongly) the run-to-run noise is learned from the baseline branch's history. */
  noiseLearning: NoiseLearningConfig;
  /** Stored runs a percentile's baseline is averaged over (gate/pooled-baseline.ts); 1: the baseline run alone. */
  baselineRuns: number;
  /** The trend judged as request latency, when the config names one; else the run's own (its tool's role). */
  latencyMetric?: string;
  acceptLabel: string;
  /** Most scopes per grouping tag a run keeps (the rest are one `(other)` scope). */
  maxScopes: number;
  /** The config file the policy came from, for error messages; absent for the defaults. */
  configFile?: string;
}

/**
 * The policy for `stage`: a preset (`smoke`, `load`, `stress`, `spike`, `endurance`) or a stage defined
 * under `stages:`, with the config's settings merged over its base. Thresholds the stage sets for a
 * metric replace the base's thresholds for that metric (an empty list removes them); other metrics keep
 * theirs. Regression and endurance settings merge field by field.
 *
 * @throws {ConfigError} when `stage` is neither a preset nor defined, or `extends` is unknown or loops.
 * @example resolvePolicy(defaultConfig(), 'smoke').thresholds.map((t) => t.metric) // ['http_req_duration', 'http_req_failed']
 */
export function resolvePolicy(config: PerfGateConfig, stage: string): StagePolicy {
  const known = stageNames(config.stages);
  if (!known.includes(stage)) {
    const suggestion = didYouMean(stage, known);
    throw new ConfigError(
      [
        `unknown stage '${stage}'${suggestion === undefined ? '.' : ` — did you mean '${suggestion}'?`} Known stages: ${listNames(known, 'and')}. ` +
          `Use one of them, or define '${stage}' under 'stages:' in perf-gate.yml.`,
      ],
      { path: 'stages' },
    );
  }
  const rules = stageRules(config, stage, []);
  return {
    stage,
    groupBy: [...config.groupBy],
    window: config.window,
    alpha: config.alpha,
    multipleComparisons: config.multipleComparisons,
    limitConfidence: config.limitConfidence,
    runToRunNoise: config.runToRunNoise,
    runToRunNoiseMs: config.runToRunNoiseMs,
    tailShapeNoise: config.tailShapeNoise,
    minSamples: config.minSamples,
    coverage: { ...config.coverage },
    noiseLearning: { ...config.noiseLearning },
    baselineRuns: config.baselineRuns,
    ...(config.latencyMetric !== undefined ? { latencyMetric: config.latencyMetric } : {}),
    acceptLabel: config.acceptLabel,
    maxScopes: config.maxScopes,
    ...(config.file !== undefined ? { configFile: config.file } : {}),
    ...rules,
  };
}

function stageRules(config: PerfGateConfig, name: string, chain: readonly string[]): StageRules {
  if (chain.includes(name)) {
    throw new ConfigError([`stages.${chain[0] ?? name}.extends: '${name}' extends itself (${[...chain, name].join(' → ')}) — remove one 'extends'`], {
      path: `stages.${chain[0] ?? name}.extends`,
    });
  }
  const own = config.stages[name];
  let base: StageRules;
  if (own?.extends !== undefined) {
    const parent = own.extends;
    if (!isPresetName(parent) && config.stages[parent] === undefined) {
      throw new ConfigError([`stages.${name}.extends: unknown stage '${parent}'. Known stages: ${listNames(stageNames(config.stages), 'and')}`], {
        path: `stages.${name}.extends`,
      });
    }
    base = stageRules(config, parent, [...chain, name]);
  } else {
    base = isPresetName(name) ? presetRules(name) : customStageRules();
  }
  const rules = own === undefined ? base : mergeStage(base, own);
  if (rules.endurance && rules.sequential && chain.length === 0) {
    // An endurance stage exists to see what happens late; a sequential stop would not see it.
    throw new ConfigError(
      [`stages.${name}.sequential: stage '${name}' has endurance rules, which judge the end of a long run; a sequential stage stops as soon as the answer is known and would never see it — remove 'sequential' (or the endurance rules) from '${name}'`],
      { path: `stages.${name}.sequential` },
    );
  }
  return rules;
}

function mergeStage(base: StageRules, own: StageConfig): StageRules {
  const merged = mergeRules(base, own);
  const sequential = own.sequential ? sequentialPolicy(own.sequential) : base.sequential;
  return sequential ? { ...merged, sequential } : merged;
}

function sequentialPolicy(own: NonNullable<StageConfig['sequential']>): SequentialPolicy {
  return { plannedSeconds: own.duration, maxSeconds: own.maxDuration ?? own.duration, everySeconds: own.lookEvery ?? own.duration / 4 };
}

function mergeRules(base: StageRules, own: StageConfig): StageRules {
  const regression = own.regression ?? {};
  const merged: StageRules = {
    thresholds: mergeThresholds(base.thresholds, own.thresholds ?? []),
    regression: {
      latency: {
        maxIncrease: regression.latency?.maxIncrease ?? base.regression.latency.maxIncrease,
        statistics: [...(regression.latency?.statistics ?? base.regression.latency.statistics)],
      },
      throughput: { maxDecrease: regression.throughput?.maxDecrease ?? base.regression.throughput.maxDecrease },
      errorRate: {
        maxIncrease: regression.errorRate?.maxIncrease ?? base.regression.errorRate.maxIncrease,
        absoluteFloor: regression.errorRate?.absoluteFloor ?? base.regression.errorRate.absoluteFloor,
      },
      failureSignatures: {
        warnCount: regression.failureSignatures?.warnCount ?? base.regression.failureSignatures.warnCount,
        failCount: regression.failureSignatures?.failCount ?? base.regression.failureSignatures.failCount,
        failRate: regression.failureSignatures?.failRate ?? base.regression.failureSignatures.failRate,
      },
      memory: { maxIncrease: regression.memory?.maxIncrease ?? base.regression.memory.maxIncrease },
    },
  };
  if (base.endurance === undefined && own.endurance === undefined) return merged;
  const from = base.endurance ?? defaultEndurance();
  return {
    ...merged,
    endurance: {
      memoryGrowth: own.endurance?.memoryGrowth ?? from.memoryGrowth,
      degradation: own.endurance?.degradation ?? from.degradation,
      leak: own.endurance?.leak ?? from.leak,
      warmupSeconds: own.endurance?.warmupSeconds ?? from.warmupSeconds,
    },
  };
}

/** Own sets replace the base's set for the same metric, in place; new metrics go last; empty sets remove. */
function mergeThresholds(base: readonly ThresholdSet[], own: readonly ThresholdSet[]): ThresholdSet[] {
  const byMetric = new Map(own.map((set) => [set.metric, set]));
  const merged = base.map((set) => byMetric.get(set.metric) ?? set);
  const baseMetrics = new Set(base.map((set) => set.metric));
  merged.push(...own.filter((set) => !baseMetrics.has(set.metric)));
  return merged
    .filter((set) => set.expressions.length > 0)
    .map((set) => ({ metric: set.metric, expressions: set.expressions.map((e) => ({ ...e, aggregation: { ...e.aggregation } })), origin: set.origin ?? 'config' }));
}

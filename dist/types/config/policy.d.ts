import type { LatencyStatistic } from './latency-statistic.js';
import type { CoverageConfig, MultipleComparisons, NoiseLearningConfig, PerfGateConfig, ThresholdSet } from './schema.js';
export interface RegressionPolicy {
    /** Fail when a latency statistic rises by more than `maxIncrease` (0.2 = +20 %). */
    latency: {
        maxIncrease: number;
        statistics: LatencyStatistic[];
    };
    /** Fail when requests per second fall by more than `maxDecrease` (0.15 = −15 %). */
    throughput: {
        maxDecrease: number;
    };
    /** Fail when the error rate rises by more than `maxIncrease` relative, and by more than `absoluteFloor` absolute. */
    errorRate: {
        maxIncrease: number;
        absoluteFloor: number;
    };
    /**
     * A failure signature (status code, k6 error_code) the baseline never had on an endpoint: warn once it
     * failed `warnCount` requests; fail once it failed `failCount` requests and `failRate` of the endpoint's.
     */
    failureSignatures: {
        warnCount: number;
        failCount: number;
        failRate: number;
    };
    /** Fail when the memory floor rises by more than `maxIncrease`. */
    memory: {
        maxIncrease: number;
    };
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
export declare function resolvePolicy(config: PerfGateConfig, stage: string): StagePolicy;

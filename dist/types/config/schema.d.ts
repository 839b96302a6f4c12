import { type ConfigIssue } from './errors.js';
import type { LatencyStatistic } from './latency-statistic.js';
import { type ThresholdExpression } from './threshold.js';
import { type Workload } from './workload.js';
export type MultipleComparisons = 'holm' | 'bh' | 'none';
/** What an endpoint of the baseline that the current run no longer has makes of the verdict. */
export type MissingEndpoint = 'warn' | 'fail' | 'ignore';
/** What the gate does about what it could not see. */
export interface CoverageConfig {
    /** An endpoint of the baseline with no request in the current run: warn (default), fail, or only count it in the headline. */
    missing: MissingEndpoint;
}
/** The thresholds of one metric or submetric. */
export interface ThresholdSet {
    /** Canonical k6 submetric syntax: `http_req_duration{name:GET /api/alerts}`. */
    metric: string;
    /** In the order written; an empty list removes an inherited metric's thresholds. */
    expressions: ThresholdExpression[];
    /**
     * Where the set comes from: the user's config file (default), a stage preset, or the k6 script's own
     * `options.thresholds`. A config threshold on what no run has is an error; a preset's or script's is
     * only noted (the user never wrote it here).
     */
    origin?: 'config' | 'preset' | 'script';
}
/** A stage's regression limits as written: every field optional, merged over the base stage's. */
export interface RegressionConfig {
    latency?: {
        maxIncrease?: number;
        statistics?: LatencyStatistic[];
    };
    throughput?: {
        maxDecrease?: number;
    };
    errorRate?: {
        maxIncrease?: number;
        absoluteFloor?: number;
    };
    failureSignatures?: {
        warnCount?: number;
        failCount?: number;
        failRate?: number;
    };
    memory?: {
        maxIncrease?: number;
    };
}
/** A stage's endurance rules as written: every field optional, merged over the base's or the endurance defaults. */
export interface EnduranceConfig {
    memoryGrowth?: number;
    degradation?: number;
    leak?: boolean;
    /** Seconds. */
    warmupSeconds?: number;
}
/** A stage's sequential gate as written (seconds): look while the load runs, stop once the answer is known. */
export interface SequentialConfig {
    /** The planned length of the stage. */
    duration: number;
    /** The budget when the answer is still open at the planned length (default: the planned length). */
    maxDuration?: number;
    /** Time between looks (default a quarter of the planned length). */
    lookEvery?: number;
}
/** One entry under `stages:`, as written (validated, percentages and durations already converted). */
export interface StageConfig {
    extends?: string;
    thresholds?: ThresholdSet[];
    regression?: RegressionConfig;
    endurance?: EnduranceConfig;
    sequential?: SequentialConfig;
    /** How this stage loads the service with the embedded engine, over the top-level `workload`. */
    workload?: WorkloadOverride;
}
/** The load shape a stage sets for the embedded engine (durations in seconds). */
export interface WorkloadOverride {
    connections?: number;
    arrivalRate?: number;
    duration?: number;
    rampUp?: number;
}
/** A validated `perf-gate.yml`: top-level settings with their defaults applied, stages as written. */
export interface PerfGateConfig {
    version: 1;
    groupBy: string[];
    /** Seconds, or 'auto'. */
    window: 'auto' | number;
    /** At most this many values per `groupBy` tag get scopes of their own; the rest go into `(other)`. */
    maxScopes: number;
    alpha: number;
    multipleComparisons: MultipleComparisons;
    /** How sure a confirmed change must be beyond its limit to fail (one-sided confidence, 0.5 to < 1). */
    limitConfidence: number;
    runToRunNoise: number;
    /** Additive run-to-run noise of a latency, in ms (scheduling and timer jitter), on top of runToRunNoise. */
    runToRunNoiseMs: number;
    /** Run-to-run noise of a percentile's distance from the median (the tail's shape), log-scale SD per run. */
    tailShapeNoise: number;
    minSamples: number;
    coverage: CoverageConfig;
    /** Run-to-run noise learned from the baseline branch's history, shrunk toward runToRunNoise. */
    noiseLearning: NoiseLearningConfig;
    /**
     * A percentile's baseline is its mean over up to this many stored runs of the baseline branch: the
     * baseline run and those before it, back to the last code change (gate/pooled-baseline.ts). 1: the
     * baseline run alone.
     */
    baselineRuns: number;
    /** The trend judged as request latency; absent: the tool's own (k6: http_req_duration). */
    latencyMetric?: string;
    acceptLabel: string;
    /** What the embedded engine sends (`perf-gate run` without k6): requests, login, load shape. */
    workload?: Workload;
    stages: Record<string, StageConfig>;
    /** The file the config was read from (set by the loader, not a key of the file); absent for the defaults. */
    file?: string;
}
/**
 * Learning the run-to-run noise from stored runs of the baseline branch: `enabled` (default true) and
 * `priorRuns`, how many runs' worth of evidence runToRunNoise counts as (default 4: a history of 4 steps
 * weighs as much as the default, a history of 20 steps dominates it).
 */
export interface NoiseLearningConfig {
    enabled: boolean;
    priorRuns: number;
}
/** The top-level defaults (docs/config.md lists them too). */
export declare const CONFIG_DEFAULTS: {
    readonly version: 1;
    readonly groupBy: readonly ["name"];
    readonly window: "auto";
    readonly maxScopes: 500;
    readonly alpha: 0.05;
    readonly multipleComparisons: "holm";
    readonly limitConfidence: 0.7;
    readonly runToRunNoise: 0.03;
    readonly runToRunNoiseMs: 0.05;
    readonly tailShapeNoise: 0.015;
    readonly minSamples: 20;
    readonly coverage: {
        readonly missing: "warn";
    };
    readonly noiseLearning: {
        readonly enabled: true;
        readonly priorRuns: 4;
    };
    readonly baselineRuns: 5;
    readonly acceptLabel: "perf-gate:accept";
};
/** The result of {@link validateConfig}. */
export type ConfigValidation = {
    ok: true;
    config: PerfGateConfig;
} | {
    ok: false;
    issues: ConfigIssue[];
};
/**
 * Checks what a user wrote (the parsed YAML/JSON) and converts it into a {@link PerfGateConfig}. An empty
 * document (`null`, `undefined`) is the default config. Collects every problem, including cross-stage
 * ones (`extends` naming an unknown stage, or a cycle).
 *
 * @example validateConfig({ stages: { smoke: { regresion: {} } } })
 *   // { ok: false, issues: [{ path: ['stages', 'smoke', 'regresion'], message: "unknown key — did you mean 'regression'?" }] }
 */
export declare function validateConfig(raw: unknown): ConfigValidation;
/**
 * {@link validateConfig}, throwing on problems.
 *
 * @param file names the source in the error lines, e.g. `perf-gate.yml`.
 * @throws {ConfigError} listing every problem, one line each.
 */
export declare function parseConfig(raw: unknown, file?: string): PerfGateConfig;
/** The default config: what an absent or empty `perf-gate.yml` means. */
export declare function defaultConfig(): PerfGateConfig;
/** Stages `extends` may name: the presets, then the config's own stages. */
export declare function stageNames(stages: Readonly<Record<string, unknown>>): string[];

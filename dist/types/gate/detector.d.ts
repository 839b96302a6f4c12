import type { StagePolicy } from '../config/policy.js';
import type { MetricRoles } from '../document/roles.js';
import type { RequestMix } from '../document/request-mix.js';
import type { RunView } from '../document/run-view.js';
import type { Assessment } from './assessment.js';
import type { LearnedNoise } from './learned-noise.js';
import type { MemoryTrend } from './memory-trend.js';
import type { PooledBaseline } from './pooled-baseline.js';
/** A scope the stage judges: the whole run, or one value of a grouping tag (one endpoint). */
export interface JudgedScope {
    /** The latency metric's scope in submetric syntax: `http_req_duration{name:GET /api/alerts}`. */
    readonly name: string;
    readonly scope?: {
        readonly tag: string;
        readonly value: string;
    };
    /** The tags of the scope (`{}` for the whole run), to find the same scope of other metrics. */
    readonly tags: Readonly<Record<string, string>>;
}
/**
 * One pair of interleaved A/B rounds (ab mode): a round against the baseline service and the candidate
 * round run next to it, on the same machine within seconds of each other.
 */
export interface RoundPair {
    /** The pair's number in the schedule (0 first). */
    readonly pair: number;
    readonly baseline: RunView;
    readonly current: RunView;
}
/** What every detector may read: the current run, the policy, the scopes and memory summaries. */
export interface RunContext {
    readonly policy: StagePolicy;
    /** The metrics judged as request latency (the policy's latencyMetric, else the tool's), count and failures. */
    readonly roles: MetricRoles;
    readonly current: RunView;
    /** Present whenever there is a baseline; detectors that need one are only called then. */
    readonly baseline: RunView | undefined;
    /** The whole run first, then each endpoint, as the report's table lists them. */
    readonly scopes: readonly JudgedScope[];
    readonly memory: {
        readonly current?: MemoryTrend;
        readonly baseline?: MemoryTrend;
    };
    /**
     * The request mix of the two runs, when it changed (an endpoint added, removed, or its share moved a
     * lot). Per-scope comparison detectors then read the whole-run latency over the shared endpoints in the
     * baseline's proportions (MixedRunView); run-level detectors (SLOs, throughput, memory) read the runs as
     * measured.
     */
    readonly mix?: RequestMix;
    /**
     * The run-to-run noise each scope's between-run comparison adds: learned from the baseline branch's
     * history when there is one (gate/learned-noise.ts), else the policy's runToRunNoise.
     */
    readonly noise: LearnedNoise;
    /**
     * Each percentile's baseline averaged over the stored runs of the baseline branch, where the history
     * holds them (gate/pooled-baseline.ts); absent or NO_POOLING without a history, in ab mode and for a changed mix's
     * whole run.
     */
    readonly pooled?: PooledBaseline;
    /**
     * The A/B round pairs, in ab mode: `baseline` and `current` are then the two arms' rounds added up, and
     * the paired detectors judge change from the pairs (the spread between pairs is the noise).
     */
    readonly pairs?: readonly RoundPair[];
}
/** The context of a detector that compares with the baseline: it is there. */
export interface ComparisonContext extends RunContext {
    readonly baseline: RunView;
}
/**
 * One question family the gate asks. A detector reads the runs and the policy and returns assessments
 * (evidence before multiple-comparison control); it never formats, reads files or decides the verdict.
 * `each: 'scope'` detectors are asked once per judged scope, `each: 'run'` once per stage; `needs`
 * says whether they compare with a baseline (and are skipped on a first run) or judge the current run
 * alone. Add one by writing a file in detectors/ and a line in detectors/index.ts.
 */
export type Detector = {
    readonly id: string;
    readonly each: 'run';
    readonly needs: 'current';
    detect(ctx: RunContext): readonly Assessment[];
} | {
    readonly id: string;
    readonly each: 'run';
    readonly needs: 'baseline';
    detect(ctx: ComparisonContext): readonly Assessment[];
} | {
    readonly id: string;
    readonly each: 'scope';
    readonly needs: 'current';
    detect(ctx: RunContext, scope: JudgedScope): readonly Assessment[];
} | {
    readonly id: string;
    readonly each: 'scope';
    readonly needs: 'baseline';
    detect(ctx: ComparisonContext, scope: JudgedScope): readonly Assessment[];
};

/**
 * What a comparison concludes. This is data: renderers only format it, the CLI maps it to an exit code,
 * the Action decides whether to fail, comment or roll back. Documented for users in docs/report.md.
 */

/** Overall and per-finding outcome. */
export type Outcome = 'pass' | 'warn' | 'fail' | 'inconclusive';

/** How loud a finding is in the report. */
export type Severity = 'fail' | 'warn' | 'info';

export type FindingKind =
  | 'latency'
  | 'throughput'
  | 'error-rate'
  /** A failure signature (status code, k6 error_code) of an endpoint that the baseline never had. */
  | 'failure-signature'
  | 'threshold'
  | 'memory'
  | 'leak'
  | 'degradation'
  | 'data';

/**
 * Why a question could not be judged: too few requests, a run too short (too few time windows), something
 * only one run has, no spread to measure a change against (identical values and no noise floor), or
 * the test's request mix changed (a run-level count then measures different work), or another reason
 * (the finding's message says which).
 */
export type Shortfall = 'too-few-requests' | 'too-short' | 'missing' | 'no-spread' | 'mix-changed' | 'other';


/** How sure we are that a change is real, in words and numbers. */
export interface Confidence {
  /** 'confirmed': significant after multiple-comparison control and the interval excludes no change;
   *  'suggestive': some evidence, not enough to confirm; 'none': indistinguishable from noise;
   *  'not-applicable': no test applies (aggregate-only input, absolute threshold). */
  readonly level: 'confirmed' | 'suggestive' | 'none' | 'not-applicable';
  /** Interval for `change` (same units: a fraction), when one could be computed. */
  readonly interval?: { readonly lower: number; readonly upper: number; readonly confidence: number };
}

export type { Unit } from '../document/unit.js';
import type { CapacityComparison } from './capacity.js';
import type { ResourceComparison } from './resources.js';
import type { ShardFigures } from '../document/shard-figures.js';
import type { Unit } from '../document/unit.js';
import type { RequestMix } from '../document/request-mix.js';

/** The limit a finding was held against, as data; renderers word it (`+20 %`, `p(95)<500`). */
export type Limit =
  /** The statistic may rise by at most `max` (0.2 = +20 %). */
  | { readonly kind: 'max-increase'; readonly max: number }
  /** It may fall by at most `max` (0.15 = −15 %). */
  | { readonly kind: 'max-decrease'; readonly max: number }
  /** Failures may rise by at most `maxIncrease` relative, or by at most `absoluteFloor` (a fraction) absolute. */
  | { readonly kind: 'error-rate'; readonly maxIncrease: number; readonly absoluteFloor: number }
  /** A failure signature the baseline never had warns at `warnCount` failed requests, fails at `failCount` that are also `failRate` of the endpoint's. */
  | { readonly kind: 'failure-signature'; readonly warnCount: number; readonly failCount: number; readonly failRate: number }
  /** An absolute SLO in k6's grammar, as the user wrote it. */
  | { readonly kind: 'threshold'; readonly expression: string }
  /** Memory must not keep growing in the steady state. */
  | { readonly kind: 'no-sustained-growth' }
  /** What the baseline measured must be measured in the current run too. */
  | { readonly kind: 'measured-in-both' };

/**
 * Why a finding has its outcome, as data: the renderers turn it into a sentence. `confirmed`: beyond the
 * limit and confirmed; `unconfirmed`: beyond it, evidence short of confirmation (or no test applies);
 * `noise`: beyond it but within run-to-run noise; `multiplicity`: beyond it on its own, not once the many
 * comparisons are accounted for; `within-limit`; `not-judged` with the shortfall and the data's own words;
 * an SLO `crossed`/`holds`, or `lost` (the baseline matched it, the current run does not); a `leak` or
 * `no-leak`; `lost-metric`/`lost-tag` (what the baseline measured and the current run does not).
 */
export type Reason =
  | { readonly code: 'confirmed' }
  | { readonly code: 'unconfirmed' }
  /** Beyond the limit and confirmed on a run with too few time windows to measure clustering: a warning. */
  | { readonly code: 'confirmed-short'; readonly baselineWindows: number; readonly currentWindows: number; readonly needs: number }
  /** Beyond the limit and confirmed in the last third of the run only (end-of-run): a warning, never a fail. */
  | { readonly code: 'confirmed-end' }
  /** A confirmed change whose estimate is beyond the limit, but not with `limitConfidence`: it may be within it. */
  | { readonly code: 'near-limit' }
  | { readonly code: 'noise' }
  | { readonly code: 'multiplicity' }
  | { readonly code: 'within-limit' }
  /** `side`: which run fell short, when known (a short baseline is not mended by running the current one longer). */
  | { readonly code: 'not-judged'; readonly shortfall: Shortfall; readonly detail: string; readonly side?: 'baseline' | 'current' }
  | { readonly code: 'threshold-crossed' }
  | { readonly code: 'threshold-holds' }
  | { readonly code: 'threshold-lost'; readonly baselineCount: number }
  | { readonly code: 'leak' }
  | { readonly code: 'no-leak' }
  | { readonly code: 'lost-metric'; readonly baselineCount: number }
  | { readonly code: 'lost-tag'; readonly tag: string; readonly baselineValues: number }
  /** An endpoint the baseline measured that has no request in the current run (`coverage.missing`). */
  | { readonly code: 'lost-scope'; readonly baselineCount: number }
  /** Beyond the limit and confirmed by an exact small-sample test, on fewer requests than minSamples: a warning, never a fail. */
  | { readonly code: 'confirmed-few'; readonly baselineCount: number; readonly currentCount: number; readonly minSamples: number }
  /** Failed requests with a signature the baseline never had on this scope (details.signature says which). */
  | { readonly code: 'new-signature' };

/** Facts behind a finding beyond its numbers, for the renderers to mention. */
export interface FindingDetails {
  /** The input holds no distribution (k6 summary JSON): the change is reported, not tested. */
  readonly aggregateOnly?: boolean;
  /** Typical latency: how often a current request is slower than a baseline one, and Cliff's δ. */
  readonly superiority?: { readonly probability: number; readonly delta: number };
  /** Throughput: the current run served no requests. */
  readonly noRequests?: boolean;
  /** Memory growth and leaks: the steady state after warm-up. */
  readonly memory?: {
    readonly startBytes: number;
    readonly endBytes: number;
    readonly slopeMBPerHour: number;
    readonly slopeInterval: { readonly lower: number; readonly upper: number };
    readonly growth: number;
    /** The allowed growth over the run, a fraction. */
    readonly growthLimit: number;
  };
  /** A new failure signature: which, how many failed requests had it, their share of the scope's requests. */
  readonly signature?: {
    readonly status?: string;
    readonly errorCode?: string;
    readonly failed: number;
    readonly share: number;
    /** Exact one-sided p that the baseline would have shown none by chance (conditional binomial, design effect applied). */
    readonly pChance: number;
    /** The design effect of the scope's failures clustering in time, as applied. */
    readonly designEffect: number;
  };
  /**
   * Which parts of the runs were compared: degradation, the last third of the run against its first third;
   * `end-of-run`, the last third of the current run against the baseline's last third.
   */
  readonly compared?: 'last-third-vs-first-third' | 'end-of-run';
  /**
   * End of run: where the current run's typical latency most likely stepped (a change point beyond noise),
   * to explain the finding ("slower from 13 s on"); the verdict rests on the fixed last third, not on it.
   * `atSeconds` from the run's start; `before` and `after` the geometric mean latency of each side, in the
   * finding's unit; `pValue` the change point's own (not multiplicity-adjusted).
   */
  readonly changePoint?: { readonly atSeconds: number; readonly before: number; readonly after: number; readonly pValue: number };
  /**
   * The smallest rise (a fraction: 0.34 = +34 %) this run could have caught with `power` at the one-sided
   * level `alpha` (before the multiple-comparison correction), given the standard error the test used —
   * design effect and run-to-run noise included. `withinSe` and `noiseSe` are that error's two parts on the
   * log scale: the part a longer run shrinks and the part it does not.
   */
  readonly detectable?: { readonly change: number; readonly power: number; readonly alpha: number; readonly withinSe: number; readonly noiseSe: number };
  /** Judged on a run with fewer time windows than it takes to measure clustering (8): at most a warning. */
  readonly shortRun?: { readonly baselineWindows: number; readonly currentWindows: number; readonly needs: number };
  /** Judged on fewer requests than minSamples with an exact small-sample test: at most a warning. */
  readonly smallSample?: { readonly baselineCount: number; readonly currentCount: number; readonly minSamples: number };
  /** A percentile judged by its distance from the median: how much further from it the percentile moved (+0.3 = 30 %). */
  readonly tail?: { readonly fromMedian: number };
  /**
   * A percentile whose baseline is its mean over `runs` stored runs of the baseline branch
   * (gate/pooled-baseline.ts): their commits, the baseline run's first, and the baseline run's own value
   * (the finding's `baseline` is the mean).
   */
  readonly pooledBaseline?: { readonly runs: number; readonly shas: readonly string[]; readonly baselineRun: number };
  /** The run-to-run noise the test added for each run, and where it came from (gate/learned-noise.ts). */
  readonly noise?: { readonly value: number; readonly source: 'default' | 'history'; readonly steps: number };
  /**
   * Judged on interleaved A/B round pairs (ab mode): each pair's ratio candidate/baseline, in pair order
   * (pairs the rounds could not judge left out), their spread, and how they were combined.
   */
  readonly paired?: { readonly ratios: readonly number[]; readonly spread: number; readonly method: 'weighted' | 'equal' };
}

export interface Finding {
  readonly outcome: Outcome;
  readonly severity: Severity;
  readonly kind: FindingKind;
  /** Metric in k6 submetric syntax: `http_req_duration{name:GET /api/alerts}`. */
  readonly metric: string;
  /** The endpoint (or other scope value) the finding is about, when it is not the whole run. */
  readonly scope?: { readonly tag: string; readonly value: string };
  /** k6-style statistic: `p(95)`, `med`, `rate`, `count`, `throughput`, `slope` … */
  readonly statistic: string;
  /** The unit of `baseline` and `current`. */
  readonly unit: Unit;
  /** The statistic in each run, in `unit`. */
  readonly baseline?: number;
  readonly current?: number;
  /** Relative change, +0.25 = 25 % higher (worse for latency and errors, better for throughput). */
  readonly change?: number;
  /** The limit the change was held against. */
  readonly limit: Limit;
  /** p-value (one-sided, for "worse") after multiple-comparison control, where a test applies. */
  readonly pValue?: number;
  /** The change is beyond its limit in the harmful direction, whether or not the data confirm it. */
  readonly beyondLimit?: boolean;
  readonly confidence: Confidence;
  /** Why the finding has its outcome. */
  readonly reason: Reason;
  readonly details?: FindingDetails;
  /** For an inconclusive finding: what kind of shortage kept it from being judged. */
  readonly shortfall?: Shortfall;
  /** Whether the PR explicitly accepted this regression (label); set by the Action, not the core. */
  readonly accepted?: boolean;
}

/** Per-scope numbers for one run, as shown in the report tables. */
export interface ScopeSummary {
  readonly count: number;
  readonly p50?: number;
  readonly p95?: number;
  readonly p99?: number;
  readonly avg?: number;
  /** Requests per second over the run's duration. */
  readonly throughput?: number;
  /** Fraction of failed requests (k6 http_req_failed rate), 0..1. */
  readonly errorRate?: number;
}

/** A part of a k6 request's time: the duration's sending, waiting, receiving; before it blocked, connecting, tls. */
export type RequestPhase = 'sending' | 'waiting' | 'receiving' | 'blocked' | 'connecting' | 'tls';

/** Where a scope's request time went in each run (gate/phases.ts): the mean per request of each phase, ms. */
export interface PhaseBreakdown {
  /** The mean latency (`http_req_duration`), ms: the sum of sending, waiting and receiving. */
  readonly meanBaseline: number;
  readonly meanCurrent: number;
  readonly phases: readonly { readonly phase: RequestPhase; readonly baseline: number; readonly current: number }[];
  /**
   * The share of requests that opened a connection (k6's `http_req_connecting` above 0), in [0, 1]: 1 when
   * nothing is reused. Absent when a run has no distribution of it. Says "keep-alive lost" better than the
   * mean connect time, which a few slow first connects of a short run can inflate.
   */
  readonly connected?: { readonly baseline: number; readonly current: number };
}

export interface ScopeComparison {
  /** `http_req_duration{name:GET /api/alerts}` or `http_req_duration` for the whole run. */
  readonly metric: string;
  readonly scope?: { readonly tag: string; readonly value: string };
  readonly baseline?: ScopeSummary;
  readonly current?: ScopeSummary;
  /** Relative change of the typical (median-shift) latency with its interval, when computable. */
  readonly latencyChange?: number;
  readonly confidence: Confidence;
  /** Worst outcome of the findings about this scope. */
  readonly outcome: Outcome;
  /**
   * The finding that decided `outcome`, when it is not the typical-latency one: a p95 or an error rate
   * that failed while the median held, or a percentile that could not be judged. Reports show its change
   * and confidence, so a row never reads "fail … +3 % … within noise".
   */
  readonly decidedBy?: Decision;
  /**
   * The smallest rise of typical latency (a fraction: 0.34 = +34 %) this run could have caught here with
   * 80 % power at the policy's α, from the standard error its test used (design effect and run-to-run
   * noise included). Absent when the scope could not be tested.
   */
  readonly detectable?: number;
  /** Where the request time went, baseline and current (k6 runs with both): for the report's hints. */
  readonly phases?: PhaseBreakdown;
}

/** The statistic that decided a scope's row. */
export interface Decision {
  readonly kind: FindingKind;
  /** `p(95)`, `rate`, … as in the finding. */
  readonly statistic: string;
  readonly change?: number;
  /** Absolute change for error rates (a fraction: 0.01 = +1 percentage point), where a relative one is undefined (from 0). */
  readonly difference?: number;
  readonly confidence: Confidence;
  readonly shortfall?: Shortfall;
  /** The deciding finding compared parts of the runs (its details.compared): the row then says which. */
  readonly compared?: FindingDetails['compared'];
}

/** Resident memory of one run after warm-up. Bytes are bytes; MB = 2^20 bytes. */
export interface MemoryRun {
  readonly startBytes: number;
  readonly endBytes: number;
  readonly peakBytes: number;
  /** Theil–Sen slope of the GC floor in the steady state (later half after warm-up), MB per hour. */
  readonly slopeMBPerHour?: number;
  /** Its 95 % interval. */
  readonly slopeInterval?: { readonly lower: number; readonly upper: number };
  /** r² of a least-squares line through the GC floor after warm-up: how straight the growth is. */
  readonly rSquared?: number;
  /** Growth over the run at the steady-state slope, a fraction of the steady level. */
  readonly growth?: number;
}

export interface MemorySummary {
  readonly baseline?: MemoryRun;
  readonly current?: MemoryRun;
}

/** The run-to-run noise the stage's latency comparisons used, and where it came from. */
export interface StageNoise {
  /** `default`: runToRunNoise for every scope; `history`: learned from stored runs of the baseline branch. */
  readonly source: 'default' | 'history';
  /** The policy's runToRunNoise: the figure without a history, and the prior a history is shrunk toward. */
  readonly default: number;
  /** Stored runs learned from, and steps between them set aside as code changes. */
  readonly runs: number;
  readonly setAside: number;
  /** The stage-wide figure, and the lowest and highest over the judged scopes. */
  readonly pooled: number;
  readonly lowest: number;
  readonly highest: number;
}

/** What the A/B rounds of a stage were and what they showed. */
export interface AbSummary {
  /** Round pairs judged (each one baseline and one candidate round, in ABBA order). */
  readonly pairs: number;
  /** Rounds planned in all (2 × pairs asked for). */
  readonly plannedRounds: number;
  /** Rounds whose load failed: reported, and their pair left out. */
  readonly failedRounds: readonly { readonly round: number; readonly arm: 'baseline' | 'candidate'; readonly reason: string }[];
  /** The whole run's typical-latency ratio per pair, in pair order: a reviewer sees whether the pairs agree. */
  readonly ratios: readonly number[];
  /** Spread (SD of ln ratio) between pairs of the whole run's typical latency: the noise the rounds measured. */
  readonly spread?: number;
  /** Seconds each round was asked to run. */
  readonly roundSeconds?: number;
}

/** How a sequential stage ended (gate/sequential.ts; pipeline/sequential-watch.ts). */
export type SequentialEnd =
  /** A look confirmed a regression: the load was stopped. */
  | 'regression'
  /** A look found every question within its limits: the load was stopped. */
  | 'within-limits'
  /** No look settled it: the load ran to its end (its planned length, the budget, or the script's own length). */
  | 'full-length'
  /** The load ran past its budget and was stopped there. */
  | 'budget'
  /** No baseline to compare with: nothing for a look to settle, so the load was stopped at its planned length. */
  | 'no-baseline'
  /** The engine could not look while the load ran (`why`): judged once, at the end, at the stage's α. */
  | 'unwatched'
  /** The run was cancelled before it ended. */
  | 'cancelled';

/** One look of a sequential stage at its run while the load ran. */
export interface SequentialLook {
  /** Seconds since the load started. */
  readonly atSeconds: number;
  /** The family-wise α the comparison was held at. */
  readonly alpha: number;
  readonly decision: 'regression' | 'within-limits' | 'open' | 'no-baseline' | 'not-judged';
  /** The questions that kept the load running (`open`), or why it could not judge (`not-judged`). */
  readonly open?: readonly string[];
  readonly why?: string;
}

/** What the sequential gate of a stage did: when and why the load stopped, and the time that saved. */
export interface SequentialSummary {
  readonly plannedSeconds: number;
  readonly maxSeconds: number;
  /** How long the load ran: the current run's duration. */
  readonly ranSeconds: number;
  readonly end: SequentialEnd;
  /** The look that stopped the load (`regression`, `within-limits`), by its time. */
  readonly stoppedAtLook?: number;
  readonly looks: readonly SequentialLook[];
  /** The α the stage was judged at in the end: the stage's α less what the looks held spent. */
  readonly finalAlpha: number;
  /** Why nothing was looked at (`unwatched`). */
  readonly why?: string;
}

export interface StageReport {
  readonly stage: string;
  readonly outcome: Outcome;
  readonly baselineRun?: { readonly start: string; readonly durationSeconds: number; readonly partial: boolean; readonly tool: string; readonly toolVersion?: string; readonly gitSha?: string };
  readonly currentRun: { readonly start: string; readonly durationSeconds: number; readonly partial: boolean; readonly tool: string; readonly toolVersion?: string; readonly gitSha?: string };
  readonly findings: readonly Finding[];
  readonly scopes: readonly ScopeComparison[];
  readonly memory?: MemorySummary;
  /** The stage's regression limits, for charts that draw them: latency +`latency`, throughput −`throughput`, error rate. */
  readonly limits?: { readonly latency: number; readonly throughput: number; readonly errorRate: { readonly maxIncrease: number; readonly absoluteFloor: number } };
  /** For a run whose load grew (stress, spike, any ramp): the highest rate held within the SLOs, the knee, and the baseline's (gate/capacity.ts). */
  readonly capacity?: CapacityComparison;
  /** The service's CPU, GC, event-loop lag and open files per the memory source's scrapes, and what moved (gate/resources.ts). */
  readonly resources?: ResourceComparison;
  /**
   * The test's request mix, when it changed between the runs: the whole-run row then compares the
   * endpoints both runs share, weighted as in the baseline, and throughput is not judged.
   */
  readonly mix?: RequestMix;
  /**
   * The least-powered judged endpoint: what its typical-latency test could detect, and how long the stage
   * would have to run for it to detect the configured limit (same request rate, spread and clustering
   * assumed; the run-to-run noise does not shrink with length).
   */
  readonly power?: StagePower;
  /** The run-to-run noise used, when there was a baseline to compare with (not in ab mode: the pairs measure it). */
  readonly noise?: StageNoise;
  /** Interleaved A/B rounds (ab mode): the baseline is the baseline service's rounds, the current run the candidate's. */
  readonly ab?: AbSummary;
  /** A sequential stage: the looks while the load ran, when and why it stopped. */
  readonly sequential?: SequentialSummary;
  /** A merged distributed run (docs/distributed.md): what each shard, and each region, contributed. */
  readonly shards?: ShardFigures;
  /** Plain notes: "baseline is aggregate-only: distribution tests not applicable", "current run is partial". */
  readonly notes: readonly string[];
}

/** How much the least-powered endpoint of a stage could see, and the run length that would see the limit. */
export interface StagePower {
  readonly scope: { readonly tag: string; readonly value: string };
  /** The smallest rise its typical-latency test could catch with 80 % power (0.34 = +34 %). */
  readonly detectable: number;
  /** The configured latency limit (0.2 = +20 %). */
  readonly limit: number;
  readonly durationSeconds: number;
  /** The run length that would detect the limit with 80 % power; absent when no length can (`unreachable`). */
  readonly neededSeconds?: number;
  /** The run-to-run noise alone exceeds what the limit allows: no run length reaches it. */
  readonly unreachable?: boolean;
}

export interface Report {
  readonly schema: 'perf-gate/report@1';
  readonly verdict: Outcome;
  /** The label that accepted this run's regressions, when one did (the Action sets it). */
  readonly acceptedBy?: string;
  readonly stages: readonly StageReport[];
  /** All findings of all stages (the same objects as in `stages[].findings`), failures first. */
  readonly findings: readonly Finding[];
  readonly generatedAt: string;
}

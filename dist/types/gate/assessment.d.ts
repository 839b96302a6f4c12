import type { InsufficientData } from '../stats/insufficient.js';
import type { FindingDetails, FindingKind, Limit, Shortfall, Unit } from './verdict.js';
/**
 * One question the gate asked of the data ("did p95 of GET /api/alerts get worse by more than 20 %?")
 * with its evidence, before multiple-comparison control turns evidence into an outcome.
 */
export interface Assessment {
    readonly kind: FindingKind;
    readonly metric: string;
    readonly scope?: {
        readonly tag: string;
        readonly value: string;
    };
    readonly statistic: string;
    /** The unit of `baseline` and `current`. */
    readonly unit: Unit;
    readonly baseline?: number;
    readonly current?: number;
    /** Relative change, positive = higher. */
    readonly change?: number;
    /** The limit the change is held against. */
    readonly limit: Limit;
    /** The change is beyond the limit in the harmful direction (before asking whether it is real). */
    readonly beyond: boolean;
    /** One-sided p-value for "worse", when a test applies. Adjusted for multiplicity by the caller. */
    readonly pValue?: number;
    /**
     * The smallest pValue the test could have given on these counts, for discrete tests (an exact test on
     * three failures cannot reach p < 0.125). A question whose minimum is not below α cannot confirm
     * anything and stays out of the multiple-comparison family (Tarone 1990): zero failures in both runs
     * must not cost the latency questions their power.
     */
    readonly minAttainableP?: number;
    /**
     * Degrees of freedom of the interval when it is a Student t interval (A/B round pairs: pairs − 1);
     * absent for the normal intervals of the within-run tests. The limit rule reads the se off the interval with it.
     */
    readonly df?: number;
    /** 95 % interval of `change`, when one could be computed. */
    readonly interval?: {
        readonly lower: number;
        readonly upper: number;
    };
    /** The interval's bound on the harmful side excludes "no change" (lower > 0 for increases). */
    readonly intervalExcludesNoChange?: boolean;
    /** Set when the data cannot answer; the finding is then inconclusive. */
    readonly insufficient?: string;
    /** What kind of shortage `insufficient` is, for the headline's count of what went unjudged (default 'other'). */
    readonly shortfall?: Shortfall;
    /** Which run fell short (`insufficient`), when known: the sequential gate does not wait on a short baseline. */
    readonly insufficientSide?: 'baseline' | 'current';
    /** Deterministic outcomes (absolute SLOs): no test, the comparison decides. */
    readonly deterministic?: boolean;
    /** Facts for the renderers to mention (no words: they word them). */
    readonly details?: FindingDetails;
    /** What the baseline had and the current run lost (a threshold's submetric, the latency metric, a tag). */
    readonly lost?: {
        readonly what: 'selector' | 'metric';
        readonly baselineCount: number;
    } | {
        readonly what: 'tag';
        readonly tag: string;
        readonly baselineValues: number;
    } | {
        readonly what: 'scope';
        readonly baselineCount: number;
    };
    /**
     * The loudest outcome this question may reach: `warn` for evidence that is worth a reviewer's look but
     * too thin to fail a build on (an endpoint below minSamples judged by an exact small-sample test, a
     * missing endpoint under `coverage.missing: warn`). A fail is then reported as a warning.
     */
    readonly atMost?: 'warn';
}
/** The shortfall of a statistic's InsufficientData, where it says what kind it is. */
export declare function shortfallOf(x: InsufficientData, tooFew?: Shortfall): Shortfall;

/** What a threshold compares: a statistic of the metric's samples, named as in k6's summary. */
export type Aggregation = {
    kind: 'avg';
} | {
    kind: 'min';
} | {
    kind: 'max';
} | {
    kind: 'med';
} | {
    kind: 'percentile';
    p: number;
} | {
    kind: 'count';
} | {
    kind: 'rate';
} | {
    kind: 'value';
} | {
    kind: 'passes';
} | {
    kind: 'fails';
};
export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** One parsed threshold. */
export interface ThresholdExpression {
    /** The expression exactly as written (k6's summary keys its threshold results by this text). */
    source: string;
    aggregation: Aggregation;
    /** `===` is read as `==`. */
    operator: ThresholdOperator;
    value: number;
    /** From k6's object form. perf-gate evaluates after the run, so it only reports this flag. */
    abortOnFail: boolean;
}
/** k6's object form of a threshold. `delayAbortEval` is checked and otherwise ignored. */
export interface ThresholdObject {
    threshold: string;
    abortOnFail?: boolean;
    delayAbortEval?: string;
}
/** The kinds of metric k6 has (one sink type each). */
export type ThresholdMetricType = 'trend' | 'counter' | 'rate' | 'gauge';
/**
 * The aggregations each metric type answers: k6's own table (k6 refuses any other with exit 104,
 * "unsupported aggregation method … supported aggregation methods for this metric are: …"), plus
 * perf-gate's `passes` and `fails` on rates.
 *
 * @example aggregationsFor('rate') // ['rate', 'passes', 'fails']
 */
export declare function aggregationsFor(type: ThresholdMetricType): readonly Aggregation['kind'][];
/** An aggregation kind as a user writes it: `p(N)` for percentiles. */
export declare function aggregationKindText(kind: Aggregation['kind']): string;
/** The aggregation names without a parameter, in k6's order, then perf-gate's extensions. */
export declare const AGGREGATION_NAMES: readonly ["value", "count", "rate", "avg", "min", "med", "max", "passes", "fails"];
/**
 * Like {@link parseThreshold}, but returns the reason (a sentence without the path) instead of throwing.
 */
export declare function tryParseThreshold(input: string | ThresholdObject): ThresholdExpression | {
    readonly error: string;
};
/**
 * Parses a k6 threshold, in string or object form.
 *
 * @throws {ConfigError} when it is not k6 syntax; the message starts with `path` when given:
 *   `stages.smoke.thresholds["http_req_duration"][0]: 'p95<500' is not a k6 threshold — expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`.
 * @example parseThreshold('p(99.9) <= 1500')
 *   // { source: 'p(99.9) <= 1500', aggregation: { kind: 'percentile', p: 99.9 }, operator: '<=', value: 1500, abortOnFail: false }
 */
export declare function parseThreshold(source: string | ThresholdObject, path?: string): ThresholdExpression;
/**
 * The key k6 uses for an aggregation in its summaries (`avg`, `med`, `p(95)`, `p(99.9)`, `rate` …).
 * Percentiles are printed as JavaScript prints the number, which matches k6's `%g` for every
 * percentile anyone writes (they differ only below 1e-4).
 *
 * @example aggregationKey({ kind: 'percentile', p: 99.9 }) // 'p(99.9)'
 */
export declare function aggregationKey(aggregation: Aggregation): string;
/**
 * The canonical text of an expression: `p(95)<500`, no spaces, `===` written as `==`. The object form's
 * `abortOnFail` is not part of the text.
 *
 * @example formatThreshold(parseThreshold('p(95) === 500')) // 'p(95)==500'
 */
export declare function formatThreshold(expression: Pick<ThresholdExpression, 'aggregation' | 'operator' | 'value'>): string;
/** The result of holding a run's statistic against a threshold. */
export type ThresholdEvaluation = {
    ok: boolean;
    actual: number;
} | {
    ok: 'unknown';
    reason: string;
};
/**
 * Holds one statistic of a run against a threshold. `lookup` answers with the statistic for a k6 key
 * (`p(95)`, `rate`, `passes` …) or `undefined` when the run does not have it; a missing or NaN
 * statistic gives `ok: 'unknown'`, never a pass.
 *
 * @example evaluateThreshold(parseThreshold('p(95)<500'), (k) => ({ 'p(95)': 155.5 })[k]) // { ok: true, actual: 155.5 }
 */
export declare function evaluateThreshold(expression: ThresholdExpression, lookup: (key: string) => number | undefined): ThresholdEvaluation;

/**
 * k6's threshold grammar (`p(95)<500`, `rate<0.01`, `count>1000`), as k6 itself parses it
 * (lib/metrics/thresholds_parser.go):
 *
 *     threshold   → aggregation " "* operator " "* number
 *     aggregation → "avg" | "min" | "max" | "med" | "p(" number ")" | "count" | "rate" | "value"
 *                 | "passes" | "fails"            ← perf-gate extension, k6 itself rejects these
 *     operator    → "<" | "<=" | ">" | ">=" | "==" | "===" | "!="
 *
 * plus k6's object form `{ threshold: 'p(95)<500', abortOnFail: true, delayAbortEval: '10s' }`.
 * Stricter than k6 in one place: a percentile must be 0 < N ≤ 100. Pure.
 */
import { percentileName, percentileOf } from '../document/percentile-name.js';
import { ConfigError } from './errors.js';
import { didYouMean } from './suggest.js';

/** What a threshold compares: a statistic of the metric's samples, named as in k6's summary. */
export type Aggregation =
  | { kind: 'avg' }
  | { kind: 'min' }
  | { kind: 'max' }
  | { kind: 'med' }
  | { kind: 'percentile'; p: number }
  | { kind: 'count' }
  | { kind: 'rate' }
  | { kind: 'value' }
  | { kind: 'passes' }
  | { kind: 'fails' };

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
export function aggregationsFor(type: ThresholdMetricType): readonly Aggregation['kind'][] {
  switch (type) {
    case 'trend':
      return ['avg', 'min', 'max', 'med', 'percentile'];
    case 'counter':
      return ['count', 'rate'];
    case 'rate':
      return ['rate', 'passes', 'fails'];
    case 'gauge':
      return ['value'];
  }
}

/** An aggregation kind as a user writes it: `p(N)` for percentiles. */
export function aggregationKindText(kind: Aggregation['kind']): string {
  return kind === 'percentile' ? 'p(N)' : kind;
}

/** The aggregation names without a parameter, in k6's order, then perf-gate's extensions. */
export const AGGREGATION_NAMES = ['value', 'count', 'rate', 'avg', 'min', 'med', 'max', 'passes', 'fails'] as const;
type SimpleAggregation = (typeof AGGREGATION_NAMES)[number];

const EXAMPLES = `expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`;
/** A decimal number as Go's strconv.ParseFloat reads it (without hex, Inf and NaN). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Lazy left side: the first operator in the text wins, longest spelling first. */
const SCAN = /^(.*?)(===|==|!=|<=|>=|<|>)(.*)$/s;
/** k6 durations such as `10s`, `1m30s`, `500ms`. */
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/;

/**
 * Like {@link parseThreshold}, but returns the reason (a sentence without the path) instead of throwing.
 */
export function tryParseThreshold(input: string | ThresholdObject): ThresholdExpression | { readonly error: string } {
  const { source, abortOnFail } = typeof input === 'string' ? { source: input, abortOnFail: false } : { source: input.threshold, abortOnFail: input.abortOnFail ?? false };
  const fail = (why: string = EXAMPLES): { error: string } => ({ error: `'${source}' is not a k6 threshold — ${why}` });

  if (typeof input !== 'string' && input.delayAbortEval !== undefined && !DURATION.test(input.delayAbortEval)) {
    return { error: `delayAbortEval '${input.delayAbortEval}' is not a k6 duration — expected e.g. '10s', '1m30s'` };
  }
  const scanned = SCAN.exec(source);
  if (scanned === null) {
    return fail(/[^=!<>]=[^=]/.test(source) ? `use '==' to compare for equality; ${EXAMPLES}` : EXAMPLES);
  }
  const left = (scanned[1] ?? '').trim();
  const rawOperator = scanned[2] ?? '';
  const right = (scanned[3] ?? '').trim();

  const aggregation = parseAggregation(left);
  if ('error' in aggregation) return fail(aggregation.error);
  if (!NUMBER.test(right)) {
    if (right === '') return fail(EXAMPLES);
    const unit = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(ms|s|m|%)$/.exec(right);
    return fail(
      unit === null
        ? `'${right}' is not a number; ${EXAMPLES}`
        : `'${right}' is not a number; k6 compares plain numbers (durations in milliseconds, rates as fractions), e.g. 'p(95)<500', 'rate<0.01'`,
    );
  }
  const value = toNumber(right);
  if (!Number.isFinite(value)) return fail(`'${right}' is too large; ${EXAMPLES}`);
  return {
    source,
    aggregation,
    operator: rawOperator === '===' ? '==' : (rawOperator as ThresholdOperator),
    value,
    abortOnFail,
  };
}

/**
 * Parses a k6 threshold, in string or object form.
 *
 * @throws {ConfigError} when it is not k6 syntax; the message starts with `path` when given:
 *   `stages.smoke.thresholds["http_req_duration"][0]: 'p95<500' is not a k6 threshold — expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`.
 * @example parseThreshold('p(99.9) <= 1500')
 *   // { source: 'p(99.9) <= 1500', aggregation: { kind: 'percentile', p: 99.9 }, operator: '<=', value: 1500, abortOnFail: false }
 */
export function parseThreshold(source: string | ThresholdObject, path?: string): ThresholdExpression {
  const parsed = tryParseThreshold(source);
  if ('error' in parsed) {
    throw new ConfigError([path === undefined ? parsed.error : `${path}: ${parsed.error}`], { path: path ?? '' });
  }
  return parsed;
}

/**
 * The key k6 uses for an aggregation in its summaries (`avg`, `med`, `p(95)`, `p(99.9)`, `rate` …).
 * Percentiles are printed as JavaScript prints the number, which matches k6's `%g` for every
 * percentile anyone writes (they differ only below 1e-4).
 *
 * @example aggregationKey({ kind: 'percentile', p: 99.9 }) // 'p(99.9)'
 */
export function aggregationKey(aggregation: Aggregation): string {
  switch (aggregation.kind) {
    case 'percentile':
      return percentileName(aggregation.p);
    case 'avg':
    case 'min':
    case 'max':
    case 'med':
    case 'count':
    case 'rate':
    case 'value':
    case 'passes':
    case 'fails':
      return aggregation.kind;
  }
}

/**
 * The canonical text of an expression: `p(95)<500`, no spaces, `===` written as `==`. The object form's
 * `abortOnFail` is not part of the text.
 *
 * @example formatThreshold(parseThreshold('p(95) === 500')) // 'p(95)==500'
 */
export function formatThreshold(expression: Pick<ThresholdExpression, 'aggregation' | 'operator' | 'value'>): string {
  return `${aggregationKey(expression.aggregation)}${expression.operator}${String(expression.value)}`;
}

/** The result of holding a run's statistic against a threshold. */
export type ThresholdEvaluation = { ok: boolean; actual: number } | { ok: 'unknown'; reason: string };

/**
 * Holds one statistic of a run against a threshold. `lookup` answers with the statistic for a k6 key
 * (`p(95)`, `rate`, `passes` …) or `undefined` when the run does not have it; a missing or NaN
 * statistic gives `ok: 'unknown'`, never a pass.
 *
 * @example evaluateThreshold(parseThreshold('p(95)<500'), (k) => ({ 'p(95)': 155.5 })[k]) // { ok: true, actual: 155.5 }
 */
export function evaluateThreshold(expression: ThresholdExpression, lookup: (key: string) => number | undefined): ThresholdEvaluation {
  const key = aggregationKey(expression.aggregation);
  const actual = lookup(key);
  if (actual === undefined) {
    return {
      ok: 'unknown',
      reason: `the results have no '${key}' for this metric (k6 summaries only hold the statistics in --summary-trend-stats; raw samples have all)`,
    };
  }
  if (Number.isNaN(actual)) return { ok: 'unknown', reason: `'${key}' is not a number in the results` };
  return { ok: compare(actual, expression.operator, expression.value), actual };
}

function compare(actual: number, operator: ThresholdOperator, value: number): boolean {
  switch (operator) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

function parseAggregation(text: string): Aggregation | { error: string } {
  if (isSimpleAggregation(text)) return { kind: text };
  if (/^p\(.*\)$/s.test(text)) {
    const p = percentileOf(text);
    if (p === undefined) return { error: `'${text}' is not a percentile; expected e.g. 'p(95)<500', 'p(99.9)<1500'` };
    if (!(p > 0 && p <= 100)) return { error: `the percentile must be greater than 0 and at most 100, got ${text}` };
    return { kind: 'percentile', p };
  }
  const suggestion = text === '' ? undefined : didYouMean(text, AGGREGATION_NAMES);
  return { error: suggestion === undefined ? EXAMPLES : `unknown aggregation '${text}' — did you mean '${suggestion}'? ${EXAMPLES}` };
}

function isSimpleAggregation(text: string): text is SimpleAggregation {
  return (AGGREGATION_NAMES as readonly string[]).includes(text);
}

/** Parses a string already matched by NUMBER; `-0` becomes 0. */
function toNumber(text: string): number {
  const n = Number(text);
  return n === 0 ? 0 : n;
}

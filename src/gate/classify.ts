import { normalQuantile } from '../stats/normal.js';
import { studentTQuantile } from '../stats/student-t.js';
import { logSeOfInterval } from './interval-se.js';
import type { Assessment } from './assessment.js';
import type { Confidence, Finding, Outcome, Reason, Severity } from './verdict.js';

/**
 * Evidence short of confirmation but worth a reviewer's look: the multiplicity-adjusted one-sided p below
 * twice the level. Adjusted, because among forty questions a raw p of 0.04 is what chance alone gives.
 */
const SUGGESTIVE_FACTOR = 2;

/** What turns evidence into an outcome: the level of "confirmed" and how sure "beyond the limit" must be. */
export interface DecisionRule {
  /** Family-wise level of a confirmed change (after Holm or BH). */
  readonly alpha: number;
  /** Confidence that a confirmed change is beyond its limit, for a fail (config `limitConfidence`). */
  readonly limitConfidence: number;
}

/**
 * Turns an assessment and its multiplicity-adjusted p-value into an outcome. A change fails only when it
 * is confirmed (adjusted p < α and the 95 % interval excludes no change) AND beyond its limit with
 * `limitConfidence`: the one-sided lower bound of the change at that confidence (upper bound for a
 * decrease) lies beyond the limit. With 0.5 this is "the estimate is beyond the limit"; the default 0.7
 * asks the estimate to clear the limit by about half a standard error, so that a change just under the
 * limit does not fail one run in five (docs/verdict.md, "What a fail certifies"). A confirmed change whose
 * estimate is beyond the limit but not clearly is a warning (`near-limit`); beyond the limit with only
 * suggestive evidence (adjusted p < 2α) is a warning; beyond the limit with no evidence is noise (info).
 */
export function classify(a: Assessment, adjustedP: number | undefined, rule: DecisionRule): Finding {
  const alpha = rule.alpha;
  const decided = decide(a, adjustedP, alpha, clearlyBeyond(a, rule.limitConfidence));
  // Thin evidence may warn, never fail (Assessment.atMost).
  const capped = a.atMost === 'warn' && decided.outcome === 'fail';
  const outcome: Outcome = capped ? 'warn' : decided.outcome;
  const severity: Severity = capped ? 'warn' : decided.severity;
  const confidence = decided.confidence;
  return {
    outcome,
    severity,
    kind: a.kind,
    metric: a.metric,
    ...(a.scope ? { scope: a.scope } : {}),
    statistic: a.statistic,
    ...(a.baseline !== undefined ? { baseline: a.baseline } : {}),
    ...(a.current !== undefined ? { current: a.current } : {}),
    ...(a.change !== undefined && Number.isFinite(a.change) ? { change: a.change } : {}),
    unit: a.unit,
    limit: a.limit,
    ...(adjustedP !== undefined ? { pValue: adjustedP } : {}),
    ...(a.insufficient === undefined ? { beyondLimit: a.beyond } : {}),
    confidence,
    reason: reasonOf(a, outcome, capped, adjustedP, alpha),
    ...(a.details ? { details: a.details } : {}),
    ...(outcome === 'inconclusive' ? { shortfall: a.shortfall ?? 'other' } : {}),
  };
}

/** Why the finding has its outcome, as data (the renderers word it). */
function reasonOf(a: Assessment, outcome: Outcome, capped: boolean, adjustedP: number | undefined, alpha: number): Reason {
  if (a.insufficient !== undefined) return { code: 'not-judged', shortfall: a.shortfall ?? 'other', detail: a.insufficient, ...(a.insufficientSide ? { side: a.insufficientSide } : {}) };
  if (a.lost) {
    switch (a.lost.what) {
      case 'selector':
        return { code: 'threshold-lost', baselineCount: a.lost.baselineCount };
      case 'metric':
        return { code: 'lost-metric', baselineCount: a.lost.baselineCount };
      case 'tag':
        return { code: 'lost-tag', tag: a.lost.tag, baselineValues: a.lost.baselineValues };
      case 'scope':
        return { code: 'lost-scope', baselineCount: a.lost.baselineCount };
    }
  }
  const few = a.details?.smallSample;
  if (few && capped) return { code: 'confirmed-few', ...few };
  if (capped && a.details?.compared === 'end-of-run') return { code: 'confirmed-end' };
  const short = a.details?.shortRun;
  if (short && capped) return { code: 'confirmed-short', ...short };
  if (a.kind === 'threshold') return { code: a.beyond ? 'threshold-crossed' : 'threshold-holds' };
  if (a.kind === 'leak') return { code: a.beyond ? 'leak' : 'no-leak' };
  if (a.kind === 'failure-signature') return a.beyond ? { code: 'new-signature' } : { code: 'within-limit' };
  switch (outcome) {
    case 'fail':
      return { code: 'confirmed' };
    case 'warn':
      return confirmedChange(a, adjustedP, alpha) ? { code: 'near-limit' } : { code: 'unconfirmed' };
    case 'inconclusive':
      return { code: 'not-judged', shortfall: a.shortfall ?? 'other', detail: 'the data cannot decide' };
    case 'pass':
      if (a.beyond && a.intervalExcludesNoChange) return { code: 'multiplicity' };
      if (a.beyond) return { code: 'noise' };
      return { code: 'within-limit' };
  }
}

/** Adjusted p below α and the 95 % interval clear of "no change": the change is real. */
function confirmedChange(a: Assessment, adjustedP: number | undefined, alpha: number): boolean {
  return adjustedP !== undefined && a.pValue !== undefined && adjustedP < alpha && a.intervalExcludesNoChange === true;
}

/**
 * Whether the change is beyond its limit at `confidence`, on the log scale of the ratio its test works on:
 * ln(1 + change) − z·se > ln(1 + limit) for an increase, where se is read off the 95 % interval. Without an
 * interval, or for limits that are not a ratio (error rates), the estimate alone decides, as before.
 */
function clearlyBeyond(a: Assessment, confidence: number): boolean {
  if (!a.beyond) return false;
  if (!a.interval || a.change === undefined || confidence <= 0.5) return a.beyond;
  if (a.limit.kind !== 'max-increase' && a.limit.kind !== 'max-decrease') return a.beyond;
  // A t interval (few A/B pairs) is wider for the same se: read the se and the bound with its own quantiles.
  const se = logSeOfInterval(a.interval, a.df);
  if (!Number.isFinite(se) || se <= 0) return a.beyond;
  const z = a.df !== undefined ? studentTQuantile(confidence, a.df) : normalQuantile(confidence);
  const estimate = Math.log1p(a.change);
  return a.limit.kind === 'max-increase'
    ? estimate - z * se > Math.log1p(a.limit.max)
    : estimate + z * se < Math.log1p(-a.limit.max);
}

function decide(a: Assessment, adjustedP: number | undefined, alpha: number, clearly: boolean): { outcome: Outcome; severity: Severity; confidence: Confidence } {
  const interval = a.interval ? { interval: { ...a.interval, confidence: 0.95 } } : {};
  if (a.insufficient !== undefined) return { outcome: 'inconclusive', severity: 'info', confidence: { level: 'not-applicable' } };
  if (a.deterministic) return { outcome: a.beyond ? 'fail' : 'pass', severity: a.beyond ? 'fail' : 'info', confidence: { level: 'not-applicable', ...interval } };
  if (adjustedP === undefined || a.pValue === undefined) {
    return { outcome: a.beyond ? 'warn' : 'pass', severity: a.beyond ? 'warn' : 'info', confidence: { level: 'not-applicable' } };
  }
  const confirmed = confirmedChange(a, adjustedP, alpha);
  const suggestive = !confirmed && adjustedP < SUGGESTIVE_FACTOR * alpha;
  const level = confirmed ? 'confirmed' : suggestive ? 'suggestive' : 'none';
  if (confirmed && clearly) return { outcome: 'fail', severity: 'fail', confidence: { level, ...interval } };
  // Confirmed and beyond, but not clearly beyond: a reviewer should look; the build does not fail on it.
  if (a.beyond && (confirmed || suggestive)) return { outcome: 'warn', severity: 'warn', confidence: { level, ...interval } };
  return { outcome: 'pass', severity: 'info', confidence: { level, ...interval } };
}

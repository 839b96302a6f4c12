import type { Assessment } from './assessment.js';
import type { Confidence, Finding, Outcome, Reason, Severity } from './verdict.js';

/**
 * Evidence short of confirmation but worth a reviewer's look: the multiplicity-adjusted one-sided p below
 * twice the level. Adjusted, because among forty questions a raw p of 0.04 is what chance alone gives.
 */
const SUGGESTIVE_FACTOR = 2;

/**
 * Turns an assessment and its multiplicity-adjusted p-value into an outcome. A change fails only when it is
 * beyond its limit AND confirmed (adjusted p < α and the 95 % interval excludes no change); beyond the
 * limit with only suggestive evidence (adjusted p < 2α) is a warning; beyond the limit with no evidence
 * is noise (info).
 */
export function classify(a: Assessment, adjustedP: number | undefined, alpha: number): Finding {
  const decided = decide(a, adjustedP, alpha);
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
    reason: reasonOf(a, outcome, capped),
    ...(a.details ? { details: a.details } : {}),
    ...(outcome === 'inconclusive' ? { shortfall: a.shortfall ?? 'other' } : {}),
  };
}

/** Why the finding has its outcome, as data (the renderers word it). */
function reasonOf(a: Assessment, outcome: Outcome, capped: boolean): Reason {
  if (a.insufficient !== undefined) return { code: 'not-judged', shortfall: a.shortfall ?? 'other', detail: a.insufficient };
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
  if (a.kind === 'threshold') return { code: a.beyond ? 'threshold-crossed' : 'threshold-holds' };
  if (a.kind === 'leak') return { code: a.beyond ? 'leak' : 'no-leak' };
  if (a.kind === 'failure-signature') return a.beyond ? { code: 'new-signature' } : { code: 'within-limit' };
  switch (outcome) {
    case 'fail':
      return { code: 'confirmed' };
    case 'warn':
      return { code: 'unconfirmed' };
    case 'inconclusive':
      return { code: 'not-judged', shortfall: a.shortfall ?? 'other', detail: 'the data cannot decide' };
    case 'pass':
      if (a.beyond && a.intervalExcludesNoChange) return { code: 'multiplicity' };
      if (a.beyond) return { code: 'noise' };
      return { code: 'within-limit' };
  }
}

function decide(a: Assessment, adjustedP: number | undefined, alpha: number): { outcome: Outcome; severity: Severity; confidence: Confidence } {
  const interval = a.interval ? { interval: { ...a.interval, confidence: 0.95 } } : {};
  if (a.insufficient !== undefined) return { outcome: 'inconclusive', severity: 'info', confidence: { level: 'not-applicable' } };
  if (a.deterministic) return { outcome: a.beyond ? 'fail' : 'pass', severity: a.beyond ? 'fail' : 'info', confidence: { level: 'not-applicable', ...interval } };
  if (adjustedP === undefined || a.pValue === undefined) {
    return { outcome: a.beyond ? 'warn' : 'pass', severity: a.beyond ? 'warn' : 'info', confidence: { level: 'not-applicable' } };
  }
  const confirmed = adjustedP < alpha && a.intervalExcludesNoChange === true;
  const suggestive = !confirmed && adjustedP < SUGGESTIVE_FACTOR * alpha;
  const level = confirmed ? 'confirmed' : suggestive ? 'suggestive' : 'none';
  if (a.beyond && confirmed) return { outcome: 'fail', severity: 'fail', confidence: { level, ...interval } };
  if (a.beyond && suggestive) return { outcome: 'warn', severity: 'warn', confidence: { level, ...interval } };
  return { outcome: 'pass', severity: 'info', confidence: { level, ...interval } };
}

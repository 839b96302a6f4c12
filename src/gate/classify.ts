import type { Assessment } from './assessment.js';
import type { Confidence, Finding, Outcome, Severity } from './verdict.js';

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
  const { outcome, severity, confidence } = decide(a, adjustedP, alpha);
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
    threshold: a.threshold,
    ...(adjustedP !== undefined ? { pValue: adjustedP } : {}),
    ...(a.insufficient === undefined ? { beyondLimit: a.beyond } : {}),
    confidence,
    message: describe(a, outcome, confidence),
    ...(outcome === 'inconclusive' ? { shortfall: a.shortfall ?? 'other' } : {}),
  };
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

function describe(a: Assessment, outcome: Outcome, c: Confidence): string {
  const where = a.scope ? `${a.scope.value}` : a.kind === 'memory' || a.kind === 'leak' ? 'service memory' : 'all requests';
  const what = subject(a);
  const numbers = a.statistic === 'growth' ? '' : a.baseline !== undefined && a.current !== undefined ? ` (${fmt(a, a.baseline)} → ${fmt(a, a.current)})` : a.current !== undefined ? ` (${fmt(a, a.current)})` : '';
  const delta = a.change !== undefined && Number.isFinite(a.change) ? ` ${signed(a.change)}` : '';
  const ci = c.interval ? `, 95 % CI ${signed(c.interval.lower)} … ${signed(c.interval.upper)}` : '';
  const note = a.note ? ` — ${a.note}` : '';
  if (a.insufficient !== undefined) return `${where}: ${what} cannot be judged: ${a.insufficient}.`;
  if (a.kind === 'leak') {
    return a.beyond
      ? `${where}: leaking — the GC floor keeps growing in the steady state${note}.`
      : `${where}: no leak — the GC floor does not keep growing credibly in the steady state${note}.`;
  }
  if (a.kind === 'threshold') {
    if (a.beyond && a.current === undefined) return `${a.metric}: ${a.threshold} fails: ${a.note ?? 'the current run has no value for it'}.`;
    return a.beyond ? `${a.metric}: ${a.threshold} is crossed${numbers}.` : `${a.metric}: ${a.threshold} holds${numbers}.`;
  }
  if (a.kind === 'data') return `${where}: ${a.note ?? 'the current run lacks what the baseline measured'}.`;
  switch (outcome) {
    case 'fail':
      return `${where}: ${what}${delta}${numbers} is beyond the ${a.threshold} limit and confirmed${ci}${note}.`;
    case 'warn':
      return c.level === 'not-applicable'
        ? `${where}: ${what}${delta}${numbers} is beyond the ${a.threshold} limit but cannot be confirmed${note}.`
        : `${where}: ${what}${delta}${numbers} is beyond the ${a.threshold} limit, but the data cannot confirm it${ci}${note}.`;
    case 'pass':
      if (a.beyond && a.intervalExcludesNoChange) {
        return `${where}: ${what}${delta}${numbers} looks beyond the ${a.threshold} limit on its own${ci}, but not once the many comparisons made are accounted for${note}.`;
      }
      if (a.beyond) return `${where}: ${what}${delta}${numbers} looks beyond the ${a.threshold} limit but is within run-to-run noise${ci}${note}.`;
      return `${where}: ${what}${delta}${numbers} is within the ${a.threshold} limit${ci}${note}.`;
    case 'inconclusive':
      return `${where}: ${what} is inconclusive${note}.`;
  }
}

function subject(a: Assessment): string {
  switch (a.kind) {
    case 'latency':
      return a.statistic === 'med' ? 'typical response time' : `${a.statistic} response time`;
    case 'throughput':
      return 'throughput';
    case 'error-rate':
      return 'error rate';
    case 'memory':
      return a.statistic === 'growth' ? 'memory growth' : 'memory';
    case 'leak':
      return 'memory leak check';
    case 'degradation':
      return 'latency degradation over the run';
    case 'threshold':
      return `threshold ${a.threshold}`;
    case 'data':
      return 'data';
  }
}

function fmt(a: Assessment, v: number): string {
  switch (a.kind) {
    case 'latency':
    case 'degradation':
      return `${round3(v)} ms`;
    case 'throughput':
      return `${round3(v)} req/s`;
    case 'error-rate':
      return `${round3(v * 100)} %`;
    case 'memory':
      return a.statistic === 'growth' ? `${round3(v * 100)} %` : `${round3(v / 1048576)} MB`;
    case 'leak':
      return `${round3(v)} MB/h`;
    case 'threshold':
    case 'data':
      return `${round3(v)}`;
  }
}

function signed(x: number): string {
  const pct = Math.round(x * 1000) / 10;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct)} %`;
}

function round3(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 4));
}

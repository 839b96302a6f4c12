import { tryParseThreshold, type ThresholdExpression } from '../config/threshold.js';

/**
 * The thresholds declared in the k6 script, read from k6's `--summary-export` (which lists every one,
 * submetrics included, with k6's own verdict). perf-gate checks them on the measured data like its own
 * SLOs, so a k6 exit 99 ("thresholds crossed") becomes findings in the report, not a crash.
 */
export function scriptThresholds(summaryExport: unknown): { metric: string; expressions: ThresholdExpression[] }[] {
  const metrics = (summaryExport as { metrics?: Record<string, { thresholds?: Record<string, unknown> }> } | undefined)?.metrics;
  if (!metrics || typeof metrics !== 'object') return [];
  const out: { metric: string; expressions: ThresholdExpression[] }[] = [];
  for (const [metric, m] of Object.entries(metrics)) {
    const expressions: ThresholdExpression[] = [];
    for (const source of Object.keys(m.thresholds ?? {})) {
      const parsed = tryParseThreshold(source);
      if (!('error' in parsed)) expressions.push(parsed);
    }
    if (expressions.length > 0) out.push({ metric, expressions });
  }
  return out;
}

import type { RunDocument } from './run-document.js';
import { RunView } from './run-view.js';

/** The keys k6 prints for each metric type, in k6's order (trends add p(99), which k6 omits by default). */
const KEYS = {
  trend: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
  counter: ['count', 'rate'],
  rate: ['rate', 'passes', 'fails'],
  gauge: ['value', 'min', 'max'],
} as const;

export interface K6Summary {
  readonly metrics: Record<string, { readonly type: string; readonly values: Record<string, number> }>;
}

/**
 * k6's own aggregates for every metric and submetric of a run, computed the way k6 computes them
 * (percentiles by linear interpolation at p·(n−1)), so they can be checked against k6's end-of-test summary.
 */
export function k6Summary(doc: RunDocument): K6Summary {
  const view = new RunView(doc);
  const metrics: Record<string, { type: string; values: Record<string, number> }> = {};
  for (const [name, scope] of Object.entries(doc.scopes)) {
    const values: Record<string, number> = {};
    for (const key of KEYS[scope.type]) {
      const v = view.value(name, key);
      if (v !== undefined && Number.isFinite(v)) values[key] = v;
    }
    metrics[name] = { type: scope.type, values };
  }
  return { metrics };
}

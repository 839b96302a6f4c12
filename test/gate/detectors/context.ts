import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import type { RunDocument } from '../../../src/document/run-document.js';
import { RunView } from '../../../src/document/run-view.js';
import type { Assessment } from '../../../src/gate/assessment.js';
import { judgedScopes } from '../../../src/gate/compare.js';
import type { Detector, RunContext } from '../../../src/gate/detector.js';
import { isInsufficient } from '../../../src/stats/insufficient.js';
import { memoryTrend } from '../../../src/gate/memory-trend.js';
import { defaultNoise } from '../../../src/gate/learned-noise.js';

/** The context compareRuns would give a detector, for two documents and a config. */
export function contextOf(current: RunDocument, baseline: RunDocument | undefined, config: unknown = {}, stage = 'smoke'): RunContext {
  const policy = resolvePolicy(parseConfig(config), stage);
  const cur = new RunView(current);
  const base = baseline ? new RunView(baseline) : undefined;
  const warmup = policy.endurance?.warmupSeconds ?? 0;
  const m = (d: RunDocument | undefined) => (d?.memory ? memoryTrend(d.memory.samples, warmup) : undefined);
  const mc = m(current);
  const mb = m(baseline);
  return {
    policy,
    roles: { ...cur.roles, latency: policy.latencyMetric ?? cur.roles.latency },
    current: cur,
    baseline: base,
    scopes: judgedScopes(base, cur, policy),
    memory: { ...(mc && !isInsufficient(mc) ? { current: mc } : {}), ...(mb && !isInsufficient(mb) ? { baseline: mb } : {}) },
    noise: defaultNoise(policy),
  };
}

/** Runs one detector the way compareRuns does (every scope for a per-scope detector). */
export function run(detector: Detector, ctx: RunContext): Assessment[] {
  const comparison = ctx.baseline ? { ...ctx, baseline: ctx.baseline } : undefined;
  switch (detector.each) {
    case 'run':
      if (detector.needs === 'current') return [...detector.detect(ctx)];
      return comparison ? [...detector.detect(comparison)] : [];
    case 'scope':
      return ctx.scopes.flatMap((s) => (detector.needs === 'current' ? [...detector.detect(ctx, s)] : comparison ? [...detector.detect(comparison, s)] : []));
  }
}

/** The fields of an assessment a table row checks. */
export function summary(a: Assessment) {
  return {
    kind: a.kind,
    scope: a.scope?.value ?? 'all',
    statistic: a.statistic,
    beyond: a.beyond,
    ...(a.insufficient !== undefined ? { shortfall: a.shortfall ?? 'other' } : {}),
    ...(a.pValue !== undefined ? { significant: a.pValue < 0.05 && a.intervalExcludesNoChange === true } : {}),
  };
}

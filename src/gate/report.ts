import { sortFindings, worstOutcome } from './outcome.js';
import type { Report, StageReport } from './verdict.js';

/** The report of one or more stages: the overall verdict and all findings, failures first. Data only: src/report words it. */
export function buildReport(stages: readonly StageReport[], generatedAt: Date): Report {
  const verdict = worstOutcome(stages.map((s) => s.outcome));
  const findings = sortFindings(stages.flatMap((s) => s.findings));
  return { schema: 'perf-gate/report@1', verdict, stages: [...stages], findings, generatedAt: generatedAt.toISOString() };
}

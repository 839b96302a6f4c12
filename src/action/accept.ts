import type { Finding, Report, StageReport } from '../gate/verdict.js';
import { buildReport } from '../gate/report.js';

/**
 * An intended regression, accepted by a PR label: its failures become warnings marked "accepted", so the
 * gate passes and the comment says what was accepted. The baseline then moves on merge.
 */
export function acceptRegressions(report: Report, label: string): Report {
  const accept = (f: Finding): Finding => (f.outcome === 'fail' ? { ...f, outcome: 'warn', severity: 'warn', accepted: true } : f);
  const stages: StageReport[] = report.stages.map((s) => {
    const findings = s.findings.map(accept);
    const outcome = s.outcome === 'fail' ? (findings.some((f) => f.outcome === 'fail') ? 'fail' : 'warn') : s.outcome;
    return {
      ...s,
      outcome,
      findings,
      scopes: s.scopes.map((row) => (row.outcome === 'fail' ? { ...row, outcome: 'warn' } : row)),
      notes: report.verdict === 'fail' ? [...s.notes, `Regressions accepted by the '${label}' label: failures are shown as warnings and the baseline moves on merge.`] : s.notes,
    };
  });
  return { ...buildReport(stages, new Date(report.generatedAt)), acceptedBy: label };
}

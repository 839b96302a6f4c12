import type { Finding, Outcome, Severity } from './verdict.js';

/** Most severe first: fail 0, warn 1, inconclusive 2, pass 3. Rows and findings sort by it. */
export function outcomeRank(outcome: Outcome): number {
  switch (outcome) {
    case 'fail':
      return 0;
    case 'warn':
      return 1;
    case 'inconclusive':
      return 2;
    case 'pass':
      return 3;
  }
}

/** Most severe first: fail 0, warn 1, info 2. */
export function severityRank(severity: Severity): number {
  switch (severity) {
    case 'fail':
      return 0;
    case 'warn':
      return 1;
    case 'info':
      return 2;
  }
}

/** Findings by outcome, most severe first; stable otherwise (the detectors' order within an outcome is kept). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => outcomeRank(a.outcome) - outcomeRank(b.outcome));
}

/** The most severe of some outcomes; `pass` for none. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  let worst: Outcome = 'pass';
  for (const o of outcomes) if (outcomeRank(o) < outcomeRank(worst)) worst = o;
  return worst;
}

import { sortFindings, worstOutcome } from './compare.js';
import type { Finding, Report, StageReport } from './verdict.js';

/** The report of one or more stages: overall verdict, a one-line headline, all findings failures first. */
export function buildReport(stages: readonly StageReport[], generatedAt: Date): Report {
  const verdict = worstOutcome(stages.map((s) => s.outcome));
  const findings = sortFindings(stages.flatMap((s) => s.findings));
  return { schema: 'perf-gate/report@1', verdict, headline: headline(verdict, stages), stages: [...stages], findings, generatedAt: generatedAt.toISOString() };
}

/** Where a finding is, in the reviewer's words: the endpoint, the whole run, the memory, or the SLO's metric. */
function place(f: Finding): string {
  if (f.scope) return f.scope.value;
  switch (f.kind) {
    case 'memory':
    case 'leak':
      return 'memory';
    case 'threshold':
      return f.metric;
    case 'latency':
    case 'throughput':
    case 'error-rate':
    case 'degradation':
    case 'data':
      return 'all requests';
  }
}

function headline(verdict: Report['verdict'], stages: readonly StageReport[]): string {
  const names = stages.map((s) => s.stage).join(', ');
  const failing = stages.flatMap((s) => s.findings.filter((f) => f.outcome === 'fail'));
  const warning = stages.flatMap((s) => s.findings.filter((f) => f.outcome === 'warn'));
  switch (verdict) {
    case 'fail': {
      const where = [...new Set(failing.map(place))].slice(0, 4).join(', ');
      return `${failing.length} ${failing.length === 1 ? 'breach' : 'breaches'} in ${names}: ${where}${failing.length > 4 ? ', …' : ''}`;
    }
    case 'warn':
      return `${warning.length} ${warning.length === 1 ? 'change' : 'changes'} beyond a limit in ${names} that the data cannot confirm`;
    case 'inconclusive':
      return `${names}: the data cannot decide (${stages.flatMap((s) => s.notes)[0] ?? 'too little data'})`;
    case 'pass':
      return `${names}: no regression beyond the limits, thresholds hold`;
  }
}

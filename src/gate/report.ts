import { sortFindings, worstOutcome } from './compare.js';
import { shortfallText, type Finding, type Report, type Shortfall, type StageReport } from './verdict.js';

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
  const unjudged = unjudgedText(stages);
  const tail = unjudged === '' ? '' : `; ${unjudged}`;
  switch (verdict) {
    case 'fail': {
      const places = [...new Set(failing.map(place))];
      return `${failing.length} ${failing.length === 1 ? 'breach' : 'breaches'} in ${names}: ${places.slice(0, 4).join(', ')}${places.length > 4 ? ', …' : ''}${tail}`;
    }
    case 'warn':
      return `${warning.length} ${warning.length === 1 ? 'change' : 'changes'} beyond a limit in ${names} that the data cannot confirm${tail}`;
    case 'inconclusive': {
      const note = stages.flatMap((s) => s.notes)[0];
      return `${names}: the data cannot decide${note !== undefined ? ` (${note})` : unjudged === '' ? ' (too little data)' : ''}${tail}`;
    }
    case 'pass':
      return `${names}: no regression beyond the limits, thresholds hold${tail}`;
  }
}

/**
 * What went unjudged, so a pass never hides it: `3 of 11 endpoints could not be judged (too few requests)`,
 * then other questions (`1 threshold`, `throughput`) with their reasons. Empty when everything was judged.
 */
function unjudgedText(stages: readonly StageReport[]): string {
  const endpoints = stages.flatMap((s) => s.scopes.filter((row) => row.scope !== undefined));
  const none = { count: 0, why: new Set<Shortfall>() };
  const part = { count: 0, why: new Set<Shortfall>() };
  for (const stage of stages) {
    for (const row of stage.scopes) {
      if (row.scope === undefined || row.outcome !== 'inconclusive') continue;
      const tag = row.scope.tag;
      const value = row.scope.value;
      const own = stage.findings.filter((f) => f.kind !== 'threshold' && f.scope?.tag === tag && f.scope.value === value);
      const open = own.filter((f) => f.outcome === 'inconclusive');
      // Passing findings are not listed in stage.findings; an inconclusive row with fewer open questions than it asked was judged in part.
      const judgedSome = row.confidence.level !== 'not-applicable' || open.length < own.length;
      const target = judgedSome ? part : none;
      target.count++;
      for (const f of open) target.why.add(f.shortfall ?? 'other');
      if (open.length === 0) target.why.add(row.decidedBy?.shortfall ?? 'other');
    }
  }
  const parts: string[] = [];
  const of = `of ${endpoints.length} ${endpoints.length === 1 ? 'endpoint' : 'endpoints'}`;
  if (none.count > 0) parts.push(`${none.count} ${of} could not be judged (${reasons(none.why)})`);
  if (part.count > 0) parts.push(`${part.count} ${none.count > 0 ? 'more' : of} could be judged only in part (${reasons(part.why)})`);
  const others = new Map<string, { count: number; why: Set<Shortfall> }>();
  for (const f of stages.flatMap((s) => s.findings)) {
    if (f.outcome !== 'inconclusive' || (f.scope !== undefined && f.kind !== 'threshold')) continue;
    const what = f.kind === 'threshold' ? 'threshold' : subjectOf(f);
    const entry = others.get(what) ?? { count: 0, why: new Set<Shortfall>() };
    entry.count++;
    entry.why.add(f.shortfall ?? 'other');
    others.set(what, entry);
  }
  for (const [what, { count, why }] of others) {
    parts.push(what === 'threshold' ? `${count} ${count === 1 ? 'threshold' : 'thresholds'} could not be checked (${reasons(why)})` : `${what} could not be judged (${reasons(why)})`);
  }
  return parts.join('; ');
}

function reasons(set: ReadonlySet<Shortfall>): string {
  return [...set].sort().map(shortfallText).join(', ');
}

/** The whole-run subject of a finding, in the headline's words. */
function subjectOf(f: Finding): string {
  switch (f.kind) {
    case 'latency':
      return `${f.statistic === 'med' ? 'typical' : f.statistic} latency of all requests`;
    case 'throughput':
      return 'throughput';
    case 'error-rate':
      return 'the error rate';
    case 'memory':
    case 'leak':
      return 'memory';
    case 'degradation':
      return 'degradation over the run';
    case 'threshold':
      return 'threshold';
    case 'data':
      return 'coverage';
  }
}

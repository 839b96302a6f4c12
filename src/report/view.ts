/**
 * What the text and Markdown renderers show, as plain display strings: the order of rows and findings, the
 * label of a scope, the cells of a row, the parts of a finding line. User text is left raw here; each renderer
 * escapes it for its medium (escapeMarkdown, sanitizeTerminal).
 */

import type { Finding, MemorySummary, Outcome, Report, ScopeComparison, Severity, StageReport } from '../gate/verdict.js';
import { outcomeRank, severityRank, sortFindings } from '../gate/outcome.js';
import { detectableText, findingMessage, formatInUnit, headlineOf, limitText, shortfallText } from './words.js';
import {
  MISSING,
  formatChange,
  formatConfidence,
  formatDuration,
  formatMegabytes,
  formatNumber,
  formatPair,
  formatPercent,
  formatPValue,
  formatSlope,
  formatTimestamp,
  signedPercentNumber,
} from './format.js';

export { outcomeRank, severityRank, sortFindings };

/** The metric name without its `{tag:value}` selector: `http_req_duration{name:GET /a}` → `http_req_duration`. */
export function baseMetric(metric: string): string {
  const brace = metric.indexOf('{');
  return brace === -1 ? metric : metric.slice(0, brace);
}

/** The whole-run row's label, for the request-duration metric. */
export const ALL_REQUESTS = 'all requests';

/**
 * What a reader calls a scope: the endpoint (`GET /api/alerts`) for k6's `name` tag, `tenant=acme` for other
 * tags, `all requests` for the whole run; prefixed by the metric when it is not the one the stage judges
 * as request latency (`ws_message_latency · GET /ws`). Raw text: escape it for the medium.
 *
 * @param latencyMetric the stage's request-latency metric (its whole-run row's); default k6's
 */
export function scopeLabel(scope: Pick<ScopeComparison, 'metric' | 'scope'>, latencyMetric = 'http_req_duration'): string {
  const base = baseMetric(scope.metric);
  const prefix = base === baseMetric(latencyMetric) || base === '' ? '' : base;
  if (scope.scope === undefined) return prefix === '' ? ALL_REQUESTS : prefix;
  const value = scope.scope.tag === 'name' ? scope.scope.value : `${scope.scope.tag}=${scope.scope.value}`;
  return prefix === '' ? value : `${prefix} · ${value}`;
}

/** One table row, every cell a display string (the label raw, the rest generated and safe). */
export interface ScopeRow {
  readonly outcome: Outcome;
  /** Whether this is the whole run (no scope): it goes first within its outcome group. */
  readonly wholeRun: boolean;
  readonly label: string;
  readonly p50: string;
  readonly p95: string;
  readonly p99: string;
  readonly change: string;
  readonly throughput: string;
  readonly errorRate: string;
  readonly sure: string;
}

/** Column headings, in table order after the verdict mark; units are in the headings so the cells stay short. */
export const SCOPE_COLUMNS = {
  label: 'Endpoint',
  p50: 'p50 ms',
  p95: 'p95 ms',
  p99: 'p99 ms',
  change: 'Change',
  throughput: 'req/s',
  errorRate: 'Error rate',
  sure: 'How sure',
} as const;

function scopeRow(s: ScopeComparison, latencyMetric: string): ScopeRow {
  const b = s.baseline;
  const c = s.current;
  return {
    outcome: s.outcome,
    wholeRun: s.scope === undefined,
    label: scopeLabel(s, latencyMetric),
    p50: formatPair(b?.p50, c?.p50, (x) => formatNumber(x)),
    p95: formatPair(b?.p95, c?.p95, (x) => formatNumber(x)),
    p99: formatPair(b?.p99, c?.p99, (x) => formatNumber(x)),
    change: changeCell(s),
    throughput: formatPair(b?.throughput, c?.throughput, (x) => formatNumber(x)),
    errorRate: formatPair(b?.errorRate, c?.errorRate, formatPercent),
    sure: sureCell(s),
  };
}

/** How sure the row is, then what its test could have caught (`none (…); can detect ≥ +16 %`). */
function sureCell(s: ScopeComparison): string {
  const sure = s.decidedBy === undefined ? formatConfidence(s.confidence) : s.decidedBy.shortfall !== undefined ? `not judged: ${shortfallText(s.decidedBy.shortfall)}` : formatConfidence(s.decidedBy.confidence);
  return s.detectable === undefined ? sure : `${sure}; ${detectableText(s.detectable)}`;
}

/**
 * The change that decided the row: the typical latency's, or, when a percentile or the error rate decided
 * it, that one, named (`+35.1 % p95`, `+4.8 pts errors`).
 */
function changeCell(s: ScopeComparison): string {
  const d = s.decidedBy;
  if (d === undefined) return s.latencyChange === undefined ? MISSING : formatChange(s.latencyChange);
  if (d.kind === 'failure-signature') return 'new failure signature';
  const what = d.kind === 'error-rate' ? 'errors' : `${statisticLabel(d.statistic)}${d.compared === 'end-of-run' ? ' at the end' : ''}`;
  if (d.kind === 'error-rate' && d.difference !== undefined) return `${signedPercentNumber(d.difference)} pts ${what}`;
  return d.change === undefined ? `${MISSING} ${what}` : `${formatChange(d.change)} ${what}`;
}

/** `p(95)` → `p95`, `med` → `median`, `avg` → `mean`. */
function statisticLabel(statistic: string): string {
  if (statistic === 'med') return 'median';
  if (statistic === 'avg') return 'mean';
  const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(statistic);
  return p ? `p${p[1]}` : statistic;
}



function latencyChangeKey(s: ScopeComparison): number {
  return s.latencyChange === undefined || Number.isNaN(s.latencyChange) ? -Infinity : s.latencyChange;
}

/**
 * A stage's scopes as table rows, in reading order: failures, then warnings, inconclusive, passes; within a
 * group the whole run first, then the largest latency change first, then by label (so the order never depends
 * on the order the gate produced).
 */
export function scopeRows(scopes: readonly ScopeComparison[]): ScopeRow[] {
  const latencyMetric = latencyMetricOf(scopes);
  const sorted = [...scopes].sort((x, y) => {
    const byOutcome = outcomeRank(x.outcome) - outcomeRank(y.outcome);
    if (byOutcome !== 0) return byOutcome;
    const byWhole = Number(y.scope === undefined) - Number(x.scope === undefined);
    if (byWhole !== 0) return byWhole;
    const byChange = latencyChangeKey(y) - latencyChangeKey(x);
    if (byChange !== 0 && !Number.isNaN(byChange)) return byChange;
    const lx = scopeLabel(x, latencyMetric);
    const ly = scopeLabel(y, latencyMetric);
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  });
  return sorted.map((s) => scopeRow(s, latencyMetric));
}

/** The metric a stage judged as request latency: its whole-run row's (the gate always makes one), else k6's. */
export function latencyMetricOf(scopes: readonly Pick<ScopeComparison, 'metric' | 'scope'>[]): string {
  return scopes.find((s) => s.scope === undefined)?.metric ?? 'http_req_duration';
}

/** The parts of a finding line; `message`, `metric`, `statistic` and `threshold` are raw user-derived text. */
export interface FindingView {
  readonly severity: Severity;
  readonly message: string;
  readonly metric: string;
  readonly statistic: string;
  /** `80.1 ms → 115 ms`, or '' when the finding carries no numbers. */
  readonly values: string;
  /** Generated, safe: `+44.0 %`, `p < 0.001`, `confirmed (95 % CI +21 … +38 %)`, in that order, those that apply. */
  readonly evidence: readonly string[];
  /** Raw: `threshold +10 %` (a fraction) or `threshold p(95)<300` (an expression), or ''. */
  readonly threshold: string;
  readonly accepted: boolean;
}

export function findingView(f: Finding, acceptedBy?: string): FindingView {
  const fmt = (x: number): string => formatInUnit(f.unit, x);
  const values = f.baseline === undefined && f.current === undefined ? '' : formatPair(f.baseline, f.current, fmt);
  const evidence: string[] = [];
  if (f.change !== undefined) evidence.push(formatChange(f.change));
  if (f.pValue !== undefined) evidence.push(formatPValue(f.pValue));
  if (f.confidence.level !== 'not-applicable') evidence.push(formatConfidence(f.confidence));
  const threshold = `threshold ${limitText(f.limit)}`;
  return {
    severity: f.severity,
    message: findingMessage(f, acceptedBy),
    metric: f.metric,
    // The end-of-run question asks `med` of the last thirds: the technical line says so next to the whole run's `med`.
    statistic: f.details?.compared === 'end-of-run' ? `${f.statistic} (last third)` : f.statistic,
    values,
    evidence,
    threshold,
    accepted: f.accepted === true,
  };
}

type Run = StageReport['currentRun'];

/** `2024-05-02 09:13 UTC, 20 s, k6 0.49.0, 3f2a9c1` (raw: tool, version and sha come from the run). */
export function runDescription(run: Run): string {
  const parts = [formatTimestamp(run.start), formatDuration(run.durationSeconds)];
  parts.push(run.toolVersion === undefined ? run.tool : `${run.tool} ${run.toolVersion}`);
  if (run.gitSha !== undefined) parts.push(run.gitSha.slice(0, 7));
  return parts.join(', ');
}

/** One row of the memory table: which run, then start, end, peak, slope, growth. */
export interface MemoryRow {
  readonly run: 'baseline' | 'current';
  readonly start: string;
  readonly end: string;
  readonly peak: string;
  readonly slope: string;
  readonly growth: string;
}

export const MEMORY_COLUMNS = ['Memory', 'start', 'end', 'peak', 'slope', 'growth'] as const;

export function memoryRows(memory: MemorySummary): MemoryRow[] {
  const rows: MemoryRow[] = [];
  for (const run of ['baseline', 'current'] as const) {
    const m = memory[run];
    if (m === undefined) continue;
    rows.push({
      run,
      start: formatMegabytes(m.startBytes),
      end: formatMegabytes(m.endBytes),
      peak: formatMegabytes(m.peakBytes),
      slope: m.slopeMBPerHour === undefined ? MISSING : `${formatSlope(m.slopeMBPerHour)}${m.slopeInterval ? ` (95 % CI ${formatSlope(m.slopeInterval.lower)} … ${formatSlope(m.slopeInterval.upper)})` : ''}${m.rSquared !== undefined ? `, r² ${m.rSquared.toFixed(2)}` : ''}`,
      growth: m.growth === undefined ? MISSING : formatChange(m.growth),
    });
  }
  return rows;
}

/**
 * The verdict line's text (raw): the verdict word, then the headline.
 * @example verdictText(report) === 'fail — 2 breaches in smoke: GET /api/alerts, POST /api/alerts'
 */
export function verdictText(report: Pick<Report, 'verdict' | 'stages'>): string {
  const text = headlineOf(report).trim().replace(/^(✅|⚠️|⚠|❌|❔)\s*/u, '');
  if (text === '') return report.verdict;
  const named = text.toLowerCase().startsWith(report.verdict) && !/^[a-z]/i.test(text.slice(report.verdict.length));
  return named ? text : `${report.verdict} — ${text}`;
}

function findingKey(f: Finding): string {
  return JSON.stringify([f.outcome, f.severity, f.kind, f.metric, f.scope?.tag, f.scope?.value, f.statistic, f.baseline, f.current, f.change, f.reason]);
}

/**
 * Findings of `report.findings` that belong to no stage (report.findings normally repeats the stages' findings;
 * anything else is shown once, under "Run-wide findings"). Compared by content, so it also works after a JSON round trip.
 */
export function runWideFindings(report: Pick<Report, 'stages' | 'findings'>): Finding[] {
  const inStages = new Set(report.stages.flatMap((s) => s.findings.map(findingKey)));
  return report.findings.filter((f) => !inStages.has(findingKey(f)));
}

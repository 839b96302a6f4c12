/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, fonts or remote resources; a
 * Content-Security-Policy forbids loading anything) with the verdict, per stage the same table and findings as
 * the Markdown report, latency percentiles over time per endpoint and memory over time, baseline and current
 * overlaid. Everything that came from the user's test is HTML-escaped.
 */

import type { Finding, Outcome, Report, ScopeComparison, StageReport } from '../gate/verdict.js';
import { hasLatencyWindows, latencySeries, memorySeries } from '../document/series.js';
import { formatTimestamp } from './format.js';
import type { StageRuns } from './renderer.js';
import { renderLineChart, type ChartSeries } from './html-chart.js';
import { escapeHtml } from './html-escape.js';
import { stageNotes } from './words.js';
import { outcomeMark, severityMark } from './markdown.js';
import {
  MEMORY_COLUMNS,
  SCOPE_COLUMNS,
  findingView,
  memoryRows,
  outcomeRank,
  runDescription,
  runWideFindings,
  scopeLabel,
  scopeRows,
  latencyMetricOf,
  sortFindings,
  verdictText,
} from './view.js';

export { escapeHtml } from './html-escape.js';
export { latencySeries, memorySeries } from '../document/series.js';

/** One stage's run documents, for the charts (the renderer interface's StageRuns). */
export type HtmlRuns = StageRuns;

export interface HtmlOptions {
  /** The page title and heading (escaped); default `perf-gate report`. */
  readonly title?: string;
}

/** Most latency charts per stage (whole run first, then the worst endpoints). */
export const MAX_LATENCY_CHARTS = 30;

const COLOURS = { baseline: '#8a8f98', current: '#1f6feb' } as const;

/**
 * Renders a report and the runs it compared as one self-contained HTML page.
 *
 * Charts per stage: for the whole run and each endpoint (at most MAX_LATENCY_CHARTS, worst outcome and largest
 * latency change first), p50 and p95 per time window of baseline and current against seconds since each run's
 * start; and resident memory (MB) over time when a run has memory samples. Series longer than 400 points are
 * drawn from merged windows (latency) or averaged samples (memory).
 *
 * @example renderHtml(report, [{ stage: 'smoke', baseline, current }]).startsWith('<!doctype html>')
 */
export function renderHtml(report: Report, runs: readonly HtmlRuns[], options: HtmlOptions = {}): string {
  const title = options.title ?? 'perf-gate report';
  const body: string[] = [];
  body.push(`<header><h1>${escapeHtml(title)}</h1>`);
  body.push(`<p class="verdict ${outcomeClass(report.verdict)}">${markSpan(report.verdict)} ${escapeHtml(verdictText(report))}</p>`);
  body.push(`<p class="meta">Generated ${escapeHtml(formatTimestamp(report.generatedAt))}</p></header>`);
  for (const stage of report.stages) {
    body.push(renderStage(stage, runs.find((r) => r.stage === stage.stage)));
  }
  const extra = runWideFindings(report);
  if (extra.length > 0) body.push(`<section><h2>Run-wide findings</h2>${findingList(extra)}</section>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body.join('\n'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function outcomeClass(outcome: Outcome): string {
  return `o-${outcome}`;
}

function markSpan(outcome: Outcome): string {
  return `<span class="mark ${outcomeClass(outcome)}" title="${outcome}">${outcomeMark(outcome)}</span>`;
}

function renderStage(stage: StageReport, runs: HtmlRuns | undefined): string {
  const out: string[] = [];
  out.push(`<section class="stage"><h2>${markSpan(stage.outcome)} ${escapeHtml(stage.stage)} — ${stage.outcome}</h2>`);
  const runsLine = [
    stage.baselineRun === undefined ? 'no baseline' : `baseline ${escapeHtml(runDescription(stage.baselineRun))}${stage.baselineRun.partial ? ' (partial)' : ''}`,
    `current ${escapeHtml(runDescription(stage.currentRun))}${stage.currentRun.partial ? ' (partial)' : ''}`,
  ];
  out.push(`<p class="meta">${runsLine.join('; ')}</p>`);
  if (stage.scopes.length > 0) out.push(scopeTable(stage.scopes));
  const findings = sortFindings(stage.findings);
  if (findings.length > 0) out.push(`<h3>Findings</h3>${findingList(findings)}`);
  if (stage.memory !== undefined) {
    const rows = memoryRows(stage.memory);
    if (rows.length > 0) {
      const head = MEMORY_COLUMNS.map((h) => `<th>${h}</th>`).join('');
      const cells = rows.map((r) => `<tr><td>${r.run}</td><td>${escapeHtml(r.start)}</td><td>${escapeHtml(r.end)}</td><td>${escapeHtml(r.peak)}</td><td>${escapeHtml(r.slope)}</td><td>${escapeHtml(r.growth)}</td></tr>`);
      out.push(`<h3>Memory</h3><table><thead><tr>${head}</tr></thead><tbody>${cells.join('')}</tbody></table>`);
    }
  }
  if (runs !== undefined) out.push(stageCharts(stage, runs));
  const notes = stageNotes(stage);
  if (notes.length > 0) out.push(`<h3>Notes</h3><ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

function scopeTable(scopes: readonly ScopeComparison[]): string {
  const cols = ['Verdict', SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure];
  const head = cols.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = scopeRows(scopes).map((r) => {
    const cells = [r.label, r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure].map((x, i) => `<td${i === 0 ? ' class="label"' : ''}>${escapeHtml(x)}</td>`);
    return `<tr class="${outcomeClass(r.outcome)}"><td>${markSpan(r.outcome)} ${r.outcome}</td>${cells.join('')}</tr>`;
  });
  return `<table class="scopes"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function findingList(findings: readonly Finding[]): string {
  const items = sortFindings(findings).map((f) => {
    const v = findingView(f);
    const details = [v.values, ...v.evidence, v.threshold, v.accepted ? 'accepted by label' : ''].filter((x) => x !== '');
    const detail = details.length === 0 ? '' : ` <span class="detail">(${escapeHtml(details.join(', '))})</span>`;
    return `<li class="s-${f.severity}"><span class="mark">${severityMark(f.severity)}</span> ${escapeHtml(v.message)}${detail}</li>`;
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

/** Whole run first, then worst outcome, largest latency change, label: the order of the table. */
function chartOrder(scopes: readonly ScopeComparison[]): ScopeComparison[] {
  const change = (s: ScopeComparison): number => (s.latencyChange === undefined || Number.isNaN(s.latencyChange) ? -Infinity : s.latencyChange);
  return [...scopes].sort((x, y) => {
    const byWhole = Number(y.scope === undefined) - Number(x.scope === undefined);
    if (byWhole !== 0) return byWhole;
    const byOutcome = outcomeRank(x.outcome) - outcomeRank(y.outcome);
    if (byOutcome !== 0) return byOutcome;
    const byChange = change(y) - change(x);
    if (byChange !== 0 && !Number.isNaN(byChange)) return byChange;
    const lx = scopeLabel(x);
    const ly = scopeLabel(y);
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  });
}

function stageCharts(stage: StageReport, runs: HtmlRuns): string {
  const out: string[] = [];
  // Scopes with windows in either run; the whole run is charted even when the gate made no row for it.
  const scopes: ScopeComparison[] = [...stage.scopes];
  const latencyMetric = latencyMetricOf(stage.scopes);
  if (!scopes.some((s) => s.scope === undefined)) {
    scopes.push({ metric: latencyMetric, confidence: { level: 'not-applicable' }, outcome: 'pass' });
  }
  const charted = chartOrder(scopes).filter((s) => hasLatencyWindows(runs.current, s.metric) || (runs.baseline !== undefined && hasLatencyWindows(runs.baseline, s.metric)));
  const shown = charted.slice(0, MAX_LATENCY_CHARTS);
  if (shown.length > 0) {
    out.push('<h3>Latency over time</h3><div class="charts">');
    for (const s of shown) {
      const series: ChartSeries[] = [];
      for (const run of ['baseline', 'current'] as const) {
        const doc = runs[run];
        if (doc === undefined) continue;
        const { p50, p95 } = latencySeries(doc, s.metric);
        series.push({ name: `${run} p50`, colour: COLOURS[run], points: p50 });
        series.push({ name: `${run} p95`, colour: COLOURS[run], dashed: true, points: p95 });
      }
      out.push(renderLineChart({ title: `${scopeLabel(s, latencyMetric)} — latency`, xLabel: 'seconds since start', yLabel: 'ms', series }));
    }
    out.push('</div>');
    if (charted.length > shown.length) out.push(`<p class="meta">${charted.length - shown.length} more endpoints with the smallest changes are not charted.</p>`);
  }
  const memory: ChartSeries[] = [];
  for (const run of ['baseline', 'current'] as const) {
    const doc = runs[run];
    if (doc?.memory === undefined || doc.memory.samples.length === 0) continue;
    memory.push({ name: `${run} RSS`, colour: COLOURS[run], points: memorySeries(doc) });
  }
  if (memory.length > 0) {
    out.push('<h3>Memory over time</h3><div class="charts">');
    out.push(renderLineChart({ title: 'Resident memory', xLabel: 'seconds since start', yLabel: 'MB', series: memory }));
    out.push('</div>');
  }
  return out.join('\n');
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#656d76;--line:#d0d7de;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--inconclusive:#6e7781}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1400px;padding:16px 24px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);margin:4px 0}
.verdict{font-size:18px;font-weight:600;padding:8px 12px;border-left:6px solid;border-radius:4px;margin:8px 0}
.verdict.o-pass{border-color:var(--pass)}.verdict.o-warn{border-color:var(--warn)}.verdict.o-fail{border-color:var(--fail)}.verdict.o-inconclusive{border-color:var(--inconclusive)}
.mark{display:inline-block;min-width:1.3em;text-align:center}
table{border-collapse:collapse;margin:6px 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:right;white-space:nowrap}
th{background:color-mix(in srgb,var(--line) 35%,transparent)}
td:first-child,td.label,th:nth-child(2){text-align:left}td.label{white-space:normal;word-break:break-all;max-width:28em}
tr.o-fail td:first-child{color:var(--fail)}tr.o-warn td:first-child{color:var(--warn)}tr.o-pass td:first-child{color:var(--pass)}
ul.findings li.s-fail{color:var(--fail)}ul.findings li.s-warn{color:var(--warn)}.detail{color:var(--muted)}
.charts{display:flex;flex-wrap:wrap;gap:12px}
figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:6px}
figure.chart figcaption{font-weight:600;word-break:break-all;max-width:640px}
figure.chart svg{max-width:100%;height:auto;display:block}
svg .grid{stroke:var(--line);stroke-width:1}svg .axis{stroke:var(--muted);stroke-width:1}
svg text{fill:var(--fg);font-size:11px}svg .tick{fill:var(--muted)}svg .label{font-size:12px}
.empty{color:var(--muted)}
`.trim();

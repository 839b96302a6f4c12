/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, fonts or remote resources; a
 * Content-Security-Policy forbids loading anything) with the verdict, per stage the same table and findings as
 * the Markdown report, latency percentiles over time per endpoint and memory over time, baseline and current
 * overlaid. Everything that came from the user's test is HTML-escaped.
 */

import type { Finding, Outcome, Report, ScopeComparison, StageReport } from '../gate/verdict.js';
import { hasLatencyWindows, latencySeries, memorySeries, trafficSeries } from '../document/series.js';
import { formatTimestamp } from './format.js';
import type { StageRuns } from './renderer.js';
import { renderLineChart, type ChartLimit, type ChartSeries } from './html-chart.js';
import { scopeName } from '../document/selector.js';
import { newestLatencySeries, type HistoryEntry } from '../document/history-entry.js';
import { historyShiftFindings } from '../gate/history-shifts.js';
import { formatChange, formatNumber } from './format.js';
import { escapeHtml } from './html-escape.js';
import { stageNotes } from './words.js';
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

/**
 * Status icons drawn inline (no emoji font needed, the same on every machine): a tick, a triangle, a cross,
 * a question mark, each in its outcome's colour, with its word as the accessible name.
 */
const ICON_PATHS: Readonly<Record<Outcome | 'info', string>> = {
  pass: '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.8"/>',
  warn: '<path d="M8 1.2l7 13H1z"/><path d="M8 5.5v4.2M8 11.4v1.2" stroke="#fff" stroke-width="1.6"/>',
  fail: '<circle cx="8" cy="8" r="7"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" stroke-width="1.8"/>',
  inconclusive: '<circle cx="8" cy="8" r="7"/><path d="M6 6.2a2 2 0 1 1 2.6 1.9c-.5.2-.6.6-.6 1.2v.6M8 11.4v1.2" fill="none" stroke="#fff" stroke-width="1.5"/>',
  info: '<circle cx="8" cy="8" r="7"/><path d="M8 7v5M8 4.2v1.3" stroke="#fff" stroke-width="1.7"/>',
};

function icon(kind: Outcome | 'info'): string {
  return `<svg class="icon i-${kind}" viewBox="0 0 16 16" width="16" height="16" role="img" aria-label="${kind}"><title>${kind}</title>${ICON_PATHS[kind]}</svg>`;
}

function markSpan(outcome: Outcome): string {
  return `<span class="mark ${outcomeClass(outcome)}" title="${outcome}">${icon(outcome)}</span>`;
}

function renderStage(stage: StageReport, runs: HtmlRuns | undefined): string {
  const out: string[] = [];
  out.push(`<section class="stage"><h2>${markSpan(stage.outcome)} ${escapeHtml(stage.stage)} — ${stage.outcome}</h2>`);
  const runsLine = [
    stage.baselineRun === undefined ? 'no baseline' : `baseline ${escapeHtml(runDescription(stage.baselineRun))}${stage.baselineRun.partial ? ' (partial)' : ''}`,
    `current ${escapeHtml(runDescription(stage.currentRun))}${stage.currentRun.partial ? ' (partial)' : ''}`,
  ];
  out.push(`<p class="meta">${runsLine.join('; ')}</p>`);
  if (stage.scopes.length > 0) out.push(scopeTable(stage.stage, stage.scopes, runs !== undefined));
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

/** A configured fraction as a percentage without trailing zeros: 0.2 → `20`, 0.001 → `0.1`. */
function pct(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(3)));
}

/** The anchor of a scope's charts, so the table's label can link to them. */
function chartId(stage: StageReport, s: Pick<ScopeComparison, 'metric' | 'scope'>, latencyMetric: string): string {
  return labelId(stage.stage, scopeLabel(s, latencyMetric));
}

function labelId(stage: string, label: string): string {
  return `c-${stage}-${label}`.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/**
 * The latency limit lines of a scope's chart: its baseline p95 raised by the stage's latency limit (the
 * limit its findings were held to, else the configured one), and any SLO on its latency (`p(95)<500`).
 */
function latencyLimits(stage: StageReport, s: ScopeComparison): ChartLimit[] {
  const out: ChartLimit[] = [];
  const own = stage.findings.find((f) => f.metric === s.metric && f.kind === 'latency' && f.limit.kind === 'max-increase');
  const max = own?.limit.kind === 'max-increase' ? own.limit.max : (stage.limits?.latency ?? stage.power?.limit);
  const base = s.baseline?.p95;
  if (max !== undefined && base !== undefined && base > 0) out.push({ y: base * (1 + max), label: `limit: baseline p95 +${pct(max)} % = ${formatNumber(base * (1 + max))} ms` });
  for (const f of stage.findings) {
    if (f.kind !== 'threshold' || f.metric !== s.metric || f.limit.kind !== 'threshold') continue;
    const m = /^\s*(?:p\(\d+(?:\.\d+)?\)|med|avg)\s*<=?\s*(\d+(?:\.\d+)?)\s*$/.exec(f.limit.expression);
    if (m) out.push({ y: Number(m[1]), label: `SLO ${f.limit.expression}` });
  }
  return out;
}

/**
 * The failed-requests chart's limits, in percent: the stage's error-rate limit on the scope's baseline rate
 * (it fails only when the rate rises by both the relative limit and the absolute floor, so the line is the
 * higher of the two), and an SLO on its failure rate (`rate<0.01`).
 */
function errorLimits(stage: StageReport, s: ScopeComparison, failures: string): ChartLimit[] {
  const metric = s.scope ? scopeName(failures, { [s.scope.tag]: s.scope.value }) : failures;
  const out: ChartLimit[] = [];
  const base = s.baseline?.errorRate;
  const rule = stage.limits?.errorRate;
  if (rule && base !== undefined) {
    const y = 100 * Math.max(base * (1 + rule.maxIncrease), base + rule.absoluteFloor);
    out.push({ y, label: `limit: baseline +${pct(rule.maxIncrease)} % and +${pct(rule.absoluteFloor)} pts = ${formatNumber(y, 3)} %` });
  }
  for (const f of stage.findings) {
    if (f.metric !== metric || f.kind !== 'threshold' || f.limit.kind !== 'threshold') continue;
    const m = /^\s*rate\s*<=?\s*(\d+(?:\.\d+)?)\s*$/.exec(f.limit.expression);
    if (m) out.push({ y: Number(m[1]) * 100, label: `SLO ${f.limit.expression}` });
  }
  return out;
}

/** The throughput chart's limit: the whole run's (throughput is judged on the whole run, not per endpoint). */
function throughputLimits(stage: StageReport, s: ScopeComparison): ChartLimit[] {
  const max = stage.limits?.throughput;
  const base = s.baseline?.throughput;
  if (s.scope !== undefined || max === undefined || base === undefined || stage.mix !== undefined) return [];
  const y = base * (1 - max);
  return [{ y, label: `limit: baseline −${pct(max)} % = ${formatNumber(y, 3)} req/s` }];
}

/** The stage's p95 per run over its history, commits on the x axis, a marker where each shift began. */
function trendChart(stage: string, stored: readonly HistoryEntry[]): string {
  const history = newestLatencySeries(stored);
  const points = history.flatMap((h, i) => (h.p95 !== null && h.p95 > 0 ? [[i, h.p95] as [number, number]] : []));
  if (points.length < 2) return '';
  const shifts = historyShiftFindings(history).shifts.filter((f) => f.series.scope === undefined);
  const markers = shifts.map((f) => ({ x: history.findIndex((h) => h.sha === f.beganAt), label: `shift ${formatChange(f.change)}` }));
  const labels = new Map(history.map((h, i) => [i, h.sha.slice(0, 7)]));
  return renderLineChart({ title: `${stage} — p95 of all requests per run`, xLabel: 'commit', yLabel: 'ms', series: [{ name: 'p95', colour: COLOURS.current, points }], markers, xTickLabels: labels });
}

function scopeTable(stage: string, scopes: readonly ScopeComparison[], charted: boolean): string {
  const cols = ['Verdict', SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure];
  const head = cols.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = scopeRows(scopes).map((r) => {
    // The label links to the endpoint's charts when the page has them.
    const label = charted ? `<a href="#${labelId(stage, r.label)}">${escapeHtml(r.label)}</a>` : escapeHtml(r.label);
    const cells = [label, ...[r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure].map(escapeHtml)].map((x, i) => `<td${i === 0 ? ' class="label"' : ''}>${x}</td>`);
    return `<tr class="${outcomeClass(r.outcome)}"><td>${markSpan(r.outcome)} ${r.outcome}</td>${cells.join('')}</tr>`;
  });
  return `<table class="scopes"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function findingList(findings: readonly Finding[]): string {
  const items = sortFindings(findings).map((f) => {
    const v = findingView(f);
    const details = [v.values, ...v.evidence, v.threshold, v.accepted ? 'accepted by label' : ''].filter((x) => x !== '');
    const detail = details.length === 0 ? '' : ` <span class="detail">(${escapeHtml(details.join(', '))})</span>`;
    return `<li class="s-${f.severity}"><span class="mark">${icon(f.severity === 'info' ? 'info' : f.severity)}</span> ${escapeHtml(v.message)}${detail}</li>`;
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

/** Worst outcome first (failing endpoints lead), the whole run first among equals, then largest latency change, label. */
function chartOrder(scopes: readonly ScopeComparison[]): ScopeComparison[] {
  const change = (s: ScopeComparison): number => (s.latencyChange === undefined || Number.isNaN(s.latencyChange) ? -Infinity : s.latencyChange);
  return [...scopes].sort((x, y) => {
    const byOutcome = outcomeRank(x.outcome) - outcomeRank(y.outcome);
    if (byOutcome !== 0) return byOutcome;
    const byWhole = Number(y.scope === undefined) - Number(x.scope === undefined);
    if (byWhole !== 0) return byWhole;
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
    out.push('<h3>Over time, per endpoint (failing first)</h3>');
    const roles = runs.current.meta.roles;
    for (const s of shown) {
      const series: ChartSeries[] = [];
      const traffic: ChartSeries[] = [];
      const errors: ChartSeries[] = [];
      for (const run of ['baseline', 'current'] as const) {
        const doc = runs[run];
        if (doc === undefined) continue;
        const { p50, p95 } = latencySeries(doc, s.metric);
        series.push({ name: `${run} p50`, colour: COLOURS[run], points: p50 });
        series.push({ name: `${run} p95`, colour: COLOURS[run], dashed: true, points: p95 });
        const tags = s.scope ? { [s.scope.tag]: s.scope.value } : {};
        const t = trafficSeries(doc, scopeName(roles?.requests ?? 'http_reqs', tags), scopeName(roles?.failures ?? 'http_req_failed', tags));
        traffic.push({ name: `${run} req/s`, colour: COLOURS[run], points: t.throughput });
        errors.push({ name: `${run} failed %`, colour: COLOURS[run], points: t.errorRate });
      }
      const label = scopeLabel(s, latencyMetric);
      const charts = [
        renderLineChart({ title: `${label} — latency`, xLabel: 'seconds since start', yLabel: 'ms', series, limits: latencyLimits(stage, s) }),
        renderLineChart({ title: `${label} — throughput`, xLabel: 'seconds since start', yLabel: 'req/s', series: traffic, limits: throughputLimits(stage, s) }),
        renderLineChart({ title: `${label} — failed requests`, xLabel: 'seconds since start', yLabel: '%', series: errors, limits: errorLimits(stage, s, roles?.failures ?? 'http_req_failed') }),
      ];
      out.push(`<div class="scope-card ${outcomeClass(s.outcome)}" id="${chartId(stage, s, latencyMetric)}"><h4>${markSpan(s.outcome)} ${escapeHtml(label)} — ${s.outcome}</h4><div class="charts">${charts.join('')}</div></div>`);
    }
    if (charted.length > shown.length) out.push(`<p class="meta">${charted.length - shown.length} more endpoints with the smallest changes are not charted.</p>`);
  }
  const trend = trendChart(stage.stage, runs.history ?? []);
  if (trend !== '') out.push(`<h3>Trend on the default branch</h3><div class="charts">${trend}</div>`);
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
.icon{vertical-align:-3px}.i-pass{fill:var(--pass)}.i-warn{fill:var(--warn)}.i-fail{fill:var(--fail)}.i-inconclusive,.i-info{fill:var(--inconclusive)}
.scope-card{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:4px 10px 10px;margin:10px 0}
.scope-card h4{margin:6px 0;font-size:14px;word-break:break-all}
.scope-card.o-fail{border-left-color:var(--fail);background:color-mix(in srgb,var(--fail) 7%,transparent)}
.scope-card.o-warn{border-left-color:var(--warn);background:color-mix(in srgb,var(--warn) 6%,transparent)}
.scope-card.o-pass{border-left-color:var(--pass)}.scope-card.o-inconclusive{border-left-color:var(--inconclusive)}
svg .limit{stroke:var(--fail);stroke-width:1.2;stroke-dasharray:3 3}svg .limit-label{fill:var(--fail);font-size:10px}
svg .marker{stroke:var(--warn);stroke-width:1.5}svg .marker-label{fill:var(--warn);font-size:10px}
`.trim();

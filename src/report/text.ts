/**
 * The terminal report for the CLI: the verdict line, per stage an aligned plain-text table with the same cells
 * as the Markdown table, the failures and warnings with their messages, memory, info findings and notes.
 * User text is made terminal-safe (sanitizeTerminal); ANSI colour only when asked for.
 */

import type { Finding, Outcome, Report, Severity, StageReport } from '../gate/verdict.js';
import { sanitizeTerminal } from './escape.js';
import {
  MEMORY_COLUMNS,
  SCOPE_COLUMNS,
  findingView,
  memoryRows,
  runDescription,
  scopeRows,
  runWideFindings,
  sortFindings,
  verdictText,
} from './view.js';
import { displayWidth, padToWidth, truncateToWidth } from './width.js';
import { stageNotes } from './words.js';

export interface TextOptions {
  /** Colour outcomes with ANSI escape sequences (default false: plain text, e.g. for logs and pipes). */
  readonly color?: boolean;
  /**
   * Terminal width in columns: long endpoint names are shortened (never below 16 columns) and messages wrapped to
   * fit. Default: no limit, nothing shortened or wrapped — right for CI logs and pipes; pass the terminal's
   * columns for a TTY. Values below 40 count as 40.
   */
  readonly width?: number;
}

/** Narrowest the endpoint column gets when a table is too wide for the terminal. */
const MIN_LABEL_WIDTH = 16;
const INDENT = '  ';
const GAP = '  ';

type Paint = (s: string, style: Style) => string;
type Style = Outcome | Severity | 'bold' | 'dim';

const ANSI = {
  fail: '\u001b[31m',
  warn: '\u001b[33m',
  pass: '\u001b[32m',
  inconclusive: '\u001b[35m',
  info: '\u001b[36m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
} as const;
const RESET = '\u001b[0m';

function painter(color: boolean): Paint {
  return color ? (s, style) => (s === '' ? s : `${ANSI[style]}${s}${RESET}`) : (s) => s;
}

/**
 * Renders a report for a terminal.
 * @example renderText(report).split('\n')[0] === 'perf-gate: fail — 2 regressions in smoke: GET /api/alerts p95 +31 %'
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const width = options.width === undefined ? Infinity : Math.max(40, options.width);
  const paint = painter(options.color === true);
  const out: string[] = [];
  out.push(paint(paint(`perf-gate: ${sanitizeTerminal(verdictText(report))}`, report.verdict), 'bold'));
  for (const stage of report.stages) {
    out.push('', ...stageLines(stage, width, paint));
  }
  const runWide = runWideFindings(report);
  if (runWide.length > 0) out.push('', paint('Run-wide findings:', 'bold'), ...findingLines(runWide, width, paint));
  return `${out.join('\n')}\n`;
}

function stageLines(stage: StageReport, width: number, paint: Paint): string[] {
  const lines: string[] = [];
  lines.push(`${paint(`Stage ${sanitizeTerminal(stage.stage)}:`, 'bold')} ${paint(stage.outcome, stage.outcome)}`);
  const partial = (p: boolean): string => (p ? ` ${paint('(partial)', 'warn')}` : '');
  const current = `current ${sanitizeTerminal(runDescription(stage.currentRun))}${partial(stage.currentRun.partial)}`;
  const runs = stage.baselineRun === undefined
    ? `no baseline run; ${current}`
    : `baseline ${sanitizeTerminal(runDescription(stage.baselineRun))}${partial(stage.baselineRun.partial)} → ${current}`;
  lines.push(...wrap(runs, width - INDENT.length).map((l) => INDENT + l));

  if (stage.scopes.length > 0) lines.push('', ...scopeTable(stage, width, paint));
  else lines.push(`${INDENT}no per-endpoint data`);

  if (stage.findings.length > 0) lines.push('', ...findingLines(stage.findings, width, paint));

  if (stage.memory !== undefined) {
    const rows = memoryRows(stage.memory).map((r) => [r.run, r.start, r.end, r.peak, r.slope, r.growth]);
    if (rows.length > 0) {
      const aligns: Align[] = ['left', 'right', 'right', 'right', 'right', 'right'];
      lines.push('', ...alignColumns([[...MEMORY_COLUMNS].map((c) => c.toLowerCase()), ...rows], aligns).map((l) => INDENT + l));
    }
  }
  const notes = stageNotes(stage);
  if (notes.length > 0) {
    lines.push('');
    for (const note of notes) {
      const [first = '', ...rest] = wrap(sanitizeTerminal(note), width - INDENT.length - 'note: '.length);
      lines.push(`${INDENT}${paint('note:', 'dim')} ${first}`, ...rest.map((l) => `${INDENT}      ${l}`));
    }
  }
  return lines;
}

type Align = 'left' | 'right';

/** Columns padded to their widest cell (display width), separated by two spaces, trailing blanks trimmed. */
export function alignColumns(rows: readonly (readonly string[])[], aligns: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => row.map((cell, i) => padToWidth(cell, widths[i] ?? 0, aligns[i] ?? 'left')).join(GAP).trimEnd());
}

function scopeTable(stage: StageReport, width: number, paint: Paint): string[] {
  const rows = scopeRows(stage.scopes);
  const header = ['verdict', SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure]
    .map((h) => h.toLowerCase());
  const cells = rows.map((r) => [r.outcome, sanitizeTerminal(r.label), r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure]);
  const aligns: Align[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];

  // Too wide for the terminal: shorten the endpoint column, never below MIN_LABEL_WIDTH.
  const natural = Math.max(...alignColumns([header, ...cells], aligns).map(displayWidth)) + INDENT.length;
  if (natural > width) {
    const labelWidth = Math.max(...[header, ...cells].map((c) => displayWidth(c[1] ?? '')));
    const target = Math.max(MIN_LABEL_WIDTH, labelWidth - (natural - width));
    for (const c of cells) c[1] = truncateToWidth(c[1] ?? '', target);
  }
  const lines = alignColumns([header, ...cells], aligns);
  return lines.map((line, i) => {
    if (i === 0) return INDENT + paint(line, 'bold');
    const row = rows[i - 1];
    if (row === undefined) return INDENT + line;
    // Colour only the verdict word: padding was computed on plain text, so alignment is kept.
    return INDENT + paint(row.outcome, row.outcome) + line.slice(row.outcome.length);
  });
}

function findingLines(findings: readonly Finding[], width: number, paint: Paint): string[] {
  const lines: string[] = [];
  const tagWidth = 'fail'.length + 2;
  const body = width - INDENT.length - tagWidth;
  const pad = ' '.repeat(INDENT.length + tagWidth);
  for (const f of sortFindings(findings)) {
    const v = findingView(f);
    const subject = [v.metric, v.statistic].filter((x) => x !== '').map(sanitizeTerminal).join(' ');
    const numbers = [v.values, ...v.evidence].filter((x) => x !== '').join(', ');
    const extras = [sanitizeTerminal(v.threshold), v.accepted ? 'accepted by label' : ''].filter((x) => x !== '');
    const detail = [numbers === '' ? subject : `${subject}: ${numbers}`, ...extras].join('; ');
    const [first = '', ...rest] = wrap(sanitizeTerminal(v.message), body);
    lines.push(`${INDENT}${paint(padToWidth(v.severity, tagWidth - 2, 'left'), v.severity)}  ${first}`);
    for (const l of [...rest, ...wrap(detail, body).map((d) => paint(d, 'dim'))]) lines.push(pad + l);
  }
  return lines;
}

/** Units that stay on the line of their number: `+43.8 %`, `120 ms`. */
const UNIT = /^(%|ms|s|min|h|MB|MB\/h|req\/s|CI)[,;)]?$/;

/**
 * Greedy word wrap by display width, never separating a number from its unit; a word longer than the width
 * gets a line of its own.
 */
export function wrap(text: string, width: number): string[] {
  const words: string[] = [];
  for (const w of text.split(' ')) {
    const last = words.length - 1;
    if (UNIT.test(w) && last >= 0) words[last] = `${words[last]} ${w}`;
    else words.push(w);
  }
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * The Markdown report: the pull-request comment and the job summary. Everything that came from the user's test
 * is escaped (escapeMarkdown); the whole comment is kept under GitHub's size limit by dropping whole blocks,
 * least important first, and saying so at the end.
 */

import { markdownTable } from 'markdown-table';
import type { Finding, Outcome, Report, Severity, StageReport } from '../gate/verdict.js';
import { escapeMarkdown } from './escape.js';
import { groupThousands } from './format.js';
import { shardsText, stageNotes, timeHints } from './words.js';
import { capacityText } from './capacity-words.js';
import { resourceHints, resourcesText } from './resource-words.js';
import {
  MEMORY_COLUMNS,
  SCOPE_COLUMNS,
  findingView,
  memoryRows,
  outcomeRank,
  runDescription,
  scopeRows,
  severityRank,
  sortFindings,
  type ScopeRow,
  runWideFindings,
  verdictText,
} from './view.js';

export { escapeMarkdown } from './escape.js';

/** GitHub rejects issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * Default `maxLength`: GitHub's limit minus a margin of 536 characters for what an adapter may add around the
 * report (a footer, a link to the run). Lengths are JavaScript string lengths (UTF-16 code units), which are never
 * fewer than the characters GitHub counts.
 */
export const DEFAULT_MAX_LENGTH = GITHUB_COMMENT_LIMIT - 536;

export interface MarkdownOptions {
  /** Upper bound of the output's `length`; default DEFAULT_MAX_LENGTH (65,000). */
  readonly maxLength?: number;
  /** A hidden HTML comment put first, by which the Action finds its comment again: `<!-- perf-gate:id=smoke -->`. */
  readonly marker?: string;
  /** A heading above the verdict, e.g. `Performance: checkout service` (escaped). */
  readonly title?: string;
  /** A pre-rendered Markdown block appended after the stages (a Mermaid trend chart); trusted, not escaped. */
  readonly trend?: string;
}

/** The mark in front of an outcome. */
export function outcomeMark(outcome: Outcome): string {
  switch (outcome) {
    case 'pass':
      return '✅';
    case 'warn':
      return '⚠️';
    case 'fail':
      return '❌';
    case 'inconclusive':
      return '❔';
  }
}

/** The mark in front of a finding. */
export function severityMark(severity: Severity): string {
  switch (severity) {
    case 'fail':
      return '❌';
    case 'warn':
      return '⚠️';
    case 'info':
      return 'ℹ️';
  }
}

/**
 * Renders a report as GitHub-flavoured Markdown of at most `maxLength` characters.
 *
 * Layout: marker, optional title, the verdict line (`### ❌ fail — …`), then per stage a heading with its outcome,
 * a line with the baseline and current run, a table with one row per scope (failures first), the failures and
 * warnings, the memory summary, and a collapsed block with info findings and notes; then the trend block.
 *
 * When the whole does not fit, it drops, in this order and only as far as needed: the trend block, the collapsed
 * detail blocks, table rows (passes first, then inconclusive, warnings, failures; later stages first), the memory
 * tables, the failure and warning lines (warnings first), the stage sections, and finally shortens the title and
 * headline at a grapheme boundary. Tables and entities are never cut. A last line says what was omitted.
 *
 * @throws {RangeError} when `maxLength` cannot hold even the marker, a verdict line and the truncation note.
 * @throws {Error} when `marker` is not a single-line HTML comment.
 * @example renderMarkdown(report, { marker: '<!-- perf-gate:id=smoke -->' }).startsWith('<!-- perf-gate:id=smoke -->\n### ❌ fail')
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (options.marker !== undefined) checkMarker(options.marker);
  const model = buildModel(report, options);
  const render = (cut: Cut): string => compose(model, cut, maxLength);
  const fits = (cut: Cut): boolean => render(cut).length <= maxLength;

  let cut: Cut = { ...NO_CUT };
  if (fits(cut)) return render(cut);
  if (model.trend !== '') {
    cut = { ...cut, trend: true };
    if (fits(cut)) return render(cut);
  }
  if (model.sections.some((s) => s.details !== '')) {
    cut = { ...cut, details: true };
    if (fits(cut)) return render(cut);
  }
  const rowCount = model.rowDropOrder.length;
  if (rowCount > 0) {
    const k = smallestFitting(rowCount, (n) => fits({ ...cut, rows: n }));
    if (k !== undefined) return render({ ...cut, rows: k });
    cut = { ...cut, rows: rowCount };
  }
  if (model.sections.some((s) => s.memory !== '')) {
    cut = { ...cut, memory: true };
    if (fits(cut)) return render(cut);
  }
  const findingCount = model.findingDropOrder.length;
  if (findingCount > 0) {
    const k = smallestFitting(findingCount, (n) => fits({ ...cut, findings: n }));
    if (k !== undefined) return render({ ...cut, findings: k });
    cut = { ...cut, findings: findingCount };
  }
  cut = { ...cut, sections: true };
  if (fits(cut)) return render(cut);
  return renderShortened(model, cut, maxLength);
}

function checkMarker(marker: string): void {
  const inner = marker.slice(4, -3);
  if (!marker.startsWith('<!--') || !marker.endsWith('-->') || marker.length < 7 || /-->|--!>|[\r\n]/.test(inner) || inner.startsWith('>') || inner.startsWith('->')) {
    throw new Error(`'marker' must be one line holding one HTML comment like '<!-- perf-gate:id=smoke -->' but got ${JSON.stringify(marker)}`);
  }
}

/** The smallest n in 1..max with ok(n), assuming ok is monotone; undefined when even ok(max) fails. */
function smallestFitting(max: number, ok: (n: number) => boolean): number | undefined {
  if (!ok(max)) return undefined;
  let lo = 1;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------------
// The model: every block rendered once, escaped; composing only picks blocks.

interface SectionModel {
  /** Stage heading and run line, or the heading of run-wide findings. */
  readonly head: string;
  /** Table rows as cells (escaped), in display order, and the table's alignment. */
  readonly rows: readonly (readonly string[])[];
  /** Failure and warning list items, most severe first. */
  readonly findings: readonly string[];
  /** Where the time went on the failing endpoints (list items), or ''. */
  readonly hints: string;
  readonly memory: string;
  readonly details: string;
}

interface Model {
  readonly marker: string;
  readonly title: string;
  readonly verdictMark: string;
  readonly headline: string;
  readonly sections: readonly SectionModel[];
  readonly trend: string;
  /** [section, row] pairs, the first to drop first. */
  readonly rowDropOrder: readonly (readonly [number, number])[];
  /** [section, finding] pairs, the first to drop first. */
  readonly findingDropOrder: readonly (readonly [number, number])[];
}

const TABLE_HEADER = ['', SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure];
const TABLE_ALIGN = ['c', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'];

function rowCells(row: ScopeRow): string[] {
  const label = row.wholeRun ? `**${escapeMarkdown(row.label)}**` : escapeMarkdown(row.label);
  return [outcomeMark(row.outcome), label, row.p50, row.p95, row.p99, row.change, row.throughput, row.errorRate, row.sure];
}

function findingLine(f: Finding): string {
  const v = findingView(f);
  const subject = [escapeMarkdown(v.metric), escapeMarkdown(v.statistic)].filter((x) => x !== '').join(' ');
  const numbers = [v.values, ...v.evidence].filter((x) => x !== '').join(', ');
  const detail = numbers === '' ? subject : `${subject}: ${numbers}`;
  const extras = [v.threshold === '' ? '' : escapeMarkdown(v.threshold), v.accepted ? 'accepted by label' : ''].filter((x) => x !== '');
  return `- ${severityMark(v.severity)} ${escapeMarkdown(v.message)} — ${[detail, ...extras].join('; ')}`;
}

function runLine(stage: StageReport): string {
  const partial = (p: boolean): string => (p ? ' ⚠️ **partial**' : '');
  const current = `current ${escapeMarkdown(runDescription(stage.currentRun))}${partial(stage.currentRun.partial)}`;
  if (stage.baselineRun === undefined) return `No baseline run · ${current}`;
  return `Baseline ${escapeMarkdown(runDescription(stage.baselineRun))}${partial(stage.baselineRun.partial)} → ${current}`;
}

function plural(n: number, one: string, many: string): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}

function detailsBlock(info: readonly Finding[], notes: readonly string[]): string {
  if (info.length === 0 && notes.length === 0) return '';
  const summary = [info.length > 0 ? plural(info.length, 'info finding', 'info findings') : '', notes.length > 0 ? plural(notes.length, 'note', 'notes') : '']
    .filter((x) => x !== '')
    .join(', ');
  const items = [...info.map(findingLine), ...notes.map((n) => `- 📝 ${escapeMarkdown(n)}`)];
  return `<details><summary>Details: ${summary}</summary>\n\n${items.join('\n')}\n\n</details>`;
}

function memoryBlock(stage: StageReport): string {
  if (stage.memory === undefined) return '';
  const rows = memoryRows(stage.memory);
  if (rows.length === 0) return '';
  return markdownTable(
    [[...MEMORY_COLUMNS], ...rows.map((r) => [r.run, r.start, r.end, r.peak, r.slope, r.growth])],
    { alignDelimiters: false, align: ['l', 'r', 'r', 'r', 'r', 'r'] },
  );
}

function section(head: string, scopes: readonly ScopeRow[], findings: readonly Finding[], memory: string, notes: readonly string[], hints = ''): SectionModel {
  const sorted = sortFindings(findings);
  return {
    head,
    hints,
    rows: scopes.map(rowCells),
    findings: sorted.filter((f) => f.severity !== 'info').map(findingLine),
    memory,
    details: detailsBlock(sorted.filter((f) => f.severity === 'info'), notes),
  };
}

function buildModel(report: Report, options: MarkdownOptions): Model {
  const sections: SectionModel[] = [];
  const rowRanks: { at: readonly [number, number]; rank: number }[] = [];
  const findingRanks: { at: readonly [number, number]; rank: number }[] = [];

  const add = (s: SectionModel, scopes: readonly ScopeRow[], findings: readonly Finding[]): void => {
    const i = sections.length;
    sections.push(s);
    scopes.forEach((row, j) => rowRanks.push({ at: [i, j], rank: outcomeRank(row.outcome) }));
    sortFindings(findings)
      .filter((f) => f.severity !== 'info')
      .forEach((f, j) => findingRanks.push({ at: [i, j], rank: severityRank(f.severity) }));
  };

  for (const stage of report.stages) {
    const rows = scopeRows(stage.scopes);
    const empty = rows.length === 0 ? '\n\n_No per-endpoint data._' : '';
    // A distributed run's shards stand under the run line, not in the folded notes: a reviewer checks them first.
    // So do the hints of where the time went, under the findings they explain.
    const { shards, scopes, resources, capacity, ...rest } = stage;
    const shardLine = shards ? `\n\n${escapeMarkdown(shardsText(shards))}` : '';
    const capacityLine = capacity ? `\n\n${escapeMarkdown(capacityText(capacity))}` : '';
    const head = `#### ${outcomeMark(stage.outcome)} Stage ${escapeMarkdown(stage.stage)}: ${stage.outcome}\n\n${runLine(stage)}${shardLine}${capacityLine}${empty}`;
    const hints = [...timeHints(scopes), ...resourceHints(stage)].map((h) => `- 🔎 ${escapeMarkdown(h)}`).join('\n');
    const notes = [...stageNotes(rest), ...(resources ? [resourcesText(resources)] : [])];
    add(section(head, rows, stage.findings, memoryBlock(stage), notes, hints), rows, stage.findings);
  }
  const runWide = runWideFindings(report);
  if (runWide.length > 0) add(section('#### Run-wide findings', [], runWide, '', []), [], runWide);

  // Drop first: the least severe, then the later section, then the lower row.
  const dropOrder = (xs: { at: readonly [number, number]; rank: number }[]): (readonly [number, number])[] =>
    xs.sort((x, y) => y.rank - x.rank || y.at[0] - x.at[0] || y.at[1] - x.at[1]).map((x) => x.at);

  return {
    marker: options.marker ?? '',
    title: options.title === undefined ? '' : escapeMarkdown(options.title),
    verdictMark: outcomeMark(report.verdict),
    headline: escapeMarkdown(verdictText(report)),
    sections,
    trend: options.trend?.trim() ?? '',
    rowDropOrder: dropOrder(rowRanks),
    findingDropOrder: dropOrder(findingRanks),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Composing: pick blocks according to a cut.

interface Cut {
  readonly trend: boolean;
  readonly details: boolean;
  /** How many rows of rowDropOrder are dropped. */
  readonly rows: number;
  readonly memory: boolean;
  /** How many findings of findingDropOrder are dropped. */
  readonly findings: number;
  /** Whether whole stage sections are dropped (only the verdict line stays). */
  readonly sections: boolean;
}

const NO_CUT: Cut = { trend: false, details: false, rows: 0, memory: false, findings: 0, sections: false };

function droppedSets(order: readonly (readonly [number, number])[], n: number): Map<number, Set<number>> {
  const bySection = new Map<number, Set<number>>();
  for (const [s, i] of order.slice(0, n)) {
    const set = bySection.get(s) ?? new Set<number>();
    set.add(i);
    bySection.set(s, set);
  }
  return bySection;
}

function tableBlock(rows: readonly (readonly string[])[], dropped: ReadonlySet<number> | undefined): string {
  const kept = dropped === undefined ? rows : rows.filter((_, i) => !dropped.has(i));
  const omitted = rows.length - kept.length;
  if (kept.length === 0) return `_… all ${plural(rows.length, 'row', 'rows')} of this table omitted._`;
  const table = markdownTable([TABLE_HEADER, ...kept], { alignDelimiters: false, align: TABLE_ALIGN });
  return omitted === 0 ? table : `${table}\n\n_… ${plural(omitted, 'more row', 'more rows')} omitted._`;
}

function truncationNote(model: Model, cut: Cut, maxLength: number): string {
  const parts: string[] = [];
  if (cut.sections) parts.push(plural(model.sections.length, 'stage section', 'stage sections'));
  if (cut.rows > 0 && !cut.sections) parts.push(plural(cut.rows, 'row', 'rows'));
  if (cut.findings > 0 && !cut.sections) parts.push(plural(cut.findings, 'finding', 'findings'));
  if (cut.memory && !cut.sections) parts.push('the memory tables');
  if (cut.details && !cut.sections) parts.push('the details');
  if (cut.trend && model.trend !== '') parts.push('the trend chart');
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const limit = maxLength >= DEFAULT_MAX_LENGTH ? `GitHub's ${groupThousands(GITHUB_COMMENT_LIMIT)}-character limit` : `${groupThousands(maxLength)} characters`;
  return `${TRUNCATION_LEAD}${list} omitted (report truncated to fit ${limit}); see the JSON report.`;
}

/** How the truncation note starts; the note is the last line of a truncated report. */
export const TRUNCATION_LEAD = '… ';

function compose(model: Model, cut: Cut, maxLength: number, headline = model.headline, title = model.title): string {
  const blocks: string[] = [];
  const top = [model.marker, title === '' ? '' : `## ${title}`].filter((x) => x !== '');
  blocks.push([...top, `### ${model.verdictMark} ${headline}`].join('\n'));
  if (!cut.sections) {
    const rowsDropped = droppedSets(model.rowDropOrder, cut.rows);
    const findingsDropped = droppedSets(model.findingDropOrder, cut.findings);
    model.sections.forEach((s, i) => {
      blocks.push(s.head);
      if (s.rows.length > 0) blocks.push(tableBlock(s.rows, rowsDropped.get(i)));
      const droppedFindings = findingsDropped.get(i);
      const findings = droppedFindings === undefined ? s.findings : s.findings.filter((_, j) => !droppedFindings.has(j));
      if (findings.length > 0) blocks.push(findings.join('\n'));
      if (!cut.details && s.hints !== '') blocks.push(s.hints);
      if (!cut.memory && s.memory !== '') blocks.push(s.memory);
      if (!cut.details && s.details !== '') blocks.push(s.details);
    });
  }
  if (!cut.trend && model.trend !== '') blocks.push(model.trend);
  const note = truncationNote(model, cut, maxLength);
  if (note !== '') blocks.push(note);
  return `${blocks.join('\n\n')}\n`;
}

/** Last resort: only the verdict line and the note, title and headline shortened without cutting a character or an escape. */
function renderShortened(model: Model, cut: Cut, maxLength: number): string {
  const title = units(model.title);
  const headline = units(model.headline);
  const attempt = (t: number, h: number): string => compose(model, cut, maxLength, shorten(headline, h, '…'), shorten(title, t, ''));
  // Shorten the title first (down to nothing), then the headline; each by binary search over the units kept.
  const t = largestFitting(title.length, (n) => attempt(n, headline.length).length <= maxLength);
  if (t !== undefined) return attempt(t, headline.length);
  const h = largestFitting(headline.length, (n) => attempt(0, n).length <= maxLength);
  if (h !== undefined) return attempt(0, h);
  throw new RangeError(
    `maxLength ${maxLength} is too small for a report: the marker, the verdict mark and the truncation note alone take ${attempt(0, 0).length} characters`,
  );
}

/** The largest n in 0..max with ok(n), assuming ok holds up to some n and not after; undefined when ok(0) fails. */
function largestFitting(max: number, ok: (n: number) => boolean): number | undefined {
  if (!ok(0)) return undefined;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Escaped text split into units that may not be cut: backslash escapes (`\|`), entities (`&lt;`), the guarded
 * `@`, and otherwise grapheme clusters (so no surrogate pair, combining mark or emoji sequence is split).
 */
function units(escaped: string): string[] {
  const out: string[] = [];
  const atomic = /\\.|&(?:amp|lt|gt|quot);|@\u200b/gsu;
  let last = 0;
  for (const m of escaped.matchAll(atomic)) {
    for (const g of segmenter.segment(escaped.slice(last, m.index))) out.push(g.segment);
    out.push(m[0]);
    last = m.index + m[0].length;
  }
  for (const g of segmenter.segment(escaped.slice(last))) out.push(g.segment);
  return out;
}

/** The first n units, followed by `ellipsis` when any were left out. */
function shorten(parts: readonly string[], n: number, ellipsis: string): string {
  return n >= parts.length ? parts.join('') : `${parts.slice(0, n).join('')}${ellipsis}`;
}

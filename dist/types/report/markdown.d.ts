/**
 * The Markdown report: the pull-request comment and the job summary. Everything that came from the user's test
 * is escaped (escapeMarkdown); the whole comment is kept under GitHub's size limit by dropping whole blocks,
 * least important first, and saying so at the end.
 */
import type { Outcome, Report, Severity } from '../gate/verdict.js';
export { escapeMarkdown } from './escape.js';
/** GitHub rejects issue and pull-request comments longer than this many characters. */
export declare const GITHUB_COMMENT_LIMIT = 65536;
/**
 * Default `maxLength`: GitHub's limit minus a margin of 536 characters for what an adapter may add around the
 * report (a footer, a link to the run). Lengths are JavaScript string lengths (UTF-16 code units), which are never
 * fewer than the characters GitHub counts.
 */
export declare const DEFAULT_MAX_LENGTH: number;
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
export declare function outcomeMark(outcome: Outcome): string;
/** The mark in front of a finding. */
export declare function severityMark(severity: Severity): string;
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
export declare function renderMarkdown(report: Report, options?: MarkdownOptions): string;
/** How the truncation note starts; the note is the last line of a truncated report. */
export declare const TRUNCATION_LEAD = "\u2026 ";

/**
 * The terminal report for the CLI: the verdict line, per stage an aligned plain-text table with the same cells
 * as the Markdown table, the failures and warnings with their messages, memory, info findings and notes.
 * User text is made terminal-safe (sanitizeTerminal); ANSI colour only when asked for.
 */
import type { Report } from '../gate/verdict.js';
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
/**
 * Renders a report for a terminal.
 * @example renderText(report).split('\n')[0] === 'perf-gate: fail — 2 regressions in smoke: GET /api/alerts p95 +31 %'
 */
export declare function renderText(report: Report, options?: TextOptions): string;
type Align = 'left' | 'right';
/** Columns padded to their widest cell (display width), separated by two spaces, trailing blanks trimmed. */
export declare function alignColumns(rows: readonly (readonly string[])[], aligns: readonly Align[]): string[];
/**
 * Greedy word wrap by display width, never separating a number from its unit; a word longer than the width
 * gets a line of its own.
 */
export declare function wrap(text: string, width: number): string[];
export {};

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, fonts or remote resources; a
 * Content-Security-Policy forbids loading anything) with the verdict, per stage the same table and findings as
 * the Markdown report, latency percentiles over time per endpoint and memory over time, baseline and current
 * overlaid. Everything that came from the user's test is HTML-escaped.
 */
import type { Report } from '../gate/verdict.js';
import type { StageRuns } from './renderer.js';
export { escapeHtml } from './html-escape.js';
export { latencySeries, memorySeries } from '../document/series.js';
/** One stage's run documents, for the charts (the renderer interface's StageRuns). */
export type HtmlRuns = StageRuns;
export interface HtmlOptions {
    /** The page title and heading (escaped); default `perf-gate report`. */
    readonly title?: string;
}
/** Most latency charts per stage (whole run first, then the worst endpoints). */
export declare const MAX_LATENCY_CHARTS = 30;
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
export declare function renderHtml(report: Report, runs: readonly HtmlRuns[], options?: HtmlOptions): string;

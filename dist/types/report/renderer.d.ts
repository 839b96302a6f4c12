import type { HistoryEntry } from '../document/history-entry.js';
import type { RunDocument } from '../document/run-document.js';
import type { Report } from '../gate/verdict.js';
/** One stage's run documents, for renderers that draw charts. */
export interface StageRuns {
    readonly stage: string;
    readonly baseline?: RunDocument;
    readonly current: RunDocument;
    /** The stage's history on the default branch, oldest first, for a trend chart. */
    readonly history?: readonly HistoryEntry[];
}
/** What a renderer is given: the report and, when the caller has them, the runs it compared. */
export interface RenderInput {
    readonly report: Report;
    readonly runs?: readonly StageRuns[];
}
/**
 * A report target: the verdict as text, Markdown, JSON, HTML, or anything else a team reads. It only
 * formats (the words come from words.ts, the numbers from the report and the runs). Add one by writing a
 * file with a Renderer and a line in renderers.ts.
 */
export interface Renderer {
    /** The name `--format` takes: `text`, `markdown`, `json`, `html`. */
    readonly format: string;
    /** The file extension its output is written with, without the dot. */
    readonly extension: string;
    render(input: RenderInput): string;
}

import { type RunDocument } from '../../document/run-document.js';
export { parseMetricKey } from './summary-metric.js';
export type SummaryFormat = 'k6-summary-export' | 'k6-handle-summary' | 'k6-machine-readable-summary';
/** What the caller knows about a summary besides its content. */
export interface SummaryInfo {
    readonly file: string;
    readonly format: SummaryFormat;
    /** Lines of the JSON text (for the source entry). */
    readonly lines: number;
    /** When the file was written (k6 writes summaries at the end of the test): the run's end. */
    readonly mtimeMs: number;
    readonly stage?: string;
    readonly labels?: Record<string, string>;
    readonly gitSha?: string;
}
/**
 * A run document from k6's end-of-test summary (`--summary-export` or `handleSummary`'s `data`): aggregates
 * only, so `aggregateOnly: true`, every scope carrying k6's own numbers in `reported` (`avg`, `min`, `med`,
 * `max`, `p(90)`, `p(95)`, `count`, `rate`, `passes`, `fails`, `value`; a summary-export Rate's `value`
 * becomes `rate` as in handleSummary) and no windows. Thresholds are kept per metric (a submetric's under
 * its k6 name, `http_req_duration{name:GET /api/alerts}`); those k6 reports as crossed become warnings.
 *
 * @throws IngestError when the JSON does not have the summary's shape.
 */
export declare function summaryDocument(value: unknown, info: SummaryInfo): RunDocument;

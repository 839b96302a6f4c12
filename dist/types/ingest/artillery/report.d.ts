import { type RunDocument } from '../../document/run-document.js';
import type { SummaryFileInfo } from '../reader.js';
/** Whether a JSON object is an Artillery `--output` report: `aggregate` with `counters` or `summaries`. */
export declare function isArtilleryReport(o: Record<string, unknown>): boolean;
/** What the document says about itself, once, in its warnings (and so in every comparison's notes). */
export declare const AGGREGATE_ONLY_NOTE: string;
/**
 * A run document from Artillery's `--output` report: aggregates only, like a k6 summary (`aggregateOnly:
 * true`, every scope's numbers in `reported`, no windows). Artillery's names are kept; its summaries map
 * to k6's keys (mean → `avg`, median → `med`, p95 → `p(95)`, p999 → `p(99.9)`), so policies and
 * renderers read them as they read a k6 summary.
 *
 * - `http.response_time` (the time to the first byte): the whole run from Artillery's summary, and per
 *   endpoint `{name:…}` from `plugins.metrics-by-endpoint.response_time.<name>`.
 * - `http.requests`: counts, with the rate over the run's span; per endpoint, the endpoint's status codes
 *   and errors (`plugins.metrics-by-endpoint.<name>.codes.<code>`, `….errors.<code>`) added up.
 * - `http.failed` (a Rate): responses with status ≥ 400 plus network errors (`errors.E…`), over
 *   `http.requests`; per endpoint over its codes and errors. Other `errors.*` (a failed capture) are
 *   not failed requests: a warning names them.
 * - every other counter and summary under its own name (`http.codes.200`, `vusers.session_length`).
 *
 * The span is `firstMetricAt` to `lastMetricAt` of the aggregate.
 *
 * @throws IngestError when the JSON does not have the report's shape.
 */
export declare function artilleryReportDocument(value: unknown, info: SummaryFileInfo): RunDocument;

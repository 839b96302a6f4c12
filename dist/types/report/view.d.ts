/**
 * What the text and Markdown renderers show, as plain display strings: the order of rows and findings, the
 * label of a scope, the cells of a row, the parts of a finding line. User text is left raw here; each renderer
 * escapes it for its medium (escapeMarkdown, sanitizeTerminal).
 */
import type { Finding, MemorySummary, Outcome, Report, ScopeComparison, Severity, StageReport } from '../gate/verdict.js';
import { outcomeRank, severityRank, sortFindings } from '../gate/outcome.js';
export { outcomeRank, severityRank, sortFindings };
/** The metric name without its `{tag:value}` selector: `http_req_duration{name:GET /a}` → `http_req_duration`. */
export declare function baseMetric(metric: string): string;
/** The whole-run row's label, for the request-duration metric. */
export declare const ALL_REQUESTS = "all requests";
/**
 * What a reader calls a scope: the endpoint (`GET /api/alerts`) for k6's `name` tag, `tenant=acme` for other
 * tags, `all requests` for the whole run; prefixed by the metric when it is not the one the stage judges
 * as request latency (`ws_message_latency · GET /ws`). Raw text: escape it for the medium.
 *
 * @param latencyMetric the stage's request-latency metric (its whole-run row's); default k6's
 */
export declare function scopeLabel(scope: Pick<ScopeComparison, 'metric' | 'scope'>, latencyMetric?: string): string;
/** One table row, every cell a display string (the label raw, the rest generated and safe). */
export interface ScopeRow {
    readonly outcome: Outcome;
    /** Whether this is the whole run (no scope): it goes first within its outcome group. */
    readonly wholeRun: boolean;
    readonly label: string;
    readonly p50: string;
    readonly p95: string;
    readonly p99: string;
    readonly change: string;
    readonly throughput: string;
    readonly errorRate: string;
    readonly sure: string;
}
/** Column headings, in table order after the verdict mark; units are in the headings so the cells stay short. */
export declare const SCOPE_COLUMNS: {
    readonly label: "Endpoint";
    readonly p50: "p50 ms";
    readonly p95: "p95 ms";
    readonly p99: "p99 ms";
    readonly change: "Change";
    readonly throughput: "req/s";
    readonly errorRate: "Error rate";
    readonly sure: "How sure";
};
/**
 * A stage's scopes as table rows, in reading order: failures, then warnings, inconclusive, passes; within a
 * group the whole run first, then the largest latency change first, then by label (so the order never depends
 * on the order the gate produced).
 */
export declare function scopeRows(scopes: readonly ScopeComparison[]): ScopeRow[];
/** The metric a stage judged as request latency: its whole-run row's (the gate always makes one), else k6's. */
export declare function latencyMetricOf(scopes: readonly Pick<ScopeComparison, 'metric' | 'scope'>[]): string;
/** The parts of a finding line; `message`, `metric`, `statistic` and `threshold` are raw user-derived text. */
export interface FindingView {
    readonly severity: Severity;
    readonly message: string;
    readonly metric: string;
    readonly statistic: string;
    /** `80.1 ms → 115 ms`, or '' when the finding carries no numbers. */
    readonly values: string;
    /** Generated, safe: `+44.0 %`, `p < 0.001`, `confirmed (95 % CI +21 … +38 %)`, in that order, those that apply. */
    readonly evidence: readonly string[];
    /** Raw: `threshold +10 %` (a fraction) or `threshold p(95)<300` (an expression), or ''. */
    readonly threshold: string;
    readonly accepted: boolean;
}
export declare function findingView(f: Finding, acceptedBy?: string): FindingView;
type Run = StageReport['currentRun'];
/** `2024-05-02 09:13 UTC, 20 s, k6 0.49.0, 3f2a9c1` (raw: tool, version and sha come from the run). */
export declare function runDescription(run: Run): string;
/** One row of the memory table: which run, then start, end, peak, slope, growth. */
export interface MemoryRow {
    readonly run: 'baseline' | 'current';
    readonly start: string;
    readonly end: string;
    readonly peak: string;
    readonly slope: string;
    readonly growth: string;
}
export declare const MEMORY_COLUMNS: readonly ["Memory", "start", "end", "peak", "slope", "growth"];
export declare function memoryRows(memory: MemorySummary): MemoryRow[];
/**
 * The verdict line's text (raw): the verdict word, then the headline.
 * @example verdictText(report) === 'fail — 2 breaches in smoke: GET /api/alerts, POST /api/alerts'
 */
export declare function verdictText(report: Pick<Report, 'verdict' | 'stages'>): string;
/**
 * Findings of `report.findings` that belong to no stage (report.findings normally repeats the stages' findings;
 * anything else is shown once, under "Run-wide findings"). Compared by content, so it also works after a JSON round trip.
 */
export declare function runWideFindings(report: Pick<Report, 'stages' | 'findings'>): Finding[];

export { ingestFiles, IngestError, type IngestOptions } from './ingest/index.js';
export { mergeRuns, MergeError } from './document/merge.js';
export { k6Summary, type K6Summary } from './document/k6-summary.js';
export { RUN_DOCUMENT_SCHEMA, RunDocumentSchema, type RunDocument, type MemorySample } from './document/run-document.js';
export { loadConfig, parseConfigText, parseConfig, defaultConfig, resolvePolicy, ConfigError, type PerfGateConfig, type StagePolicy } from './config/index.js';
export { compareRuns, type CompareInput } from './gate/compare.js';
export { buildReport } from './gate/report.js';
export type { Report, StageReport, Finding, FindingKind, Outcome, Severity, Decision, Confidence, ScopeComparison } from './gate/verdict.js';
export { renderText, renderMarkdown, renderJson, renderHtml, renderTrend, type TextOptions, type MarkdownOptions, type HtmlRuns, type HtmlOptions, type TrendPoint, } from './report/index.js';

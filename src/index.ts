// The library (`import … from '@isectech/perf-gate'`): the pipeline the CLI and the Action run — read k6 output
// into run documents, resolve a stage's policy, compare, build the report, render it — and the errors a
// caller can catch. No GitHub, no child process, no load engine: those stay in the CLI and the Action.
// README "The library" walks through it (examples/library/compare.ts, type-checked in CI against the packed
// package).

// Reading runs.
export { ingestFiles, IngestError, type IngestOptions } from './ingest/index.js';
export { mergeRuns, MergeError, type MergeOptions } from './document/merge.js';
// Shards of a distributed test: the checks merge applies, and k6's execution segments as exact fractions.
export { checkShards, DEFAULT_START_TOLERANCE_S, type ShardCheckOptions } from './document/shard-check.js';
export { parseSequence, parseSegment, formatSegment, formatSequence, equalSequence, SegmentSyntaxError, type Segment } from './document/execution-segment.js';
export { k6Summary, type K6Summary } from './document/k6-summary.js';
export {
  RUN_DOCUMENT_SCHEMA,
  RunDocumentSchema,
  isReported,
  type RunDocument,
  type MemorySample,
  type Scope,
  type MeasuredScope,
  type ReportedScope,
  type Window,
  type WindowOf,
  type MetricType,
  type ShardRecord,
  type ShardsSummary,
} from './document/run-document.js';
// A scope's totals and windows read by its metric type.
export { scopeOf, reportedScopeOf, seriesOf, windowsOf, type TypedSeries } from './document/by-type.js';

// The policy: perf-gate.yml (or its defaults) and one stage's rules.
export { loadConfig, parseConfigText, parseConfig, defaultConfig, resolvePolicy, ConfigError, type PerfGateConfig, type StagePolicy } from './config/index.js';

// The verdict.
export { compareRuns, type CompareInput } from './gate/compare.js';
export { IncomparableRunsError } from './gate/same-tool.js';
export { buildReport } from './gate/report.js';
export type { Report, StageReport, Finding, FindingKind, Outcome, Severity, Decision, Confidence, ScopeComparison } from './gate/verdict.js';

// Every report target.
export {
  renderText,
  renderMarkdown,
  renderJson,
  renderHtml,
  renderTrend,
  type TextOptions,
  type MarkdownOptions,
  type HtmlRuns,
  type HtmlOptions,
  type TrendPoint,
} from './report/index.js';

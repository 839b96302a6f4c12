// The library: everything the Action and the CLI use, with no GitHub dependency.
export { ingestFiles } from './ingest/index.js';
export { mergeRuns } from './document/merge.js';
export { k6Summary } from './document/k6-summary.js';
export { RunDocumentSchema, type RunDocument } from './document/run-document.js';
export { compareRuns, type CompareInput } from './gate/compare.js';
export { buildReport } from './gate/report.js';
export type { Report, StageReport, Finding, Outcome } from './gate/verdict.js';
export { loadConfig } from './config/load.js';
export { resolvePolicy } from './config/policy.js';
export { renderMarkdown, renderText, renderJson } from './report/index.js';

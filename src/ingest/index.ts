export { ingestFiles, type IngestOptions } from './ingest.js';
export { IngestError, ACCEPTED_FORMATS } from './errors.js';
export { detectFormat, type Detected, type InputFormat } from './detect.js';
export { readMemoryFile, parseMemoryText, MEMORY_FORMATS, type RunMemory } from './memory.js';
export { summaryDocument, type SummaryInfo } from './summary.js';
export { K6_BUILTIN_METRICS } from './builtin-metrics.js';

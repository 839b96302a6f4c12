export { ingestFiles, type IngestOptions } from './ingest.js';
export { IngestError, ACCEPTED_FORMATS } from './errors.js';
export { detectFormat, type Detected } from './detect.js';
export { type Reader, type StreamReader, type SummaryReader, type MetricRoles, type StreamResult, type Head, type SummaryFileInfo } from './reader.js';
export { READERS } from './readers.js';
export { K6_READERS, K6_ROLES } from './k6/index.js';
export { readMemoryFile, parseMemoryText, MEMORY_FORMATS, type RunMemory } from './memory.js';
export { summaryDocument, type SummaryInfo } from './k6/summary.js';
export { K6_BUILTIN_METRICS } from './k6/builtin-metrics.js';

import type { Reader } from '../reader.js';
import { K6_BUILTIN_METRICS } from './builtin-metrics.js';
import { readK6Csv } from './csv.js';
import { isMachineSummary } from './machine-summary.js';
import { readK6Ndjson } from './ndjson.js';
import { K6_ROLES } from './roles.js';
import { summaryDocument } from './summary.js';

export { K6_ROLES };

const k6 = { tool: 'k6', roles: K6_ROLES, knownMetrics: K6_BUILTIN_METRICS } as const;

/** `{"type":"Metric",…` or `{"metric":…`, or a line with k6's keys in another order (k6 versions that sort keys). */
function looksLikeK6Line(line: string): boolean {
  if (line.startsWith('{"type":"Metric"') || line.startsWith('{"metric":')) return true;
  if (!line.startsWith('{') || line.length > 64 * 1024) return false;
  try {
    const v = JSON.parse(line) as { type?: unknown; data?: unknown } | null;
    return typeof v === 'object' && v !== null && (v.type === 'Metric' || v.type === 'Point') && typeof v.data === 'object';
  } catch {
    return false;
  }
}

/** k6's readers: `--out json` NDJSON, `--out csv`, and its three end-of-test summary forms. */
export const K6_READERS: readonly Reader[] = [
  { ...k6, kind: 'stream', format: 'k6-ndjson', sniff: (head) => looksLikeK6Line(head.firstLine), read: readK6Ndjson },
  { ...k6, kind: 'stream', format: 'k6-csv', sniff: (head) => /^"?metric_name"?,"?timestamp"?,"?metric_value"?/.test(head.firstLine), read: readK6Csv },
  // The machine-readable summary is told apart first: it also has `metrics` and `state`.
  { ...k6, kind: 'summary', format: 'k6-machine-readable-summary', sniff: isMachineSummary, read: (value, info) => summaryDocument(value, { ...info, format: 'k6-machine-readable-summary' }) },
  { ...k6, kind: 'summary', format: 'k6-handle-summary', sniff: (o) => isObject(o.metrics) && ('state' in o || 'options' in o), read: (value, info) => summaryDocument(value, { ...info, format: 'k6-handle-summary' }) },
  { ...k6, kind: 'summary', format: 'k6-summary-export', sniff: (o) => isObject(o.metrics) && 'root_group' in o, read: (value, info) => summaryDocument(value, { ...info, format: 'k6-summary-export' }) },
];

function isObject(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

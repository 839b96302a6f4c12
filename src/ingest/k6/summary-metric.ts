import type { MetricType } from '../../document/run-document.js';
import { IngestError } from '../errors.js';

/** One metric or submetric of a k6 summary, in the legacy summaries' terms. */
export interface ParsedMetric {
  readonly key: string;
  readonly base: string;
  readonly tags: Record<string, string>;
  readonly type: MetricType;
  readonly contains: 'time' | 'data' | 'default';
  readonly reported: Record<string, number>;
  /** Threshold expression → passed. */
  readonly thresholds: readonly { readonly expression: string; readonly passed: boolean }[];
}

/**
 * Splits k6's `metric{tag:value,tag2:value2}` (keys and values trimmed of spaces and quotes, as k6 does).
 * @throws IngestError on a `{` without its `}`.
 */
export function parseMetricKey(key: string, file: string): { base: string; tags: Record<string, string> } {
  const open = key.indexOf('{');
  if (open < 0) return { base: key, tags: {} };
  const close = key.lastIndexOf('}');
  if (close < open) throw new IngestError(file, `metric '${key}': a submetric needs '{tag:value}'`);
  const tags: Record<string, string> = {};
  for (const part of key.slice(open + 1, close).split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      if (part.trim() === '') continue;
      throw new IngestError(file, `metric '${key}': '${part}' is not tag:value`);
    }
    tags[trimTag(part.slice(0, colon))] = trimTag(part.slice(colon + 1));
  }
  return { base: key.slice(0, open).trim(), tags };
}

function trimTag(s: string): string {
  return s.trim().replace(/^["']|["']$/g, '').trim();
}

import type { StagePolicy } from '../config/policy.js';
import { submetricsOf } from '../config/submetrics.js';
import type { IngestOptions } from '../ingest/index.js';

/**
 * The options a stage's load output is read with: by `ingestFiles` after the load, or by an engine that
 * builds the run document while the load runs (k6's live output), so both give the same document. The
 * submetrics are those the policy's thresholds name (k6 declares the script's own in its Metric lines).
 *
 * @example stageIngestOptions('smoke', policy, { gitSha: 'abc123' })
 *   // { stage: 'smoke', groupBy: ['name'], window: 'auto', maxScopes: 500, submetrics: [], gitSha: 'abc123' }
 */
export function stageIngestOptions(stage: string, policy: StagePolicy, run: { readonly gitSha?: string; readonly labels?: Readonly<Record<string, string>> }): IngestOptions {
  return {
    stage,
    groupBy: policy.groupBy,
    window: policy.window,
    maxScopes: policy.maxScopes,
    submetrics: submetricsOf(policy.thresholds.map((t) => t.metric)),
    ...(run.gitSha !== undefined ? { gitSha: run.gitSha } : {}),
    ...(run.labels !== undefined ? { labels: { ...run.labels } } : {}),
  };
}

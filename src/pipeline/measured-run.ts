/**
 * What a load engine measured, as a run document: the tool's files ingested under the stage's policy,
 * or the document the engine built itself, with the tool's version and marked partial when the load
 * ended early. The stage pipeline and the A/B rounds (src/ab/) both turn a LoadOutput into a run this way.
 */
import type { StagePolicy } from '../config/policy.js';
import type { RunDocument } from '../document/run-document.js';
import { ingestFiles } from '../ingest/index.js';
import type { LoadOutput } from './ports.js';
import { withSubmetrics } from '../config/submetrics.js';
import { stageIngestOptions } from './stage-ingest.js';

/** What is recorded in every ingested run document besides the measurements. */
export interface RunRecord {
  /** The commit measured. */
  readonly gitSha?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * The run document of what the engine measured, marked partial (with `stoppedEarly` in its warnings)
 * when the load was cancelled or stopped before the stage ended.
 *
 * @param policy the stage's policy with the script's thresholds (withScriptThresholds): its `groupBy`,
 *   `window`, `maxScopes` and the submetrics its thresholds name shape the ingested document.
 * @throws IngestError when the tool's files cannot be read.
 */
export async function measuredRun(stage: string, policy: StagePolicy, output: LoadOutput, record: RunRecord = {}): Promise<RunDocument> {
  // A shard keeps the scopes of the script's thresholds it recorded (k6 declares none under --no-thresholds).
  const options = withSubmetrics(stageIngestOptions(stage, policy, record), Object.keys(output.shard?.thresholds ?? {}));
  const run = output.measured.kind === 'files' ? await ingestFiles(output.measured.files, options) : output.measured.document;
  const meta = { ...run.meta, ...(output.toolVersion !== undefined ? { toolVersion: output.toolVersion } : {}), ...(output.shard ? { shard: output.shard } : {}) };
  const partial = output.cancelled || output.stoppedEarly !== undefined;
  return {
    ...run,
    meta: partial ? { ...meta, partial: true, warnings: [...meta.warnings, ...(output.stoppedEarly !== undefined ? [output.stoppedEarly] : [])] } : meta,
  };
}

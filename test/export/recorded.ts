import { buildReport } from '../../src/gate/report.js';
import type { Report } from '../../src/gate/verdict.js';
import { compareRuns } from '../../src/gate/compare.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import { ingestFiles } from '../../src/ingest/index.js';

/** The report of two recorded k6 runs (test/fixtures/k6) judged as stage smoke. */
export async function compareRecorded(baseline: string, current: string): Promise<Report> {
  const [b, c] = await Promise.all([ingestFiles([`test/fixtures/k6/${baseline}.ndjson.gz`]), ingestFiles([`test/fixtures/k6/${current}.ndjson.gz`])]);
  return buildReport([compareRuns({ baseline: b, current: c, policy: resolvePolicy(defaultConfig(), 'smoke') })], new Date('2026-12-03T10:00:00Z'));
}

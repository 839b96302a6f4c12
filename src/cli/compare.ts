import { loadConfig } from '../config/load.js';
import { resolvePolicy } from '../config/policy.js';
import { stageNames } from '../config/schema.js';
import { submetricsOf } from '../config/submetrics.js';
import { ingestFiles } from '../ingest/index.js';
import { judgeAndReport } from './judge.js';
import type { CompareCliOptions, Io } from './main.js';

export async function compareCommand(opts: CompareCliOptions, io: Io): Promise<number> {
  const config = await loadConfig(opts.config);
  if (opts.stage !== undefined) resolvePolicy(config, opts.stage); // an unknown stage is a usage error before any reading
  // Keep every submetric any stage's thresholds name: the stage may only be known from the run document.
  const submetrics = stageNames(config.stages).flatMap((name) => resolvePolicy(config, name).thresholds.map((t) => t.metric));
  const ingestOptions = { groupBy: config.groupBy, window: config.window, maxScopes: config.maxScopes, submetrics: submetricsOf(submetrics) };
  const baseline = await ingestFiles(opts.baseline, { ...ingestOptions, ...(opts.baselineMemory ? { memory: opts.baselineMemory } : {}) });
  const current = await ingestFiles(opts.current, { ...ingestOptions, ...(opts.currentMemory ? { memory: opts.currentMemory } : {}), ...(opts.stage ? { stage: opts.stage } : {}) });
  const stage = opts.stage ?? current.meta.stage ?? baseline.meta.stage ?? 'smoke';
  if (opts.stage === undefined) io.stderr(`perf-gate: stage ${stage} (${current.meta.stage ?? baseline.meta.stage ? 'from the run document' : 'default; pass --stage'})\n`);
  const policy = resolvePolicy(config, stage);
  return judgeAndReport({ stage, policy, baseline, current }, opts, io);
}

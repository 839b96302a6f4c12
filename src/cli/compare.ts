import { loadConfig } from '../config/load.js';
import { resolvePolicy } from '../config/policy.js';
import { stageNames } from '../config/schema.js';
import { submetricsOf } from '../config/submetrics.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import { shouldFail } from '../gate/should-fail.js';
import type { Report } from '../gate/verdict.js';
import { ingestFiles } from '../ingest/index.js';
import { rendererFor, renderText, type StageRuns } from '../report/index.js';
import { UsageError } from './usage-error.js';
import { EXIT } from './exit-codes.js';
import type { CompareCliOptions, Io } from './main.js';
import { writeOutput } from './write-output.js';

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
  for (const w of current.meta.warnings) io.stderr(`perf-gate: warning: ${w}\n`);
  const report = buildReport([compareRuns({ baseline, current, policy })], new Date());
  const rendered = render(report, opts.format, io.color && !opts.output, [{ stage, baseline, current }]);
  // The verdict goes out first: a report file that cannot be written must not hide it.
  io.stdout(opts.output ? renderText(report, { color: io.color }) : rendered);
  if (report.verdict === 'inconclusive' && !opts.failOnInconclusive) {
    io.stderr('perf-gate: warning: the verdict is inconclusive (the data cannot decide); pass --fail-on-inconclusive to fail on it\n');
  }
  if (opts.output) {
    const failed = await writeOutput(opts.output, opts.format === 'text' ? renderText(report, { color: false }) : rendered, `the ${opts.format} report`);
    if (failed !== undefined) {
      io.stderr(`perf-gate: ${failed} (the verdict above stands: ${report.verdict})\n`);
      return EXIT.usage;
    }
    io.stderr(`perf-gate: wrote ${opts.format} report to ${opts.output}\n`);
  }
  return exitStatus(report, opts);
}

/** The report in the asked format; text keeps its colour on a terminal. */
function render(report: Report, format: string, color: boolean, runs: readonly StageRuns[]): string {
  if (format === 'text') return renderText(report, { color });
  const renderer = rendererFor(format);
  if (!renderer) throw new UsageError(`--format: unknown format '${format}'`);
  return renderer.render({ report, runs });
}

/** The exit status of a judged report under `--fail-on` and `--fail-on-inconclusive` (see {@link shouldFail}). */
export function exitStatus(report: Report, opts: Pick<CompareCliOptions, 'failOn' | 'failOnInconclusive'>): number {
  return shouldFail(report.verdict, opts.failOn, opts.failOnInconclusive ?? false) ? EXIT.fail : EXIT.pass;
}

import { exportToPrometheus } from './prometheus-export.js';
import type { StagePolicy } from '../config/policy.js';
import { recordedThresholds } from '../config/recorded-thresholds.js';
import { withScriptThresholds } from '../pipeline/script-thresholds.js';
import type { RunDocument } from '../document/run-document.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import { shouldFail, type FailOn } from '../gate/should-fail.js';
import type { Report } from '../gate/verdict.js';
import { rendererFor, renderText, type StageRuns } from '../report/index.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { writeOutput } from './write-output.js';

/** How a judged run is reported and what exits 1: the options `compare` and `collect` share. */
export interface JudgeCliOptions {
  /** A renderer's format (see src/report/renderers.ts): text, markdown, json, html. */
  readonly format: string;
  /** Where the report is written (the terminal still gets the text verdict). */
  readonly output?: string;
  readonly failOn: FailOn;
  readonly failOnInconclusive?: boolean;
  /** `--openmetrics FILE`, `--prometheus-remote-write URL` (prometheus-export.ts). */
  readonly openmetrics?: string;
  readonly prometheusRemoteWrite?: string;
}

/** One stage's runs to judge: the baseline (none: SLOs only) and the current run, under the stage's policy. */
export interface JudgeInput {
  readonly stage: string;
  readonly policy: StagePolicy;
  readonly baseline?: RunDocument;
  readonly current: RunDocument;
}

/**
 * Judges one stage and reports it as `perf-gate compare` does: the current run's warnings, the verdict on
 * stdout (the text verdict when the report goes to a file), the report file, and the exit status.
 */
export async function judgeAndReport(input: JudgeInput, opts: JudgeCliOptions, io: Io): Promise<number> {
  const { stage, baseline, current } = input;
  // A merged distributed run carries the script's thresholds its shards recorded: judged here, once.
  const policy = withScriptThresholds(input.policy, recordedThresholds(current.meta.shards?.thresholds));
  for (const w of current.meta.warnings) io.stderr(`perf-gate: warning: ${w}\n`);
  const report = buildReport([compareRuns({ ...(baseline ? { baseline } : {}), current, policy })], new Date());
  const rendered = render(report, opts.format, io.color && !opts.output, [{ stage, ...(baseline ? { baseline } : {}), current }]);
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
  await exportToPrometheus(report, opts, io);
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
export function exitStatus(report: Report, opts: Pick<JudgeCliOptions, 'failOn' | 'failOnInconclusive'>): number {
  return shouldFail(report.verdict, opts.failOn, opts.failOnInconclusive ?? false) ? EXIT.fail : EXIT.pass;
}

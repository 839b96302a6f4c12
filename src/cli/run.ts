import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { configErrorMap, toConfigIssues } from '../config/schema-issues.js';
import { formatConfigIssue, type ConfigPathSegment } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { resolvePolicy, type StagePolicy } from '../config/policy.js';
import { checkPolicyBeforeRun } from '../gate/check-policy.js';
import { K6_BUILTIN_METRICS } from '../ingest/builtin-metrics.js';
import type { PerfGateConfig } from '../config/schema.js';
import { submetricsOf } from '../config/submetrics.js';
import type { MemorySample, RunDocument } from '../document/run-document.js';
import { runEmbedded } from '../engine/embedded/run-embedded.js';
import { WorkloadSchema, type Workload } from '../config/workload.js';
import { childEnv } from '../engine/child-env.js';
import { describeK6Exit } from '../engine/k6-exit.js';
import { parseK6Version } from '../engine/k6-version.js';
import { runK6 } from '../engine/k6-run.js';
import type { EngineLog } from '../engine/log.js';
import { sampleEndpoint } from '../engine/memory-sampler.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import type { Report, StageReport } from '../gate/verdict.js';
import { ingestFiles } from '../ingest/index.js';
import { renderHtml, renderJson, renderMarkdown, renderText } from '../report/index.js';
import { exitStatus } from './compare.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';

export interface RunCliOptions {
  config?: string;
  stage: string;
  engine: 'k6' | 'embedded' | 'auto';
  script?: string;
  targetUrl?: string;
  baseline?: string;
  memoryUrl?: string;
  output: string;
  failOn: 'fail' | 'warn' | 'never';
  failOnInconclusive?: boolean;
}

/** The signals that stop `perf-gate run` gracefully (the first one; a second ends it at once). */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * The exit status after a stop signal: 128 + its number, as a shell reports a process the signal ended
 * (130 SIGINT, 143 SIGTERM, 129 SIGHUP) — never 0, so an interrupted gate never reads as a pass, and
 * distinct from 1 (the gate failed) and 2 (usage error).
 */
export function interruptedStatus(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

type Engine = { name: 'k6'; why: string; version: string } | { name: 'embedded'; why: string };

/**
 * `perf-gate run`: runs stages with k6 when it is on PATH (or `--engine k6`) and with the embedded
 * engine otherwise, samples memory, compares with a baseline when one is given, prints the report and
 * writes it (and each stage's run document) into the output folder. A stop signal (`io.onStopSignal`)
 * stops the load gracefully: the stage that ran is reported, marked partial, and the status is
 * {@link interruptedStatus}.
 */
export async function runCommand(opts: RunCliOptions, io: Io): Promise<number> {
  const stop = new AbortController();
  let interrupted: StopSignal | undefined;
  const removeHandler = io.onStopSignal?.((signal) => {
    interrupted = signal;
    io.stderr(`\nperf-gate: ${signal}: stopping the load and reporting what was measured (partial); send it again to stop at once\n`);
    stop.abort(new Error(`interrupted by ${signal}`));
  });
  try {
    const report = await runStages(opts, io, stop.signal);
    if (interrupted !== undefined) {
      io.stderr(`perf-gate: interrupted by ${interrupted}: exit status ${interruptedStatus(interrupted)}${report ? ' (the report covers the part that ran)' : ''}\n`);
      return interruptedStatus(interrupted);
    }
    if (!report) throw new Error('no stage ran, yet perf-gate was not interrupted');
    return exitStatus(report, opts);
  } finally {
    removeHandler?.();
  }
}

/** Runs the stages and writes the reports; undefined when stopped before any stage ran. */
async function runStages(opts: RunCliOptions, io: Io, signal: AbortSignal): Promise<Report | undefined> {
  const config = await loadConfig(opts.config);
  const stages = opts.stage.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (stages.length === 0) throw new UsageError(`--stage: expected one or more stage names separated by commas, got '${opts.stage}'`);
  // Unknown stages, and thresholds that cannot fit a built-in metric, fail before any load is sent.
  for (const stage of stages) checkPolicyBeforeRun(resolvePolicy(config, stage), K6_BUILTIN_METRICS);
  if (opts.targetUrl !== undefined) checkTargetUrl(opts.targetUrl);
  const engine = chooseEngine(opts, config);
  // Every stage's workload is checked before the first one runs.
  const workloads = engine.name === 'embedded' ? new Map(stages.map((stage) => [stage, stageWorkload(config, stage, opts)])) : undefined;
  io.stderr(`perf-gate: engine ${engine.name} (${engine.why})\n`);
  const out = resolve(opts.output);
  mkdirSync(out, { recursive: true });
  const log: EngineLog = { info: (m) => io.stderr(`  ${m}\n`), warning: (m) => io.stderr(`  warning: ${m}\n`), debug: () => undefined };
  const baseline = opts.baseline ? await ingestFiles([opts.baseline], { groupBy: config.groupBy, maxScopes: config.maxScopes }) : undefined;
  const reports: StageReport[] = [];
  const runs = [];
  for (const stage of stages) {
    if (signal.aborted) {
      io.stderr(`perf-gate: stage ${stage} not run (interrupted)\n`);
      continue;
    }
    const policy = resolvePolicy(config, stage);
    io.stderr(`\n▶ stage ${stage}\n`);
    const memory = opts.memoryUrl ? sampleEndpoint(opts.memoryUrl, log, 1000) : undefined;
    let measured: Measured | undefined;
    let samples: MemorySample[] = [];
    try {
      measured = engine.name === 'k6'
        ? await measureWithK6(opts, engine.version, stage, policy, join(out, `${stage}.ndjson`), log, signal)
        : await measureEmbedded(workloads!.get(stage)!, stage, policy, log, signal);
    } finally {
      // Stopped on every path: its timer would keep the process alive.
      samples = (await memory?.stop()) ?? [];
    }
    if (!measured) continue;
    const { stopped } = measured;
    const current: RunDocument = samples.length > 0 ? { ...measured.current, memory: { source: opts.memoryUrl!, samples } } : measured.current;
    writeFileSync(join(out, `${stage}.run.json`), `${JSON.stringify(current)}\n`);
    const stageBaseline = baseline && (baseline.meta.stage === undefined || baseline.meta.stage === stage) ? baseline : undefined;
    const judged = compareRuns({ ...(stageBaseline ? { baseline: stageBaseline } : {}), current, policy });
    const note = 'perf-gate run was interrupted: the load was stopped and this stage covers what was measured until then (partial).';
    reports.push(stopped && signal.aborted ? { ...judged, notes: [note, ...judged.notes] } : judged);
    runs.push({ stage, ...(stageBaseline ? { baseline: stageBaseline } : {}), current });
  }
  if (reports.length === 0) {
    io.stderr('perf-gate: interrupted before any stage ran: nothing was measured, no report written\n');
    return undefined;
  }
  const report = buildReport(reports, new Date());
  writeFileSync(join(out, 'report.json'), renderJson(report));
  writeFileSync(join(out, 'report.md'), renderMarkdown(report));
  writeFileSync(join(out, 'report.html'), renderHtml(report, runs));
  io.stdout(`\n${renderText(report, { color: io.color })}`);
  io.stderr(`perf-gate: reports and run documents in ${out}\n`);
  return report;
}

interface Measured {
  readonly current: RunDocument;
  /** Stopped before the stage ended (interrupted, or k6 stopped from outside): the document is partial. */
  readonly stopped: boolean;
}

/** One stage with k6; undefined when interrupted before k6 started. */
async function measureWithK6(opts: RunCliOptions, version: string, stage: string, policy: StagePolicy, outFile: string, log: EngineLog, signal: AbortSignal): Promise<Measured | undefined> {
  let result;
  try {
    result = await runK6({ k6: 'k6', script: opts.script!, stage, outFile, ...(opts.targetUrl ? { baseUrl: opts.targetUrl } : {}), log, signal });
  } catch (err) {
    if (signal.aborted) return undefined;
    throw err;
  }
  const exit = describeK6Exit(result.exitCode, result.stderrTail, result.signal);
  if (!result.cancelled && exit.status === 'failed') throw new UsageError(exit.message);
  if (exit.status === 'stopped' && !result.cancelled) log.warning(exit.message);
  const stopped = result.cancelled || exit.status === 'stopped';
  const ingested = await ingestFiles([outFile], { stage, groupBy: policy.groupBy, window: policy.window, maxScopes: policy.maxScopes, submetrics: submetricsOf(policy.thresholds.map((t) => t.metric)) });
  const meta = { ...ingested.meta, toolVersion: version };
  // A stopped k6 wrote whole lines up to where it stopped: the file is intact but the run is not.
  return { current: { ...ingested, meta: stopped ? { ...meta, partial: true, warnings: [...meta.warnings, `k6 was stopped before the stage ended (${exit.kind})`] } : meta }, stopped };
}

/** One stage with the embedded engine (it stops the load itself when the signal fires). */
async function measureEmbedded(workload: Workload, stage: string, policy: StagePolicy, log: EngineLog, signal: AbortSignal): Promise<Measured> {
  const current = await runEmbedded(workload, { stage, log, groupBy: policy.groupBy, signal });
  const stopped = signal.aborted;
  return { current: stopped ? { ...current, meta: { ...current.meta, partial: true } } : current, stopped };
}

/** `--target-url` must be an http(s) URL, whichever engine runs. */
function checkTargetUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(`--target-url must be an http(s) URL such as http://127.0.0.1:8080, but got '${value}'`);
  }
}

/**
 * The embedded engine's workload of a stage: the config's `workload:`, `--target-url` as its `baseUrl`,
 * then the stage's `workload:` override. A problem names where the value came from (the option, or the
 * key of the config file) and the value.
 *
 * @throws UsageError one line per problem.
 */
function stageWorkload(config: PerfGateConfig, stage: string, opts: RunCliOptions): Workload {
  const override = config.stages[stage]?.workload ?? {};
  const merged = { ...config.workload!, ...(opts.targetUrl ? { baseUrl: opts.targetUrl } : {}), ...override };
  const parsed = WorkloadSchema.safeParse(merged, { error: configErrorMap });
  if (parsed.success) return parsed.data;
  const file = opts.config ?? 'the config';
  const lines = toConfigIssues(parsed.error.issues).map((issue) => {
    const key = issue.path[0];
    if (key === 'baseUrl' && opts.targetUrl) return `--target-url: ${issue.message}`;
    const path: ConfigPathSegment[] = typeof key === 'string' && key in override ? ['stages', stage, 'workload', ...issue.path] : ['workload', ...issue.path];
    return formatConfigIssue({ path, message: issue.message }, file);
  });
  throw new UsageError(`the workload of stage ${stage} cannot run: ${lines.join('; ')}`);
}

function chooseEngine(opts: RunCliOptions, config: PerfGateConfig): Engine {
  const k6Version = k6OnPath();
  switch (opts.engine) {
    case 'k6':
      if (!opts.script) throw new UsageError('--engine k6 needs --script <k6 script>');
      if (!k6Version) throw new UsageError('--engine k6: k6 is not on PATH — install it, or use --engine embedded with a `workload:` in the config');
      return { name: 'k6', why: `k6 v${k6Version} on PATH`, version: k6Version };
    case 'embedded':
      if (!config.workload) throw new UsageError("--engine embedded needs a `workload:` in the config (requests, connections, duration) — see docs/embedded-engine.md");
      return { name: 'embedded', why: 'asked for' };
    case 'auto':
      if (k6Version && opts.script) return { name: 'k6', why: `k6 v${k6Version} found on PATH`, version: k6Version };
      if (config.workload) return { name: 'embedded', why: k6Version ? 'no --script given' : 'k6 is not on PATH' };
      throw new UsageError('nothing to run: give --script with k6 on PATH, or a `workload:` in the config for the embedded engine');
  }
}

/** The version of the k6 on PATH (`k6 version`, in a child environment without secrets), if there is one. */
function k6OnPath(): string | undefined {
  try {
    const output = execFileSync('k6', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000, env: childEnv({ parent: process.env }).env });
    return parseK6Version(output);
  } catch {
    return undefined;
  }
}

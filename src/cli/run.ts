import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { writeJsonFileSync } from '../pipeline/write-json-file.js';
import { endpointMemory } from '../engine/memory-sources.js';
import { shouldFail, type FailOn } from '../gate/should-fail.js';
import type { Report } from '../gate/verdict.js';
import { abSettings } from '../ab/ab-settings.js';
import { runAbPipeline } from '../ab/run-ab-stages.js';
import { chooseEngine, engineForInputs, LOAD_ENGINES, type EngineChoice, type LoadEngineName } from '../pipeline/engines.js';
import type { PlannedStage } from '../pipeline/plan-stages.js';
import type { PerfGateConfig } from '../config/schema.js';
import type { ProgressSnapshot } from '../engine/live-progress.js';
import { headlineOf } from '../report/words.js';
import { parseServeAddress, startLiveServer, type LiveServer } from './live-server.js';
import { checkPrometheusOptions, exportToPrometheus } from './prometheus-export.js';
import { FileBaselineStore } from '../pipeline/file-store.js';
import { noBaseline } from '../pipeline/no-baseline.js';
import { planStages } from '../pipeline/plan-stages.js';
import { withMaxDuration } from '../pipeline/max-duration.js';
import type { BaselineStore, EngineSetup, Log, ShardSetup } from '../pipeline/ports.js';
import { shardPlan, ShardSpecError, startAtWait } from '../engine/k6-shard.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { parseStageList } from '../pipeline/stage-list.js';
import { renderHtml, renderJson, renderMarkdown, renderText } from '../report/index.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { interruptedStatus, type StopSignal } from './stop-signals.js';

export { interruptedStatus, STOP_SIGNALS, type StopSignal } from './stop-signals.js';

export interface RunCliOptions {
  config?: string;
  /** `--serve [host:]port`: a live page of the figures while the load runs (live-server.ts). */
  serve?: string;
  /** `--openmetrics FILE`, `--prometheus-remote-write URL`: the judged run to Prometheus (prometheus-export.ts). */
  openmetrics?: string;
  prometheusRemoteWrite?: string;
  stage: string;
  engine: LoadEngineName | 'auto';
  script?: string;
  /** `--plan`: the JMeter test plan (.jmx). */
  plan?: string;
  targetUrl?: string;
  baseline?: string;
  /** A/B mode: the baseline service, loaded in rounds alternating with targetUrl. */
  baselineUrl?: string;
  /** A/B mode: round pairs, or 'auto'. */
  rounds?: string;
  /** A/B mode: each round's length (`20s`). */
  roundDuration?: string;
  /** `--max-duration`: the sequential stages' budget, overriding the config's `sequential.maxDuration`. */
  maxDuration?: string;
  memoryUrl?: string;
  output: string;
  failOn: FailOn;
  failOnInconclusive?: boolean;
  /** How k6 hands over its output (`--k6-output`): live through a FIFO (default) or a file. */
  k6Output?: 'live' | 'file';
  /** `--raw-output`: a copy of k6's raw NDJSON per stage (`{stage}` replaced), gzipped for `.gz`. */
  rawOutput?: string;
  /** `--shard i/N`: run one shard of a distributed test (k6 only; docs/distributed.md). */
  shard?: string;
  /** `--segment-sequence`: k6's execution segment sequence for unequal shards. */
  segmentSequence?: string;
  /** `--start-at`: ISO time every shard waits for. */
  startAt?: string;
  /** `--region`: the shard's region, tagged on its samples and recorded. */
  region?: string;
}

/** How the CLI's messages name its settings. */
const OPTION_NAMES = { script: '--script', targetUrl: '--target-url', plan: '--plan' } as const;

/** A/B mode when `--baseline-url` is given: the two URLs, `--rounds` and `--round-duration`, checked (ab/ab-settings.ts). */
function abOptions(opts: RunCliOptions): { pairs: number; roundDurationS: number; urls: { baseline: string; candidate: string } } | undefined {
  if (opts.baselineUrl === undefined) return undefined;
  const settings = abSettings(opts.rounds ?? 'auto', opts.roundDuration ?? '20s', { rounds: '--rounds', roundDuration: '--round-duration' });
  if ('problems' in settings) throw new UsageError(settings.problems.join('; '));
  checkTargetUrl(opts.baselineUrl, '--baseline-url');
  if (opts.targetUrl === undefined) throw new UsageError('--baseline-url needs --target-url: A/B mode loads the baseline service and the candidate at --target-url in alternating rounds');
  if (opts.baseline !== undefined) throw new UsageError('--baseline-url and --baseline cannot be combined: A/B mode measures its baseline in the same job');
  return { ...settings, urls: { baseline: opts.baselineUrl, candidate: opts.targetUrl } };
}

/**
 * `perf-gate run`: the stage pipeline the Action runs, from the command line. The stages run with k6 when
 * it is on PATH (or `--engine k6`) and with the embedded engine otherwise, with JMeter when `--plan` is
 * given without `--script` (or `--engine jmeter`); memory is sampled from
 * `--memory-url`; each stage is compared with `--baseline` when it is of that stage; the report is printed
 * and written (with each stage's run document) into the output folder. A stop signal (`io.onStopSignal`)
 * stops the load gracefully: the stage that ran is reported, marked partial, and the status is
 * {@link interruptedStatus}. A load tool that fails (a script exception) throws LoadFailedError.
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
    const shard = shardOptions(opts);
    const report = await runStages(opts, io, stop.signal, shard);
    if (interrupted !== undefined) {
      io.stderr(`perf-gate: interrupted by ${interrupted}: exit status ${interruptedStatus(interrupted)}${report ? ' (the report covers the part that ran)' : ''}\n`);
      return interruptedStatus(interrupted);
    }
    if (!report) throw new Error('no stage ran, yet perf-gate was not interrupted');
    if (shard) {
      // A shard's verdict would judge a slice as if it were the test: the merged run is judged instead.
      io.stderr(`perf-gate: shard ${shard.spec}: its run document is written; merge the shards (perf-gate merge) and judge the merged run (perf-gate compare) — this shard's own verdict (${report.verdict}) does not set the exit status\n`);
      return EXIT.pass;
    }
    if (report.verdict === 'inconclusive' && !opts.failOnInconclusive) {
      io.stderr('perf-gate: warning: the verdict is inconclusive (the data cannot decide); pass --fail-on-inconclusive to fail on it\n');
    }
    return shouldFail(report.verdict, opts.failOn, opts.failOnInconclusive ?? false) ? EXIT.fail : EXIT.pass;
  } finally {
    removeHandler?.();
  }
}

/** Progress lines (and live-page figures) every 2 s with `--serve`. */
const SERVE_PROGRESS_MS = 2000;

/** Runs the stages and writes the reports; undefined when stopped before any stage ran. */
async function runStages(opts: RunCliOptions, io: Io, signal: AbortSignal, shard: ShardSetup | undefined): Promise<Report | undefined> {
  const config = await loadConfig(opts.config);
  const list = parseStageList(opts.stage, '--stage');
  if (list.problems.length > 0) throw new UsageError(list.problems.join('; '));
  // Unknown stages, and thresholds that cannot fit a built-in metric, fail before any load is sent.
  const planned = planStages(config, list.stages);
  const budget = opts.maxDuration !== undefined ? withMaxDuration(planned, opts.maxDuration, '--max-duration') : { stages: planned };
  if ('problem' in budget) throw new UsageError(budget.problem);
  const stages = budget.stages;
  if (opts.targetUrl !== undefined) checkTargetUrl(opts.targetUrl, '--target-url');
  const ab = abOptions(opts);
  if (opts.rawOutput !== undefined && list.stages.length > 1 && !opts.rawOutput.includes('{stage}')) {
    throw new UsageError(`--raw-output is written by each of the ${list.stages.length} stages: put {stage} in it, e.g. perf/{stage}.ndjson.gz (got '${opts.rawOutput}')`);
  }
  const serve = opts.serve !== undefined ? parseServeAddress(opts.serve) : undefined;
  checkPrometheusOptions(opts);
  const setup: EngineSetup = {
    config,
    // The live page wants figures more often than a terminal wants lines.
    ...(serve ? { progressIntervalMs: SERVE_PROGRESS_MS } : {}),
    stages: list.stages,
    ...(opts.script !== undefined ? { script: opts.script } : {}),
    ...(opts.plan !== undefined ? { plan: opts.plan } : {}),
    ...(opts.targetUrl !== undefined ? { targetUrl: opts.targetUrl } : {}),
    env: {},
    flags: [],
    secrets: [],
    processEnv: process.env,
    ...(opts.k6Output !== undefined ? { k6Output: opts.k6Output } : {}),
    ...(opts.rawOutput !== undefined ? { rawOutput: opts.rawOutput } : {}),
    ...(shard ? { shard } : {}),
    names: { ...OPTION_NAMES, config: opts.config ?? 'the config' },
  };
  if (opts.plan !== undefined && opts.engine !== 'auto' && opts.engine !== 'jmeter') {
    throw new UsageError(`--plan is a JMeter test plan, but --engine is ${opts.engine}: pass --engine jmeter (or leave --engine out), or leave out --plan`);
  }
  // A plan without a script is JMeter's input: `auto` must not hand it to k6 or the embedded engine.
  const wanted = engineForInputs(opts.engine, opts);
  const choice = await chooseEngine(wanted, setup);
  if ('problem' in choice) throw new UsageError(opts.engine !== 'auto' ? `--engine ${choice.problem}` : wanted !== 'auto' ? `${choice.problem} (--plan is a JMeter test plan)` : choice.problem);
  if (shard && choice.name !== 'k6') {
    throw new UsageError(`--shard runs a slice of a k6 test with k6's execution segments, but the engine is ${choice.name}: run it with --engine k6 and a k6 --script`);
  }
  const live = serve ? await startLiveServer(serve) : undefined;
  if (live) io.stderr(`perf-gate: live figures at ${live.url}\n`);
  try {
    const report = await runWithLog(opts, io, signal, shard, { config, stageNames: list.stages, stages, ab, setup, choice }, live);
    if (report) live?.send({ type: 'done', verdict: report.verdict, headline: `perf-gate: ${report.verdict} — ${headlineOf(report)}` });
    return report;
  } finally {
    await live?.close();
  }
}

/** What runStages settled before any load is sent. */
interface Prepared {
  readonly config: PerfGateConfig;
  readonly stageNames: readonly string[];
  readonly stages: readonly PlannedStage[];
  readonly ab: ReturnType<typeof abOptions>;
  readonly setup: EngineSetup;
  readonly choice: Exclude<EngineChoice, { readonly problem: string }>;
}

/** runStages once the engine is chosen: the load, the comparison and the reports, logging to stderr (and the live page). */
async function runWithLog(opts: RunCliOptions, io: Io, signal: AbortSignal, shard: ShardSetup | undefined, prepared: Prepared, live: LiveServer | undefined): Promise<Report | undefined> {
  const { config, stageNames, stages, ab, setup, choice } = prepared;
  let stage: string | undefined;
  const log: Log = {
    info: (m) => {
      io.stderr(`  ${m}\n`);
      live?.send({ type: 'log', line: m });
    },
    warning: (m) => {
      io.stderr(`  warning: ${m}\n`);
      live?.send({ type: 'log', line: `warning: ${m}` });
    },
    debug: () => undefined,
    group: (title, fn) => {
      io.stderr(`\n▶ ${title}\n`);
      stage = title.replace(/^stage /, '');
      live?.send({ type: 'stage', stage });
      return fn();
    },
    ...(live ? { progress: (snapshot: ProgressSnapshot) => live.send({ type: 'progress', stage, snapshot }) } : {}),
  };
  let baselines: BaselineStore = noBaseline;
  if (shard && opts.baseline !== undefined) {
    io.stderr(`perf-gate: shard ${shard.spec}: --baseline is not compared with a shard (a slice of the load is no run of the stage); compare the merged run with it: perf-gate merge … && perf-gate compare --baseline ${opts.baseline} --current merged.json\n`);
  } else if (opts.baseline !== undefined) {
    // One file for every stage; a stage it is not a run of is judged without it.
    const file = new FileBaselineStore({ path: opts.baseline, perStage: false, ingest: { groupBy: config.groupBy, maxScopes: config.maxScopes }, log });
    // A baseline that cannot be read is a mistake on the command line (exit 2), said before any load is
    // sent — unlike the Action, whose baseline file may not be committed yet.
    await file.runOf(stageNames[0]!);
    baselines = file;
  }
  io.stderr(`perf-gate: engine ${choice.name} (${choice.why})\n`);
  const out = resolve(opts.output);
  mkdirSync(out, { recursive: true });
  const memory = opts.memoryUrl !== undefined ? endpointMemory(opts.memoryUrl, log, 1000) : undefined;

  const cancelledNote = 'perf-gate run was interrupted: the load was stopped and this stage covers what was measured until then (partial).';
  const clock = { now: () => new Date() };
  const { runs, notRun, report } = ab
    ? await runAbPipeline({ stages, ...ab, workDir: out, signal, cancelledNote }, { engine: registryEntry(choice.name), setup, clock, log })
    : await runPipeline({ stages, workDir: out, signal, cancelledNote }, { engine: choice.engine, ...(memory ? { memory } : {}), baselines, clock, log });
  for (const stage of notRun) io.stderr(`perf-gate: stage ${stage} not run (interrupted)\n`);
  if (runs.length === 0) {
    io.stderr('perf-gate: interrupted before any stage ran: nothing was measured, no report written\n');
    return undefined;
  }
  for (const run of runs) {
    // In pieces: a long stage's document is megabytes of JSON, and this is when the process is largest.
    writeJsonFileSync(join(out, `${run.stage}.run.json`), run.current);
    // A/B mode measured its baseline too: keep it beside the candidate's.
    if (ab && run.baseline) writeJsonFileSync(join(out, `${run.stage}.baseline.run.json`), run.baseline);
  }
  writeFileSync(join(out, 'report.json'), renderJson(report));
  writeFileSync(join(out, 'report.md'), renderMarkdown(report));
  writeFileSync(join(out, 'report.html'), renderHtml(report, runs.map((r) => ({ stage: r.stage, ...(r.baseline ? { baseline: r.baseline } : {}), current: r.current, history: r.history }))));
  io.stdout(`\n${renderText(report, { color: io.color })}`);
  io.stderr(`perf-gate: reports and run documents in ${out}\n`);
  if (!shard) await exportToPrometheus(report, opts, io);
  return report;
}

/**
 * `--shard`, `--segment-sequence`, `--start-at` and `--region`, checked before any load is sent; undefined
 * without `--shard` (the others then are a mistake).
 */
function shardOptions(opts: RunCliOptions): ShardSetup | undefined {
  if (opts.shard === undefined) {
    const stray = (['segmentSequence', 'startAt', 'region'] as const).filter((k) => opts[k] !== undefined);
    if (stray.length > 0) throw new UsageError(`${stray.map((k) => SHARD_OPTION_NAMES[k]).join(', ')} ${stray.length === 1 ? 'belongs' : 'belong'} to a shard run: give --shard i/N too`);
    return undefined;
  }
  if (opts.baselineUrl !== undefined) throw new UsageError('--shard and --baseline-url cannot be combined: A/B rounds run in one job, shards in many');
  try {
    shardPlan(opts.shard, opts.segmentSequence);
  } catch (err) {
    if (err instanceof ShardSpecError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
  if (opts.startAt !== undefined) {
    const wait = startAtWait(opts.startAt, new Date());
    if ('problem' in wait) throw new UsageError(wait.problem);
  }
  return {
    spec: opts.shard,
    ...(opts.segmentSequence !== undefined ? { sequence: opts.segmentSequence } : {}),
    ...(opts.startAt !== undefined ? { startAt: opts.startAt } : {}),
    ...(opts.region !== undefined ? { region: opts.region } : {}),
  };
}

const SHARD_OPTION_NAMES = { segmentSequence: '--segment-sequence', startAt: '--start-at', region: '--region' } as const;

/** The registry entry of the chosen engine: A/B mode prepares it anew for each round. */
function registryEntry(name: string): (typeof LOAD_ENGINES)[number] {
  const entry = LOAD_ENGINES.find((e) => e.name === name);
  if (!entry) throw new Error(`the engine ${name} is not in the registry`);
  return entry;
}

/** `--target-url` and `--baseline-url` must be http(s) URLs, whichever engine runs. */
function checkTargetUrl(value: string, option: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(`${option} must be an http(s) URL such as http://127.0.0.1:8080, but got '${value}'`);
  }
}

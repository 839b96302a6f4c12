import { mkdirSync, writeFileSync } from 'node:fs';
import { writeJsonFileSync } from '../pipeline/write-json-file.js';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { DEFAULT_K6_VERSION, ensureK6 } from '../engine/k6-install.js';
import { splitArgs } from '../engine/split-args.js';
import { shouldFail } from '../gate/should-fail.js';
import type { Report, StageReport } from '../gate/verdict.js';
import { createOctokit } from '../github/octokit.js';
import { chooseEngine, LOAD_ENGINES, type LoadEngineName } from '../pipeline/engines.js';
import { planStages } from '../pipeline/plan-stages.js';
import { withMaxDuration } from '../pipeline/max-duration.js';
import type { Clock, EngineSetup, Log } from '../pipeline/ports.js';
import { runAbPipeline } from '../ab/run-ab-stages.js';
import { noBaseline } from '../pipeline/no-baseline.js';
import { readShardFolder, shardDocumentsEngine } from '../engine/shard-documents.js';
import { runPipeline, type StageRun } from '../pipeline/run-pipeline.js';
import { renderJson, renderMarkdown, renderText, renderTrend } from '../report/index.js';
import { acceptRegressions, regressionAccepted } from './accept.js';
import { baselineStore, updateBaselines } from './baselines.js';
import { readContext, type RunContext } from './context.js';
import { InputError, parseInputs, type ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';
import { memorySampler } from './memory-source.js';
import { comment, statuses } from './publish.js';
import { rollback } from './rollback.js';
import { notifyWebhook } from './notify.js';
import { trackRegressions } from './regression-issues.js';
import { headlineOf } from '../report/words.js';
import { escapeMarkdown } from '../report/escape.js';
import { shiftText } from '../report/history-words.js';
import { historyShiftFindings } from '../gate/history-shifts.js';
import { entriesOfLatency } from '../document/history-entry.js';
import { RunView } from '../document/run-view.js';
import { latencyMetricOf } from '../report/view.js';
import { runMetrics } from '../export/run-metrics.js';
import { pushRemoteWrite } from '../pipeline/prometheus-push.js';

/** How the Action's messages name its settings. */
const INPUT_NAMES = { script: "'script'", targetUrl: "'target-url'", config: "'config'", plan: "'plan'" } as const;

/**
 * The Action from inputs to outputs: the stage pipeline (k6, memory, the baseline store) fed from the
 * inputs, then the report written back to GitHub. Errors a user can cause end in one `setFailed` line.
 */
export async function runAction(io: ActionIo): Promise<void> {
  // Masked before anything can print it; it never reaches a child process either (childEnv).
  const token = io.getInput('github-token').trim();
  if (token !== '') io.setSecret(token);
  const webhook = io.getInput('notify-webhook').trim();
  if (webhook !== '') io.setSecret(webhook);
  for (const name of ['prometheus-bearer-token', 'prometheus-password']) {
    const secret = io.getInput(name).trim();
    if (secret !== '') io.setSecret(secret);
  }
  const inputs = parseInputs(io.getInput, splitArgs, DEFAULT_K6_VERSION);
  const ctx = readContext(io.env);
  const config = await loadConfig(inputs.config);
  // Merge mode reads the shard documents first: without 'stages' it judges every stage they hold.
  const folder = inputs.merge ? await readShardFolder(inputs.merge.dir) : undefined;
  const stageNames = folder && inputs.stages.length === 0 ? [...folder.keys()] : inputs.stages;
  // Unknown stages, and thresholds that cannot fit a built-in metric, fail before the load starts.
  const planned = planStages(config, stageNames);
  const budget = inputs.maxDuration !== undefined ? withMaxDuration(planned, inputs.maxDuration, "'max-duration'") : { stages: planned };
  if ('problem' in budget) throw new InputError([budget.problem]);
  const stages = budget.stages;
  // GitHub asks integrations to space writes ~1 s apart; GitHub Enterprise Server admins (and the tests,
  // against a local server) may set PERF_GATE_WRITE_SPACING_MS.
  const spacing = Number(io.env['PERF_GATE_WRITE_SPACING_MS']);
  const client = inputs.githubToken
    ? createOctokit({ token: inputs.githubToken, baseUrl: ctx.apiUrl, log: io, ...(Number.isFinite(spacing) && spacing >= 0 ? { writeSpacingMs: spacing } : {}) })
    : undefined;
  const cancel = new AbortController();
  io.onCancel(() => {
    io.warning(inputs.merge ? 'Cancelled: no further stage is merged.' : `Cancelled: stopping ${inputs.engine} gracefully and reporting what was measured (partial).`);
    cancel.abort();
  });

  const secrets = secretsOf(inputs);
  // k6 is installed here (an exact version); another engine's tool is the workflow's to install.
  const k6 = inputs.engine === 'k6' && !inputs.merge ? await ensureK6({ version: inputs.k6Version, log: io, processEnv: io.env, secrets }) : undefined;
  if (k6) io.info(`k6 ${k6.version} (${k6.source}): ${k6.path}`);
  const jmeter = inputs.engine === 'jmeter';
  const setup: EngineSetup = {
    config,
    stages: stageNames,
    ...(inputs.script !== undefined ? { script: inputs.script } : {}),
    ...(inputs.plan !== undefined ? { plan: inputs.plan } : {}),
    ...(inputs.targetUrl ? { targetUrl: inputs.targetUrl } : {}),
    env: inputs.env,
    flags: jmeter ? inputs.jmeterFlags : inputs.k6Flags,
    secrets,
    processEnv: io.env,
    ...(k6 ? { installed: { k6 } } : {}),
    k6Output: inputs.k6Output,
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    ...(inputs.rawOutput !== undefined ? { rawOutput: inputs.rawOutput } : {}),
    names: { ...INPUT_NAMES, flags: jmeter ? "'jmeter-flags'" : "'k6-flags'" },
  };
  const engine = inputs.merge && folder
    ? { engine: shardDocumentsEngine(inputs.merge.dir, folder, inputs.merge) }
    : await chooseEngine(inputs.engine, setup);
  if ('problem' in engine) throw new Error(engine.problem);
  const workDir = join(io.tempDir, 'perf-gate');
  mkdirSync(workDir, { recursive: true });

  const clock: Clock = { now: () => io.now() };
  const log: Log = { info: (m) => io.info(m), warning: (m) => io.warning(m), debug: (m) => io.debug(m), group: (title, fn) => io.group(`perf-gate · ${title}`, fn) };
  // A shard is a slice of the load: the merged run is compared with the baseline, never the slice.
  const store = inputs.shard ? noBaseline : baselineStore(io, inputs, config, ctx, client);
  const memory = memorySampler(io, inputs, secrets);
  const common = {
    stages,
    workDir,
    signal: cancel.signal,
    gitSha: ctx.sha,
    labels: { event: ctx.eventName, ...(ctx.runId ? { run: ctx.runId } : {}) },
    cancelledNote: inputs.merge ? 'The workflow was cancelled while the shards were merged.' : `The workflow was cancelled: ${inputs.engine} was stopped and the report covers what was measured until then (partial).`,
  };
  const ab = inputs.ab;
  // A/B mode measures its baseline in this job: the stored baseline is neither read nor written.
  const { runs, report: measured } = ab && inputs.targetUrl
    ? await runAbPipeline({ ...common, pairs: ab.pairs, roundDurationS: ab.roundDurationS, urls: { baseline: ab.baselineUrl, candidate: inputs.targetUrl } }, { engine: registryEntry(inputs.engine), setup, clock, log })
    : await runPipeline(common, { engine: engine.engine, ...(memory ? { memory } : {}), baselines: store, clock, log });

  if (inputs.shard) {
    publishShard(io, inputs.shard.spec, runs, measured, workDir);
    return;
  }

  let report = measured;
  const label = inputs.acceptLabel ?? config.acceptLabel;
  const accepted = report.verdict === 'fail' && (await regressionAccepted(io, ctx, client, label));
  if (accepted) report = acceptRegressions(report, label);

  const reportJson = join(workDir, 'report.json');
  const reportMarkdown = join(workDir, 'report.md');
  const first = runs[0];
  const trend = trendBlock(first);
  const marker = `<!-- perf-gate:id=${markerId(ctx, stageNames)} -->`;
  const markdown = renderMarkdown(report, { marker, title: 'perf-gate', ...(trend ? { trend } : {}) });
  writeFileSync(reportJson, renderJson(report));
  writeFileSync(reportMarkdown, markdown);
  io.info(renderText(report));

  const regressions = report.findings.filter((f) => f.outcome === 'fail' || f.accepted).length;
  io.setOutput('verdict', report.verdict);
  io.setOutput('report-json', reportJson);
  io.setOutput('report-markdown', reportMarkdown);
  io.setOutput('regressions', regressions);

  // A bad deploy is rolled back before anything else is written: every second counts there.
  io.setOutput('rollback-dispatched', await rollback(io, inputs, ctx, client, report, runs, clock));
  if (inputs.jobSummary) await io.summary(markdown);
  io.setOutput('comment-id', await comment(io, inputs, ctx, client, report, marker, markdown));
  await statuses(io, ctx, client, report);
  const tracked = await trackRegressions(io, ctx, client, report, runs, inputs.openIssue);
  await notifyWebhook(io, inputs.notifyWebhook, report, ctx, tracked);
  await pushToPrometheus(io, inputs, ctx, report);
  if (ab) io.info('A/B mode: the stored baseline was not used and is not updated.');
  else await updateBaselines(io, inputs, ctx, client, store, report, runs, accepted);

  // Inconclusive warns but does not fail the step: the Action has no input asking otherwise.
  if (shouldFail(report.verdict, inputs.failOn, false)) io.setFailed(`perf-gate: ${report.verdict} — ${headlineOf(report)}`);
  else if (report.verdict === 'inconclusive') io.warning(`perf-gate: inconclusive — ${headlineOf(report)}`);
}

/**
 * A shard's end: its run documents written for the workflow to upload (output `shard-dir`), the report in
 * the log and the job summary — no comment, status, rollback or baseline, and no failure on its own verdict
 * (a slice judged as if it were the test would be wrong both ways). The merge job judges the merged run.
 */
function publishShard(io: ActionIo, spec: string, runs: readonly StageRun[], report: Report, workDir: string): void {
  const dir = join(workDir, 'shard');
  mkdirSync(dir, { recursive: true });
  for (const run of runs) writeJsonFileSync(join(dir, `${run.stage}.run.json`), run.current);
  io.info(renderText(report));
  io.setOutput('shard-dir', dir);
  io.setOutput('verdict', report.verdict);
  io.info(`perf-gate: shard ${spec}: ${runs.length} run ${runs.length === 1 ? 'document' : 'documents'} in ${dir} (output shard-dir) — upload them and merge the shards (perf-gate merge), then judge the merged run; this shard's own verdict (${report.verdict}) does not fail the step.`);
}

/** `prometheus-remote-write-url`: the judged run to Prometheus, labelled with this repository, branch and commit; a warning when it fails. */
async function pushToPrometheus(io: ActionIo, inputs: ActionInputs, ctx: RunContext, report: Report): Promise<void> {
  if (!inputs.prometheus) return;
  const branch = ctx.pullRequest ? (io.env['GITHUB_HEAD_REF'] ?? '') : ctx.ref.replace(/^refs\/(?:heads|tags)\//, '');
  const samples = runMetrics(report, { repository: `${ctx.owner}/${ctx.repo}`, ...(branch ? { branch } : {}), ...(ctx.sha ? { commit: ctx.sha } : {}) });
  try {
    await pushRemoteWrite(samples, io.now().getTime(), inputs.prometheus);
    io.info(`Prometheus: pushed ${samples.length} samples to ${new URL(inputs.prometheus.url).origin}`);
  } catch (err) {
    io.warning(`${err instanceof Error ? err.message : String(err)} — the verdict stands.`);
  }
}

/** The registry entry of the engine: A/B mode prepares it anew for each round. */
function registryEntry(name: LoadEngineName): (typeof LOAD_ENGINES)[number] {
  const entry = LOAD_ENGINES.find((e) => e.name === name);
  if (!entry) throw new Error(`the engine ${name} is not in the registry`);
  return entry;
}

/** Values no child process and no log line may show: the github-token and the webhook URL. */
function secretsOf(inputs: ActionInputs): string[] {
  return [inputs.githubToken, inputs.notifyWebhook ?? ''].filter((s) => s !== '');
}

/**
 * The comment's trend: the first stage's p95 over the default branch's history and this run, with the
 * commits where a shift in the history began marked, and each shift of the stage's series in words.
 */
function trendBlock(first: StageRun | undefined): string {
  if (!first) return '';
  // The stored runs of the metric this run's p95 is of: another metric's would chart a change of config.
  const history = entriesOfLatency(first.history, latencyMetricOf(first.report.scopes), new RunView(first.current).roles.latency);
  const found = historyShiftFindings(history);
  const began = new Set(found.shifts.filter((s) => s.series.scope === undefined).map((s) => s.beganAt));
  const chart = renderTrend([...history.map((h) => ({ label: `${h.sha.slice(0, 7)}${began.has(h.sha) ? ' (shift)' : ''}`, p95: h.p95 ?? Number.NaN })), { label: 'this run', p95: wholeRunP95(first.report) }]);
  if (chart === '' || found.shifts.length === 0) return chart;
  return `${chart}\n\n${found.shifts.map((s) => `- Shift on the default branch: ${escapeMarkdown(shiftText(s))}`).join('\n')}`;
}

function wholeRunP95(stage: StageReport): number {
  return stage.scopes.find((s) => s.scope === undefined)?.current?.p95 ?? Number.NaN;
}

/** One comment per job: the workflow and job names keep two perf-gate jobs on one PR apart. */
function markerId(ctx: RunContext, stages: readonly string[]): string {
  return `${ctx.workflow ?? 'workflow'}/${ctx.job ?? 'job'}/${stages.join('+')}`.replace(/[^\w./+-]/g, '_');
}

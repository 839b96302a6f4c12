import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolvePolicy, type StagePolicy } from '../config/policy.js';
import { checkPolicyBeforeRun } from '../gate/check-policy.js';
import { K6_BUILTIN_METRICS } from '../ingest/builtin-metrics.js';
import { submetricsOf } from '../config/submetrics.js';
import type { RunDocument } from '../document/run-document.js';
import { queryPrometheusRange, sampleCommand, sampleEndpoint, type MemorySampler } from '../engine/memory-sampler.js';
import { DEFAULT_K6_VERSION, ensureK6, type K6Install } from '../engine/k6-install.js';
import { describeK6Exit } from '../engine/k6-exit.js';
import { k6Variables, runK6 } from '../engine/k6-run.js';
import { splitArgs } from '../engine/split-args.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import { shouldFail } from '../gate/should-fail.js';
import type { Report, StageReport } from '../gate/verdict.js';
import { BaselineBranch } from '../github/baseline-store.js';
import type { HistoryEntry } from '../pipeline/history-entry.js';
import { findComment, upsertComment } from '../github/comment.js';
import { dispatchWorkflow, repositoryDispatch } from '../github/dispatch.js';
import { describeGitHubError, isPermissionError } from '../github/errors.js';
import { createOctokit, type GitHubClient } from '../github/octokit.js';
import { setCommitStatus } from '../github/status.js';
import { ingestFiles } from '../ingest/index.js';
import { renderJson, renderMarkdown, renderText, renderTrend } from '../report/index.js';
import { acceptRegressions } from './accept.js';
import { isDefaultBranchPush, isDeploymentRun, readContext, type RunContext } from './context.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';
import { scriptThresholds } from './script-thresholds.js';

interface StageRun {
  readonly report: StageReport;
  readonly current: RunDocument;
  readonly history: readonly HistoryEntry[];
  /** When the load of this stage ended (ms since epoch): the rollback clock starts here. */
  readonly endedAt: number;
}

/** The Action from inputs to outputs. Errors a user can cause end in one `setFailed` line. */
export async function runAction(io: ActionIo): Promise<void> {
  // Masked before anything can print it; it never reaches a child process either (childEnv).
  const token = io.getInput('github-token').trim();
  if (token !== '') io.setSecret(token);
  const inputs = parseInputs(io.getInput, splitArgs, DEFAULT_K6_VERSION);
  const ctx = readContext(io.env);
  const config = await loadConfig(inputs.config);
  // Unknown stages, and thresholds that cannot fit a built-in metric, fail before k6 starts.
  for (const stage of inputs.stages) checkPolicyBeforeRun(resolvePolicy(config, stage), K6_BUILTIN_METRICS);
  // GitHub asks integrations to space writes ~1 s apart; GitHub Enterprise Server admins (and the tests,
  // against a local server) may set PERF_GATE_WRITE_SPACING_MS.
  const spacing = Number(io.env['PERF_GATE_WRITE_SPACING_MS']);
  const client = inputs.githubToken
    ? createOctokit({ token: inputs.githubToken, baseUrl: ctx.apiUrl, log: io, ...(Number.isFinite(spacing) && spacing >= 0 ? { writeSpacingMs: spacing } : {}) })
    : undefined;
  const cancel = new AbortController();
  io.onCancel(() => {
    io.warning('Cancelled: stopping k6 gracefully and reporting what was measured (partial).');
    cancel.abort();
  });

  const k6 = await ensureK6({ version: inputs.k6Version, log: io, processEnv: io.env, secrets: secretsOf(inputs) });
  io.info(`k6 ${k6.version} (${k6.source}): ${k6.path}`);
  const workDir = join(io.tempDir, 'perf-gate');
  mkdirSync(workDir, { recursive: true });

  const runs: StageRun[] = [];
  for (const stage of inputs.stages) {
    if (cancel.signal.aborted) break;
    const policy = resolvePolicy(config, stage);
    runs.push(await io.group(`perf-gate · stage ${stage}`, () => runStage(io, inputs, ctx, client, k6, stage, policy, workDir, cancel.signal)));
  }

  let report = buildReport(runs.map((r) => r.report), io.now());
  const label = inputs.acceptLabel ?? config.acceptLabel;
  const accepted = report.verdict === 'fail' && (await regressionAccepted(io, ctx, client, label));
  if (accepted) report = acceptRegressions(report, label);

  const reportJson = join(workDir, 'report.json');
  const reportMarkdown = join(workDir, 'report.md');
  const trend = renderTrend([...(runs[0]?.history ?? []).map((h) => ({ label: h.sha.slice(0, 7), p95: h.p95 ?? Number.NaN })), ...(runs[0] ? [{ label: 'this run', p95: wholeRunP95(runs[0].report) }] : [])]);
  const marker = `<!-- perf-gate:id=${markerId(ctx, inputs)} -->`;
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
  io.setOutput('rollback-dispatched', await rollback(io, inputs, ctx, client, report, runs));
  if (inputs.jobSummary) await io.summary(markdown);
  io.setOutput('comment-id', await comment(io, inputs, ctx, client, report, marker, markdown));
  await statuses(io, ctx, client, report);
  await updateBaselines(io, inputs, ctx, client, report, runs, accepted);

  // Inconclusive warns but does not fail the step: the Action has no input asking otherwise.
  if (shouldFail(report.verdict, inputs.failOn, false)) io.setFailed(`perf-gate: ${report.verdict} — ${report.headline}`);
  else if (report.verdict === 'inconclusive') io.warning(`perf-gate: inconclusive — ${report.headline}`);
}

/** Values no child process and no log line may show: the github-token. */
function secretsOf(inputs: ActionInputs): string[] {
  return inputs.githubToken !== '' ? [inputs.githubToken] : [];
}

async function runStage(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, k6: K6Install, stage: string, policy: StagePolicy, workDir: string, signal: AbortSignal): Promise<StageRun> {
  const outFile = join(workDir, `${stage}.ndjson`);
  const summaryFile = join(workDir, `${stage}.summary-export.json`);
  const secrets = secretsOf(inputs);
  const variables = { stage, ...(inputs.targetUrl ? { baseUrl: inputs.targetUrl } : {}), env: { ...inputs.env }, secrets };
  const sampler = startSampler(io, inputs, Object.fromEntries(k6Variables(variables).vars));
  const result = await runK6({
    k6: k6.path,
    script: inputs.script,
    outFile,
    summaryFile,
    ...variables,
    flags: [...inputs.k6Flags],
    log: io,
    signal,
    processEnv: io.env,
  });
  const endedAt = Date.now();
  const exit = describeK6Exit(result.exitCode, result.stderrTail, result.signal);
  if (!result.cancelled && exit.status === 'failed') throw new Error(exit.message);
  if (exit.status === 'stopped' && !result.cancelled) io.warning(exit.message);

  // The script's own thresholds are checked on the data like the config's SLOs (exit 99 = findings).
  let fromScript: ReturnType<typeof scriptThresholds> = [];
  try {
    fromScript = scriptThresholds(JSON.parse(readFileSync(summaryFile, 'utf8')));
  } catch {
    fromScript = [];
  }
  const known = new Set(policy.thresholds.flatMap((t) => t.expressions.map((e) => `${t.metric}\u0000${e.source}`)));
  const thresholds = [
    ...policy.thresholds,
    ...fromScript
      .map((t) => ({ metric: t.metric, expressions: t.expressions.filter((e) => !known.has(`${t.metric}\u0000${e.source}`)), origin: 'script' as const }))
      .filter((t) => t.expressions.length > 0),
  ];
  const stagePolicy: StagePolicy = { ...policy, thresholds };
  const current = await ingestFiles([outFile], {
    maxScopes: policy.maxScopes,
    stage,
    groupBy: policy.groupBy,
    window: policy.window,
    gitSha: ctx.sha,
    labels: { event: ctx.eventName, ...(ctx.runId ? { run: ctx.runId } : {}) },
    submetrics: submetricsOf(thresholds.map((t) => t.metric)),
  });
  const memory = await stopSampler(io, inputs, sampler, Date.parse(current.meta.start), endedAt);
  // A stopped k6 wrote whole lines up to where it stopped: the file is intact but the run is not.
  const stopped = result.cancelled || exit.status === 'stopped';
  const meta = { ...current.meta, toolVersion: k6.version };
  const measured: RunDocument = {
    ...current,
    meta: stopped ? { ...meta, partial: true, warnings: [...meta.warnings, `k6 was stopped before the stage ended (${exit.kind})`] } : meta,
    ...(memory.length > 0 ? { memory: { source: memorySourceName(inputs), samples: memory } } : {}),
  };
  const stored = await loadBaseline(io, inputs, ctx, client, stage);
  const report = compareRuns({ ...(stored?.baseline ? { baseline: stored.baseline } : {}), current: measured, policy: stagePolicy });
  const notes = [...report.notes];
  if (result.cancelled) notes.unshift('The workflow was cancelled: k6 was stopped and the report covers what was measured until then (partial).');
  if (exit.status === 'findings') notes.push("k6 exited 99: thresholds in the script were crossed; they are checked above as findings.");
  io.info(`stage ${stage}: ${report.outcome}`);
  return { report: { ...report, notes }, current: measured, history: stored?.history ?? [], endedAt };
}

/** @param variables what the stage's script is given; a memory command gets them too. */
function startSampler(io: ActionIo, inputs: ActionInputs, variables: Record<string, string>): MemorySampler | undefined {
  const m = inputs.memorySource;
  if (!m) return undefined;
  switch (m.kind) {
    case 'prometheus-endpoint':
      return sampleEndpoint(m.url, io);
    case 'command':
      return sampleCommand(m.command, io, { processEnv: io.env, secrets: secretsOf(inputs), set: variables });
    case 'prometheus-query':
      return undefined; // asked after the stage, over its window
  }
}

async function stopSampler(io: ActionIo, inputs: ActionInputs, sampler: MemorySampler | undefined, startMs: number, endMs: number) {
  if (sampler) return sampler.stop();
  const m = inputs.memorySource;
  if (m?.kind !== 'prometheus-query') return [];
  try {
    return await queryPrometheusRange(m.url, m.query, startMs, endMs);
  } catch (err) {
    io.warning(`memory-source: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}

function memorySourceName(inputs: ActionInputs): string {
  const m = inputs.memorySource!;
  switch (m.kind) {
    case 'prometheus-endpoint':
      return m.url;
    case 'prometheus-query':
      return `${m.url} ${m.query}`;
    case 'command':
      return `command: ${m.command}`;
  }
}

async function loadBaseline(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, stage: string): Promise<{ baseline?: RunDocument; history: HistoryEntry[] } | undefined> {
  const b = inputs.baseline;
  switch (b.kind) {
    case 'none':
      return undefined;
    case 'file':
      try {
        return { baseline: await ingestFiles([b.path], {}), history: [] };
      } catch (err) {
        io.warning(`baseline file ${b.path}: ${err instanceof Error ? err.message : String(err)} — judging without a baseline`);
        return undefined;
      }
    case 'branch': {
      if (!client) {
        io.warning('No github-token: the baseline branch cannot be read; judging without a baseline.');
        return undefined;
      }
      try {
        const stored = await new BaselineBranch(client, { owner: ctx.owner, repo: ctx.repo, branch: b.branch }).read(stage);
        if (!stored) io.info(`No baseline yet for stage ${stage} on ${b.branch}: regressions are inconclusive on this first run.`);
        return stored;
      } catch (err) {
        io.warning(`Reading the baseline from ${b.branch} failed: ${describeGitHubError(err)} — judging without a baseline.`);
        return undefined;
      }
    }
  }
}

async function regressionAccepted(io: ActionIo, ctx: RunContext, client: GitHubClient | undefined, label: string): Promise<boolean> {
  if (ctx.pullRequest) return ctx.pullRequest.labels.includes(label);
  // After the merge of an accepted PR, the push to the default branch carries no label: ask for the PR.
  if (!client || !isDefaultBranchPush(ctx)) return false;
  try {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.sha });
    return data.some((pr) => pr.labels.some((l) => l.name === label));
  } catch (err) {
    io.debug(`looking up the PR of ${ctx.sha}: ${describeGitHubError(err)}`);
    return false;
  }
}

async function comment(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, report: Report, marker: string, markdown: string): Promise<string> {
  if (inputs.comment === 'never' || !ctx.pullRequest) return '';
  if (!client) {
    io.warning('No github-token: the PR comment is skipped (the job summary has the report).');
    return '';
  }
  if (inputs.comment === 'on-change' && report.verdict === 'pass') {
    // Only update a comment that already exists (so a fixed regression is seen as fixed); post none for a pass.
    const existing = await upsertIfExists(client, ctx, marker, markdown);
    return existing;
  }
  try {
    const r = await upsertComment(client, { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullRequest.number, marker, body: markdown });
    io.info(`PR comment ${r.action}: ${r.id}`);
    return String(r.id);
  } catch (err) {
    if (isPermissionError(err)) {
      io.warning(`The PR comment was skipped: the token cannot write to this repository${ctx.pullRequest.fromFork ? ' (a pull request from a fork gets a read-only token)' : ''}. The job summary has the report.`);
      return '';
    }
    throw err;
  }
}

async function upsertIfExists(client: GitHubClient, ctx: RunContext, marker: string, body: string): Promise<string> {
  const target = { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullRequest!.number, marker };
  if (!(await findComment(client, target))) return '';
  return String((await upsertComment(client, { ...target, body })).id);
}

async function statuses(io: ActionIo, ctx: RunContext, client: GitHubClient | undefined, report: Report): Promise<void> {
  if (!client || !ctx.sha) return;
  for (const stage of report.stages) {
    const state = stage.outcome === 'fail' ? 'failure' : 'success';
    const failing = stage.findings.filter((f) => f.outcome === 'fail').length;
    const description = stage.outcome === 'fail' ? `${failing} breach${failing === 1 ? '' : 'es'}: ${stage.findings.find((f) => f.outcome === 'fail')?.message ?? ''}` : `${stage.outcome}`;
    try {
      await setCommitStatus(client, { owner: ctx.owner, repo: ctx.repo, sha: ctx.sha, context: `perf-gate/${stage.stage}`, state, description, ...(ctx.runUrl ? { targetUrl: ctx.runUrl } : {}) });
    } catch (err) {
      if (isPermissionError(err)) {
        io.warning(`The commit status perf-gate/${stage.stage} was skipped: the token has no 'statuses: write'.`);
        return;
      }
      io.warning(`Setting the commit status failed: ${describeGitHubError(err)}`);
    }
  }
}

async function updateBaselines(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, report: Report, runs: readonly StageRun[], accepted: boolean): Promise<void> {
  const b = inputs.baseline;
  const wanted = inputs.updateBaseline === 'always' || (inputs.updateBaseline === 'auto' && isDefaultBranchPush(ctx) && (report.verdict !== 'fail' || accepted));
  if (!wanted || b.kind === 'none') return;
  if (b.kind === 'file') {
    for (const run of runs) {
      if (run.report.currentRun.partial) continue;
      const path = inputs.stages.length === 1 ? b.path : b.path.replace(/(\.json)?$/, `.${run.report.stage}.json`);
      writeFileSync(path, `${JSON.stringify(run.current)}\n`);
      io.info(`Baseline for ${run.report.stage} written to ${path} (commit it to keep it).`);
    }
    return;
  }
  if (!client) return;
  const store = new BaselineBranch(client, { owner: ctx.owner, repo: ctx.repo, branch: b.branch });
  for (const run of runs) {
    if (run.report.currentRun.partial) {
      io.warning(`Stage ${run.report.stage} is partial: its run does not become the baseline.`);
      continue;
    }
    try {
      const r = await store.write(run.report.stage, run.current, { sha: ctx.sha, message: `perf-gate: baseline for ${run.report.stage} from ${ctx.sha.slice(0, 7)}` });
      io.info(r.written ? `Baseline for ${run.report.stage} updated on ${b.branch}.` : `Baseline for ${run.report.stage} kept: ${r.reason ?? 'not newer'}.`);
    } catch (err) {
      if (isPermissionError(err)) {
        io.warning(`The baseline was not written: the token cannot push to ${b.branch} (needs 'contents: write'${ctx.pullRequest?.fromFork ? '; a fork PR has a read-only token' : ''}).`);
        return;
      }
      io.warning(`Writing the baseline failed: ${describeGitHubError(err)} — the stored baseline is unchanged.`);
    }
  }
}

async function rollback(io: ActionIo, inputs: ActionInputs, ctx: RunContext, client: GitHubClient | undefined, report: Report, runs: readonly StageRun[]): Promise<boolean> {
  const r = inputs.rollback;
  if (!r || report.verdict !== 'fail' || !isDeploymentRun(ctx)) return false;
  if (!client) {
    io.error('The gate failed after a deployment, but there is no github-token to dispatch the rollback.');
    return false;
  }
  const failedStage = runs.find((s) => s.report.outcome === 'fail') ?? runs[runs.length - 1]!;
  const reason = `perf-gate ${failedStage.report.stage}: ${report.headline}`.slice(0, 1000);
  const reportUrl = ctx.runUrl ?? '';
  try {
    switch (r.kind) {
      case 'workflow':
        await dispatchWorkflow(client, {
          owner: ctx.owner,
          repo: ctx.repo,
          workflow: r.workflow,
          ref: r.ref ?? (ctx.defaultBranch ? ctx.defaultBranch : ctx.ref.replace(/^refs\/heads\//, '')),
          inputs: { ...r.inputs, reason, 'failed-sha': ctx.sha, report: reportUrl },
        });
        break;
      case 'repository-dispatch':
        await repositoryDispatch(client, { owner: ctx.owner, repo: ctx.repo, eventType: r.eventType, payload: { reason, failed_sha: ctx.sha, report: reportUrl, verdict: report.verdict, stage: failedStage.report.stage } });
        break;
    }
  } catch (err) {
    io.error(`Dispatching the rollback failed: ${describeGitHubError(err)}`);
    return false;
  }
  const seconds = (Date.now() - failedStage.endedAt) / 1000;
  const what = r.kind === 'workflow' ? `workflow ${r.workflow}` : `repository_dispatch '${r.eventType}'`;
  io.warning(`Rollback dispatched (${what}) ${seconds.toFixed(1)} s after the stage ended.`);
  io.setOutput('rollback-seconds', seconds.toFixed(1));
  await io.summary(`\n> **Rollback dispatched**: ${what}, ${seconds.toFixed(1)} s after stage ${failedStage.report.stage} ended.\n`);
  return true;
}

function wholeRunP95(stage: StageReport): number {
  return stage.scopes.find((s) => s.scope === undefined)?.current?.p95 ?? Number.NaN;
}

/** One comment per job: the workflow and job names keep two perf-gate jobs on one PR apart. */
function markerId(ctx: RunContext, inputs: ActionInputs): string {
  return `${ctx.workflow ?? 'workflow'}/${ctx.job ?? 'job'}/${inputs.stages.join('+')}`.replace(/[^\w./+-]/g, '_');
}

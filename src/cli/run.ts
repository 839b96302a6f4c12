import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolvePolicy } from '../config/policy.js';
import type { PerfGateConfig } from '../config/schema.js';
import { submetricsOf } from '../config/submetrics.js';
import type { RunDocument } from '../document/run-document.js';
import { runEmbedded } from '../engine/embedded/run-embedded.js';
import { WorkloadSchema } from '../engine/embedded/workload.js';
import { describeK6Exit } from '../engine/k6-exit.js';
import { parseK6Version } from '../engine/k6-install.js';
import { runK6 } from '../engine/k6-run.js';
import { sampleEndpoint } from '../engine/memory-sampler.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import { ingestFiles } from '../ingest/index.js';
import { renderHtml, renderJson, renderMarkdown, renderText } from '../report/index.js';
import { execFileSync } from 'node:child_process';
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

/**
 * `perf-gate run`: runs stages with k6 when it is on PATH (or `--engine k6`) and with the embedded
 * engine otherwise, samples memory, compares with a baseline when one is given, prints the report and
 * writes it (and each stage's run document) into the output folder.
 */
export async function runCommand(opts: RunCliOptions, io: Io): Promise<number> {
  const config = await loadConfig(opts.config);
  const stages = opts.stage.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const stage of stages) resolvePolicy(config, stage);
  const engine = chooseEngine(opts, config);
  io.stderr(`perf-gate: engine ${engine.name} (${engine.why})\n`);
  const out = resolve(opts.output);
  mkdirSync(out, { recursive: true });
  const log = { info: (m: string) => io.stderr(`  ${m}\n`), warning: (m: string) => io.stderr(`  warning: ${m}\n`), debug: () => undefined };
  const baseline = opts.baseline ? await ingestFiles([opts.baseline], { groupBy: config.groupBy }) : undefined;
  const reports = [];
  const runs = [];
  for (const stage of stages) {
    const policy = resolvePolicy(config, stage);
    io.stderr(`\n▶ stage ${stage}\n`);
    const memory = opts.memoryUrl ? sampleEndpoint(opts.memoryUrl, log, 1000) : undefined;
    let current: RunDocument;
    if (engine.name === 'k6') {
      const outFile = join(out, `${stage}.ndjson`);
      const result = await runK6({ k6: 'k6', script: opts.script!, stage, outFile, ...(opts.targetUrl ? { baseUrl: opts.targetUrl } : {}), log });
      const exit = describeK6Exit(result.exitCode, result.stderrTail, result.signal);
      if (exit.status === 'failed') throw new UsageError(exit.message);
      current = await ingestFiles([outFile], { stage, groupBy: policy.groupBy, window: policy.window, submetrics: submetricsOf(policy.thresholds.map((t) => t.metric)) });
    } else {
      const override = config.stages[stage]?.workload ?? {};
      const workload = WorkloadSchema.parse({ ...config.workload!, ...(opts.targetUrl ? { baseUrl: opts.targetUrl } : {}), ...override });
      current = await runEmbedded(workload, { stage, log, groupBy: policy.groupBy });
    }
    if (memory) {
      const samples = await memory.stop();
      if (samples.length > 0) current = { ...current, memory: { source: opts.memoryUrl!, samples } };
    }
    writeFileSync(join(out, `${stage}.run.json`), `${JSON.stringify(current)}\n`);
    const stageBaseline = baseline && (baseline.meta.stage === undefined || baseline.meta.stage === stage) ? baseline : undefined;
    reports.push(compareRuns({ ...(stageBaseline ? { baseline: stageBaseline } : {}), current, policy }));
    runs.push({ stage, ...(stageBaseline ? { baseline: stageBaseline } : {}), current });
  }
  const report = buildReport(reports, new Date());
  writeFileSync(join(out, 'report.json'), renderJson(report));
  writeFileSync(join(out, 'report.md'), renderMarkdown(report));
  writeFileSync(join(out, 'report.html'), renderHtml(report, runs));
  io.stdout(`\n${renderText(report, { color: io.color })}`);
  io.stderr(`perf-gate: reports and run documents in ${out}\n`);
  return exitStatus(report, opts);
}

function chooseEngine(opts: RunCliOptions, config: PerfGateConfig): { name: 'k6' | 'embedded'; why: string } {
  const k6Version = k6OnPath();
  switch (opts.engine) {
    case 'k6':
      if (!opts.script) throw new UsageError('--engine k6 needs --script <k6 script>');
      if (!k6Version) throw new UsageError('--engine k6: k6 is not on PATH — install it, or use --engine embedded with a `workload:` in the config');
      return { name: 'k6', why: `k6 v${k6Version} on PATH` };
    case 'embedded':
      if (!config.workload) throw new UsageError("--engine embedded needs a `workload:` in the config (requests, connections, duration) — see docs/embedded-engine.md");
      return { name: 'embedded', why: 'asked for' };
    case 'auto':
      if (k6Version && opts.script) return { name: 'k6', why: `k6 v${k6Version} found on PATH` };
      if (config.workload) return { name: 'embedded', why: k6Version ? 'no --script given' : 'k6 is not on PATH' };
      throw new UsageError('nothing to run: give --script with k6 on PATH, or a `workload:` in the config for the embedded engine');
  }
}

function k6OnPath(): string | undefined {
  try {
    return parseK6Version(execFileSync('k6', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }));
  } catch {
    return undefined;
  }
}

import { createReadStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { loadConfig } from '../config/load.js';
import { resolvePolicy } from '../config/policy.js';
import { recordedThresholds } from '../config/recorded-thresholds.js';
import { withScriptThresholds } from '../pipeline/script-thresholds.js';
import { stageNames } from '../config/schema.js';
import { submetricsOf } from '../config/submetrics.js';
import { mergeRuns } from '../document/merge.js';
import type { RunDocument } from '../document/run-document.js';
import type { FailOn } from '../gate/should-fail.js';
import { ingestFiles } from '../ingest/index.js';
import { rendererFor } from '../report/index.js';
import { judgeAndReport } from './judge.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { writeOutput } from './write-output.js';

export interface CollectCliOptions {
  stage?: string;
  config?: string;
  baseline: string[];
  output?: string;
  format: string;
  failOn: FailOn;
  failOnInconclusive?: boolean;
}

/** k6's `--out json` files: `.ndjson` or `.jsonl`, gzipped or not. */
const NDJSON = /\.(ndjson|jsonl)(\.gz)?$/;
/** perf-gate run documents (`perf-gate ingest`, `run -o`). */
const DOCUMENT = /\.json$/;
/** A runner's number at the end of its file name, as `perf-gate k8s testrun` names them (`<stage>-<name>-<i>.ndjson`). */
const INSTANCE_IN_NAME = /-(\d+)\.(ndjson|jsonl)(\.gz)?$/;
/** How far into a file its first sample is looked for (k6 writes the metric declarations first). */
const PEEK_LINES = 5000;

/** One NDJSON shard and what its first sample says about it. */
interface Shard {
  readonly file: string;
  /** The `stage` tag (`--tag stage=…`, set by perf-gate k8s testrun). */
  readonly stage?: string;
  /** k6-operator's `instance_id` tag, else the number at the end of the file name. */
  readonly instance?: number;
}

/**
 * `perf-gate collect DIR`: every NDJSON shard and run document the runners wrote into DIR, as one run —
 * the NDJSON into one builder (ingestFiles), run documents merged exactly — checked to be one stage with no
 * runner missing from the numbering, then judged as `perf-gate compare` judges (SLOs only without
 * `--baseline`). Exit codes as compare's.
 */
export async function collectCommand(dir: string, opts: CollectCliOptions, io: Io): Promise<number> {
  const config = await loadConfig(opts.config);
  if (opts.stage !== undefined) resolvePolicy(config, opts.stage); // an unknown stage is a usage error before any reading
  const { ndjson, documents } = await listInputs(dir);
  const shards = await Promise.all(ndjson.map(peekShard));
  const tagged = oneStage(shards, opts.stage);
  for (const w of checkRunners(shards)) io.stderr(`perf-gate: warning: ${w}\n`);

  const submetrics = stageNames(config.stages).flatMap((name) => resolvePolicy(config, name).thresholds.map((t) => t.metric));
  const ingestOptions = { groupBy: config.groupBy, window: config.window, maxScopes: config.maxScopes, submetrics: submetricsOf(submetrics) };
  const stageOption = opts.stage ?? tagged;
  const parts: RunDocument[] = [];
  if (ndjson.length > 0) parts.push(await ingestFiles(ndjson, { ...ingestOptions, ...(stageOption !== undefined ? { stage: stageOption } : {}) }));
  if (documents.length > 0) parts.push(await ingestFiles(documents, ingestOptions));
  const current = mergeRuns(parts);
  const stage = opts.stage ?? tagged ?? current.meta.stage ?? 'smoke';
  io.stderr(`perf-gate: collected ${describeInputs(shards, documents.length)} from ${dir}; stage ${stage}${opts.stage ?? tagged ?? current.meta.stage ? '' : ' (default; pass --stage)'}\n`);
  // The runners ran with --no-thresholds, yet k6 still declares the script's thresholds of base metrics in
  // its NDJSON (metrics.<name>.thresholds; not its submetrics'): judged here, once, on the whole run.
  const declared = Object.fromEntries(Object.entries(current.metrics).filter(([, m]) => m.thresholds.length > 0).map(([metric, m]) => [metric, m.thresholds]));
  const policy = withScriptThresholds(resolvePolicy(config, stage), recordedThresholds(declared));
  const baseline = opts.baseline.length > 0 ? await ingestFiles(opts.baseline, ingestOptions) : undefined;

  let report: string | undefined;
  if (opts.output !== undefined) {
    try {
      await mkdir(opts.output, { recursive: true });
    } catch (err) {
      throw new UsageError(`-o: cannot create the folder ${opts.output}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const docFile = join(opts.output, `${stage}.run.json`);
    const failed = await writeOutput(docFile, `${JSON.stringify(current)}\n`, 'the collected run document');
    if (failed !== undefined) throw new UsageError(failed);
    io.stderr(`perf-gate: wrote the collected run document to ${docFile}\n`);
    report = join(opts.output, `report.${rendererFor(opts.format)?.extension ?? 'txt'}`);
  }
  return judgeAndReport({ stage, policy, ...(baseline ? { baseline } : {}), current }, { format: opts.format, failOn: opts.failOn, ...(opts.failOnInconclusive ? { failOnInconclusive: true } : {}), ...(report !== undefined ? { output: report } : {}) }, io);
}

async function listInputs(dir: string): Promise<{ ndjson: string[]; documents: string[] }> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile()).map((e) => e.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch (err) {
    throw new UsageError(`collect: cannot read the folder ${dir}: ${err instanceof Error ? err.message : String(err)} — give the folder the runners' files were copied into`, { cause: err });
  }
  const ndjson = names.filter((n) => NDJSON.test(n)).map((n) => join(dir, n));
  const documents = names.filter((n) => !NDJSON.test(n) && DOCUMENT.test(n)).map((n) => join(dir, n));
  if (ndjson.length === 0 && documents.length === 0) {
    throw new UsageError(`collect: ${dir} holds no k6 NDJSON (.ndjson, .ndjson.gz) and no run document (.json)${names.length > 0 ? ` (it holds ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})` : ''} — copy the runners' files there first (docs/distributed.md)`);
  }
  return { ndjson, documents };
}

/** The tags of a shard's first sample; a file whose head is no k6 NDJSON is left to ingest to explain. */
async function peekShard(file: string): Promise<Shard> {
  const bytes = createReadStream(file);
  const input = file.endsWith('.gz') ? bytes.pipe(createGunzip()) : bytes;
  // A file that cannot be read (or is no gzip) is left to ingest, which names it: no error escapes from here.
  bytes.on('error', () => input.destroy());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let tags: Record<string, unknown> | undefined;
  let n = 0;
  try {
    for await (const line of lines) {
      if (++n > PEEK_LINES) break;
      if (!line.includes('"Point"')) continue;
      try {
        const point = JSON.parse(line) as { type?: unknown; data?: { tags?: unknown } };
        if (point.type === 'Point' && typeof point.data?.tags === 'object' && point.data.tags !== null) tags = point.data.tags as Record<string, unknown>;
      } catch {
        // Not JSON: ingest names the line.
      }
      break;
    }
  } catch {
    // Unreadable or not gzip: ingest says so, naming the file.
  } finally {
    lines.close();
    bytes.destroy();
  }
  const stage = typeof tags?.['stage'] === 'string' ? tags['stage'] : undefined;
  const tagged = typeof tags?.['instance_id'] === 'string' && /^\d+$/.test(tags['instance_id']) ? Number(tags['instance_id']) : undefined;
  const named = INSTANCE_IN_NAME.exec(file)?.[1];
  const instance = tagged ?? (named !== undefined ? Number(named) : undefined);
  return { file, ...(stage !== undefined ? { stage } : {}), ...(instance !== undefined ? { instance } : {}) };
}

/**
 * The one stage the shards' `stage` tags name (undefined when none is tagged).
 * @throws UsageError naming the files of each stage when they name several, or another than `--stage`.
 */
function oneStage(shards: readonly Shard[], given: string | undefined): string | undefined {
  const byStage = new Map<string, string[]>();
  for (const s of shards) if (s.stage !== undefined) byStage.set(s.stage, [...(byStage.get(s.stage) ?? []), s.file]);
  const listed = [...byStage].map(([stage, files]) => `${stage}: ${files.join(', ')}`).join('; ');
  if (byStage.size > 1) throw new UsageError(`collect: the shards come from ${byStage.size} stages (${listed}) — one run is one stage; put each stage's files in a folder of its own`);
  const [tagged] = byStage.keys();
  if (given !== undefined && tagged !== undefined && tagged !== given) throw new UsageError(`collect: --stage ${given}, but the shards were run as stage ${tagged} (${listed})`);
  return tagged;
}

/**
 * What the runners' numbers say is wrong: runners 1..max with some absent (a runner that failed or whose
 * file was not copied), or two files of one runner (the same shard twice would count its load twice).
 */
function checkRunners(shards: readonly Shard[]): string[] {
  const byInstance = new Map<number, string[]>();
  for (const s of shards) if (s.instance !== undefined) byInstance.set(s.instance, [...(byInstance.get(s.instance) ?? []), s.file]);
  if (byInstance.size === 0) return [];
  const doubled = [...byInstance].filter(([, files]) => files.length > 1);
  if (doubled.length > 0) {
    throw new UsageError(`collect: runner ${doubled.map(([i, files]) => `${i} wrote ${files.join(' and ')}`).join('; ')} — one file per runner (a shard counted twice doubles its load); remove the copy`);
  }
  const max = Math.max(...byInstance.keys());
  const missing = Array.from({ length: max }, (_, i) => i + 1).filter((i) => !byInstance.has(i));
  if (missing.length === 0) return [];
  return [`runner${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of 1..${max} wrote no file here: the collected run misses ${missing.length === 1 ? 'its' : 'their'} share of the load (check the runner pods, and that every file was copied)`];
}

function describeInputs(shards: readonly Shard[], documents: number): string {
  const parts: string[] = [];
  if (shards.length > 0) {
    const numbers = shards.flatMap((s) => (s.instance !== undefined ? [s.instance] : [])).sort((a, b) => a - b);
    parts.push(`${shards.length} NDJSON shard${shards.length === 1 ? '' : 's'}${numbers.length > 0 ? ` (runner${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')})` : ''}`);
  }
  if (documents > 0) parts.push(`${documents} run document${documents === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

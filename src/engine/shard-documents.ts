/**
 * The merge job of a distributed test as a load engine (the Action's merge mode, merge/action.yml): it
 * runs no load, it reads the shard documents the shard jobs uploaded (`<stage>.run.json`, in one folder or
 * one sub-folder per artifact), checks that they form one whole, merges them exactly and hands the merged
 * run to the pipeline — which judges it, with the script's thresholds the shards recorded, against the
 * baseline like any stage's run (docs/distributed.md).
 */
import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { recordedThresholds } from '../config/recorded-thresholds.js';
import { MergeError } from '../document/merge.js';
import { DEFAULT_START_TOLERANCE_S } from '../document/shard-check.js';
import { shardFigures, shardFiguresView } from '../document/shard-figures.js';
import { mergeFiles } from '../ingest/merge-files.js';
import type { LoadEngine, LoadOutput, StageLoad } from '../pipeline/ports.js';

/** What a shard writes per stage (the Action's `shard-dir`, `perf-gate run --shard -o`). */
const SHARD_FILE = /^(.+)\.run\.json$/;
/** How deep artifacts are looked for: `download-artifact` puts each in a folder of its own. */
const MAX_DEPTH = 4;

export interface ShardFolderOptions {
  /** Merge the shards that are there when some are missing (with a warning), instead of refusing. */
  readonly allowMissingShards?: boolean;
  /** Start times further apart get a warning; default {@link DEFAULT_START_TOLERANCE_S} s. */
  readonly startToleranceSeconds?: number;
}

/** A folder's shard documents by stage (from their names, `<stage>.run.json`), each list sorted. */
export type ShardFolder = ReadonlyMap<string, readonly string[]>;

/**
 * The shard documents under `dir`, by stage.
 * @throws MergeError when the folder cannot be read or holds no `<stage>.run.json`.
 */
export async function readShardFolder(dir: string): Promise<ShardFolder> {
  const files: string[] = [];
  await collect(dir, 0, files);
  if (files.length === 0) {
    throw new MergeError(`${dir} holds no shard document (<stage>.run.json, as each shard job writes into its shard-dir) — download the shard jobs' artifacts into it first (examples/workflows/distributed.yml)`);
  }
  const byStage = new Map<string, string[]>();
  for (const file of files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    const stage = SHARD_FILE.exec(basename(file))![1]!;
    byStage.set(stage, [...(byStage.get(stage) ?? []), file]);
  }
  return byStage;

  async function collect(folder: string, depth: number, into: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      throw new MergeError(`cannot read the shards folder ${folder}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    for (const e of entries) {
      if (e.isFile() && SHARD_FILE.test(e.name)) into.push(join(folder, e.name));
      else if (e.isDirectory() && depth < MAX_DEPTH) await collect(join(folder, e.name), depth + 1, into);
    }
  }
}

/** The engine that hands the pipeline each stage's merged shards instead of running a load. */
export function shardDocumentsEngine(dir: string, folder: ShardFolder, options: ShardFolderOptions = {}): LoadEngine {
  return {
    name: 'merged-shards',
    async run({ stage, log }: StageLoad): Promise<LoadOutput> {
      const files = folder.get(stage);
      if (!files || files.length === 0) {
        throw new MergeError(`no shard document of stage ${stage} under ${dir} (it holds ${[...folder.keys()].join(', ')}) — the shard jobs write <stage>.run.json; check 'stages' and the artifacts downloaded`);
      }
      const names = files.map((f) => relative(dir, f) || f);
      // One document at a time (as perf-gate merge): 64 shards of a long test held at once took 660 MB.
      const { merged, inputWarnings, perFile: views } = await mergeFiles(files, { allowMissingShards: options.allowMissingShards ?? false, startToleranceSeconds: options.startToleranceSeconds ?? DEFAULT_START_TOLERANCE_S }, names, (doc, file) => {
        if (doc.meta.stage !== undefined && doc.meta.stage !== stage) {
          throw new MergeError(`${relative(dir, file)} is named for stage ${stage} but records stage ${doc.meta.stage}: rename it, or put it in that stage's name`);
        }
        return shardFiguresView(doc);
      });
      const summary = merged.meta.shards;
      if (!summary) {
        throw new MergeError(`${names.join(', ')}: ${files.length === 1 ? 'this is no shard document' : 'these are no shard documents'} (no meta.shard) — merge mode reads what shard jobs write ('shard: i/N', or perf-gate run --shard)`);
      }
      for (const w of merged.meta.warnings.filter((w) => !inputWarnings.has(w))) log.warning(w);
      log.info(`stage ${stage}: merged ${files.length} of ${summary.count} shards (${summary.members.map((m) => `${m.index}/${summary.count} ${m.requests} requests`).join(', ')}), started ${summary.startSpreadSeconds.toFixed(1)} s apart`);
      const thresholds = summary.thresholds ? recordedThresholds(summary.thresholds) : undefined;
      return {
        measured: { kind: 'document', document: merged },
        ...(merged.meta.toolVersion !== undefined ? { toolVersion: merged.meta.toolVersion } : {}),
        cancelled: false,
        scriptThresholds: thresholds ?? [],
        shards: shardFigures(views, summary),
        notes: thresholds
          ? [`The script's thresholds (${thresholds.length === 1 ? 'one metric' : `${thresholds.length} metrics`}, recorded by the shards) were judged once, on the merged run.`]
          : ["The shards recorded no script thresholds (k6 inspect failed there, or an older perf-gate wrote them): only the config's SLOs were judged on the merged run."],
      };
    },
  };
}


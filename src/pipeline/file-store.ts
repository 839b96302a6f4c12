/**
 * Baselines in a file of the repository (the Action's `baseline: file:<path>`, the CLI's `--baseline`):
 * a run document (or k6 output) read as the baseline, and the run written there to become the next one.
 * Next to it, `<file without .json>.history.json` keeps the stage's history (as the baseline branch
 * does), from which the gate learns the run-to-run noise.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { historyEntry, type HistoryEntry } from '../document/history-entry.js';
import { HistoryFileSchema, historyFileText, mergeHistory } from '../document/history-file.js';
import type { RunDocument } from '../document/run-document.js';
import { ingestFiles, type IngestOptions } from '../ingest/index.js';
import type { BaselineStore, BaselineWrite, Log, StoredBaseline } from './ports.js';

export interface FileStoreOptions {
  /** The file, e.g. `perf/baseline.json`. */
  readonly path: string;
  /**
   * One file per stage, `<path without .json>.<stage>.json` (the Action with several stages), rather than
   * `path` for every stage.
   */
  readonly perStage: boolean;
  /** How k6 output given as a baseline is read (a run document is taken as it is). */
  readonly ingest?: Pick<IngestOptions, 'groupBy' | 'maxScopes' | 'window'>;
  readonly log: Log;
  /** History entries kept per stage (the newest). Default 20, as on the baseline branch. */
  readonly maxHistory?: number;
  /** The config's latencyMetric: what each history entry's figures describe (default: the tool's own latency). */
  readonly latencyMetric?: string;
}

/** A BaselineStore over files. Each file is read once. */
export class FileBaselineStore implements BaselineStore {
  private readonly reads = new Map<string, Promise<RunDocument>>();

  constructor(private readonly options: FileStoreOptions) {}

  /** The file of a stage's baseline. */
  pathOf(stage: string): string {
    return this.options.perStage ? this.options.path.replace(/(\.json)?$/, `.${stage}.json`) : this.options.path;
  }

  /** The file of a stage's history: `perf/baseline.smoke.json` → `perf/baseline.smoke.history.json`. */
  historyPathOf(stage: string): string {
    return `${this.pathOf(stage).replace(/\.json$/, '')}.history.json`;
  }

  /**
   * The stage's baseline: the file's run, unless it records another stage (then none, with a warning);
   * and its history file's entries (none when there is no such file; a malformed one is warned about and
   * not used, never a reason to stop the gate).
   *
   * @throws Error naming the file when it cannot be read (an IngestError as `cause`).
   */
  async read(stage: string): Promise<StoredBaseline> {
    const path = this.pathOf(stage);
    let run: RunDocument;
    try {
      run = await this.runOf(stage);
    } catch (err) {
      throw new Error(`baseline file ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (run.meta.stage !== undefined && run.meta.stage !== stage) {
      this.options.log.warning(`baseline file ${path} is a run of stage ${run.meta.stage}, not ${stage}: stage ${stage} is judged without a baseline.`);
      return { history: [] };
    }
    return { baseline: run, history: await this.historyOf(stage) };
  }

  /**
   * Writes the run as the stage's baseline and appends its entry to the history file. Each file is
   * written whole to a temporary file and renamed over the old one, so a failed write leaves the stored
   * baseline and history as they were.
   */
  async write(stage: string, run: RunDocument): Promise<BaselineWrite> {
    const path = this.pathOf(stage);
    const history = mergeHistory(await this.historyOf(stage), [historyEntry(run, run.meta.gitSha ?? run.meta.end, this.options.latencyMetric)], this.options.maxHistory ?? 20);
    await replaceFile(path, `${JSON.stringify(run)}\n`);
    this.reads.delete(path);
    await replaceFile(this.historyPathOf(stage), historyFileText(stage, history));
    return { status: 'written', message: `Baseline for ${stage} written to ${path}, its history to ${this.historyPathOf(stage)} (commit both to keep them).` };
  }

  private async historyOf(stage: string): Promise<HistoryEntry[]> {
    const path = this.historyPathOf(stage);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      this.options.log.warning(`history file ${path} cannot be read (${err instanceof Error ? err.message : String(err)}): judging with the default run-to-run noise.`);
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      this.options.log.warning(`history file ${path} is not JSON (${err instanceof Error ? err.message : String(err)}): judging with the default run-to-run noise; delete it to start a new history.`);
      return [];
    }
    const parsed = HistoryFileSchema.safeParse(json);
    if (!parsed.success) {
      this.options.log.warning(`history file ${path} is not a perf-gate history (${parsed.error.issues[0]?.message ?? 'unknown shape'}): judging with the default run-to-run noise; delete it to start a new history.`);
      return [];
    }
    return parsed.data.entries;
  }

  /**
   * The stage's file read (once) as a run document, whichever stage it records.
   *
   * @throws IngestError naming the file and what is wrong with it.
   */
  runOf(stage: string): Promise<RunDocument> {
    const path = this.pathOf(stage);
    let read = this.reads.get(path);
    if (!read) {
      read = ingestFiles([path], { ...this.options.ingest });
      this.reads.set(path, read);
    }
    return read;
  }
}

/** Writes `text` to `path` through a temporary file in the same folder and a rename: all or nothing. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

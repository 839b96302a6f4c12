/**
 * Baselines in a file of the repository (the Action's `baseline: file:<path>`, the CLI's `--baseline`):
 * a run document (or k6 output) read as the baseline, and the run written there to become the next one.
 */
import { writeFile } from 'node:fs/promises';
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
}

/** A BaselineStore over files. Each file is read once. */
export class FileBaselineStore implements BaselineStore {
  private readonly reads = new Map<string, Promise<RunDocument>>();

  constructor(private readonly options: FileStoreOptions) {}

  /** The file of a stage's baseline. */
  pathOf(stage: string): string {
    return this.options.perStage ? this.options.path.replace(/(\.json)?$/, `.${stage}.json`) : this.options.path;
  }

  /**
   * The stage's baseline: the file's run, unless it records another stage (then none, with a warning).
   * No history: a file holds one run.
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
    return { baseline: run, history: [] };
  }

  async write(stage: string, run: RunDocument): Promise<BaselineWrite> {
    const path = this.pathOf(stage);
    await writeFile(path, `${JSON.stringify(run)}\n`);
    this.reads.delete(path);
    return { status: 'written', message: `Baseline for ${stage} written to ${path} (commit it to keep it).` };
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

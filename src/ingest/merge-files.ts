import type { RunDocument } from '../document/run-document.js';
import { RunMerger } from '../document/run-merger.js';
import type { ShardCheckOptions } from '../document/shard-check.js';
import { withLazyDocuments } from './lazy-run-document.js';

/** The merge of some run document files, the warnings the files themselves carried, and what `each` said of each. */
export interface MergedFiles<T> {
  readonly merged: RunDocument;
  /** Warnings already in the inputs (a caller reports only the merge's own, once). */
  readonly inputWarnings: ReadonlySet<string>;
  /** `each`'s result per file, in the order given. */
  readonly perFile: readonly T[];
}

/**
 * Adds up run document files one at a time, each series parsed as it is folded (withLazyDocuments): what
 * `perf-gate merge` and the Action's merge mode both do. `each` sees every document as it is read (and may
 * throw to refuse it); when the merge starts again on whole documents, everything is collected again.
 *
 * @example
 * const { merged } = await mergeFiles(['a.run.json', 'b.run.json'], {}, ['shard 1', 'shard 2']);
 */
export async function mergeFiles<T = undefined>(files: readonly string[], options: ShardCheckOptions, names: readonly string[] = files, each?: (doc: RunDocument, file: string) => T): Promise<MergedFiles<T>> {
  let inputWarnings = new Set<string>();
  let perFile: T[] = [];
  const merged = await withLazyDocuments(async (read) => {
    inputWarnings = new Set();
    perFile = [];
    const merger = new RunMerger(options);
    for (const [k, file] of files.entries()) {
      const doc = await read(file);
      if (each) perFile.push(each(doc, file));
      for (const w of doc.meta.warnings) inputWarnings.add(w);
      merger.add(doc, names[k]);
    }
    if (merger.windowsAgain()) for (const file of files) merger.addWindows(await read(file));
    return merger.finish();
  });
  return { merged, inputWarnings, perFile };
}

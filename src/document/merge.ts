import { MergeError } from './merge-error.js';
import type { RunDocument } from './run-document.js';
import { RunMerger } from './run-merger.js';
import type { ShardCheckOptions } from './shard-check.js';

export { MergeError };

export interface MergeOptions extends ShardCheckOptions {
  /** How each document is named in messages (its file), in the order given; default `run 1`, `run 2`, …. */
  readonly names?: readonly string[];
}

/**
 * Adds up the run documents of the shards of one test (k6 run on several machines at once).
 * Counts, rates and trend histograms add exactly; windows are re-aligned on a common origin at the
 * widest width among the shards; gauges add (concurrent users of shards running at once add up, and
 * the sum of the shards' maxima is an upper bound of the true maximum).
 *
 * Documents that record `meta.shard` (docs/distributed.md) are first checked to form one whole
 * (shard-check.ts): the merged document records them in `meta.shards` (each shard's requests, the missing
 * ones, how far apart they started) and carries no `meta.shard` of its own.
 * @throws MergeError when the shards were grouped by different tags, windows cannot be aligned, or shard
 *   documents do not form one whole (naming the file, or the missing shard).
 */
export function mergeRuns(docs: readonly RunDocument[], options: MergeOptions = {}): RunDocument {
  // One document at a time (RunMerger), as `perf-gate merge` reads files: one implementation for both.
  const merger = new RunMerger(options);
  docs.forEach((d, k) => merger.add(d, options.names?.[k]));
  if (merger.windowsAgain()) for (const d of docs) merger.addWindows(d);
  return merger.finish();
}

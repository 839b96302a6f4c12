import { DEFAULT_START_TOLERANCE_S } from '../document/shard-check.js';
import { mergeFiles } from '../ingest/merge-files.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { writeOutput } from './write-output.js';

export interface MergeCliOptions {
  output: string;
  /** `--allow-missing-shards`: merge the shards that are there, with a warning. */
  allowMissingShards?: boolean;
  /** `--start-tolerance <seconds>`: shards that started further apart get a warning. */
  startTolerance?: string;
}

/**
 * `perf-gate merge`: adds up run documents; shard documents (`perf-gate run --shard`) are first checked to
 * form one whole (document/shard-check.ts), each named by its file in what is refused.
 */
export async function mergeCommand(inputs: string[], opts: MergeCliOptions, io: Io): Promise<number> {
  const tolerance = opts.startTolerance === undefined ? DEFAULT_START_TOLERANCE_S : Number(opts.startTolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new UsageError(`--start-tolerance must be a number of seconds ≥ 0, but got '${opts.startTolerance}'`);
  // One document at a time (64 shards of a long test held at once took 660 MB), each series parsed as it is folded.
  const { merged, inputWarnings } = await mergeFiles(inputs, { allowMissingShards: opts.allowMissingShards ?? false, startToleranceSeconds: tolerance });
  for (const w of merged.meta.warnings.filter((w) => !inputWarnings.has(w))) io.stderr(`perf-gate: warning: ${w}\n`);
  const failed = await writeOutput(opts.output, `${JSON.stringify(merged)}\n`, 'the merged run document');
  if (failed !== undefined) {
    io.stderr(`perf-gate: ${failed}\n`);
    return EXIT.usage;
  }
  const shards = merged.meta.shards;
  const what = shards
    ? ` (${shards.members.length} of ${shards.count} shards: ${shards.members.map((m) => `${m.index}/${shards.count} ${m.requests} requests`).join(', ')}; started ${shards.startSpreadSeconds.toFixed(1)} s apart)`
    : '';
  io.stderr(`perf-gate: merged ${inputs.length} runs into ${opts.output}${what}\n`);
  return EXIT.pass;
}

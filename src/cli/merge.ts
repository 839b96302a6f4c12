import { mergeRuns } from '../document/merge.js';
import { ingestFiles } from '../ingest/index.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { writeOutput } from './write-output.js';

export async function mergeCommand(inputs: string[], opts: { output: string }, io: Io): Promise<number> {
  const docs = [];
  for (const input of inputs) docs.push(await ingestFiles([input], {}));
  const merged = mergeRuns(docs);
  const failed = await writeOutput(opts.output, `${JSON.stringify(merged)}\n`, 'the merged run document');
  if (failed !== undefined) {
    io.stderr(`perf-gate: ${failed}\n`);
    return EXIT.usage;
  }
  io.stderr(`perf-gate: merged ${docs.length} runs into ${opts.output}\n`);
  return EXIT.pass;
}

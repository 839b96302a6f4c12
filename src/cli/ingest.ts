import { ingestFiles } from '../ingest/index.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { parseGroupBy, parseLabels, parseMaxScopes, parseWindow } from './usage-error.js';
import { writeOutput } from './write-output.js';

export async function ingestCommand(
  inputs: string[],
  opts: { output: string; memory?: string; stage?: string; label: string[]; gitSha?: string; groupBy: string; window: string; maxScopes: string },
  io: Io,
): Promise<number> {
  const doc = await ingestFiles(inputs, {
    groupBy: parseGroupBy(opts.groupBy),
    window: parseWindow(opts.window),
    maxScopes: parseMaxScopes(opts.maxScopes),
    labels: parseLabels(opts.label),
    ...(opts.stage ? { stage: opts.stage } : {}),
    ...(opts.gitSha ? { gitSha: opts.gitSha } : {}),
    ...(opts.memory ? { memory: opts.memory } : {}),
  });
  for (const w of doc.meta.warnings) io.stderr(`perf-gate: warning: ${w}\n`);
  const failed = await writeOutput(opts.output, `${JSON.stringify(doc)}\n`, 'the run document');
  if (failed !== undefined) {
    io.stderr(`perf-gate: ${failed}\n`);
    return EXIT.usage;
  }
  const scopes = Object.keys(doc.scopes).length;
  io.stderr(`perf-gate: wrote ${opts.output}: ${scopes} scopes, ${doc.meta.durationSeconds.toFixed(1)} s${doc.meta.partial ? ' (partial)' : ''}\n`);
  return EXIT.pass;
}

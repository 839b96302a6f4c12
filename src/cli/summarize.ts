import { k6Summary } from '../document/k6-summary.js';
import { ingestFiles } from '../ingest/index.js';
import { sanitizeTerminal } from '../report/index.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { parseGroupBy } from './usage-error.js';

export async function summarizeCommand(inputs: string[], opts: { json?: boolean; groupBy: string }, io: Io): Promise<number> {
  const doc = await ingestFiles(inputs, { groupBy: parseGroupBy(opts.groupBy) });
  for (const w of doc.meta.warnings) io.stderr(`perf-gate: warning: ${w}\n`);
  const summary = k6Summary(doc);
  if (opts.json) {
    io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT.pass;
  }
  const names = Object.keys(summary.metrics).sort();
  const width = Math.min(70, Math.max(...names.map((n) => n.length), 10));
  for (const name of names) {
    const m = summary.metrics[name]!;
    const cells = Object.entries(m.values).map(([k, v]) => `${k}=${formatValue(v)}`);
    io.stdout(`${sanitizeTerminal(name).padEnd(width)}  ${cells.join('  ')}\n`);
  }
  if (doc.meta.partial) io.stdout('\n(partial run: read up to where the input breaks off)\n');
  return EXIT.pass;
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(2) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(3);
}

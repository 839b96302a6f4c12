/**
 * `perf-gate history --stage S`: the shifts in a stage's history on the default branch (gate/history-shifts.ts)
 * — where each began, where it settled, the commits in range and how sure — read from the baseline branch
 * (`git show <branch>:stages/<stage>/history.json`, the local clone's, origin's first), from the file store
 * beside a `--baseline` file, or from `--history FILE`. Exit 0 when the history holds no shift, 1 when it
 * does (a nightly job can fail on it), 2 when it cannot be read.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { HistoryFileSchema } from '../document/history-file.js';
import { newestLatencySeries, type HistoryEntry } from '../document/history-entry.js';
import { historyShiftFindings, type HistoryShiftsResult } from '../gate/history-shifts.js';
import { seriesName, shiftText } from '../report/history-words.js';
import { escapeMarkdown } from '../report/escape.js';
import { renderTrend } from '../report/trend.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { writeOutput } from './write-output.js';

export interface HistoryCliOptions {
  stage: string;
  history?: string;
  baseline?: string;
  branch: string;
  format: 'text' | 'json' | 'markdown';
  alpha: string;
  minChange: string;
  output?: string;
}

const run = promisify(execFile);

/** Where the history was read from, and its entries (oldest first). */
async function readHistory(opts: HistoryCliOptions): Promise<{ from: string; entries: HistoryEntry[] }> {
  const candidates: { from: string; read: () => Promise<string> }[] = [];
  if (opts.history !== undefined) candidates.push({ from: opts.history, read: () => readFile(opts.history!, 'utf8') });
  else if (opts.baseline !== undefined) {
    const path = `${opts.baseline.replace(/\.json$/, '')}.history.json`;
    candidates.push({ from: path, read: () => readFile(path, 'utf8') });
  } else {
    for (const ref of [`origin/${opts.branch}`, opts.branch]) {
      const spec = `${ref}:stages/${opts.stage}/history.json`;
      candidates.push({ from: `git ${spec}`, read: async () => (await run('git', ['show', spec], { maxBuffer: 64 * 1024 * 1024 })).stdout });
    }
  }
  const failures: string[] = [];
  for (const c of candidates) {
    let text: string;
    try {
      text = await c.read();
    } catch (err) {
      failures.push(`${c.from}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : firstLine(err)}`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${c.from}: not JSON (${err instanceof Error ? err.message : String(err)}); a history file is { "schema": "perf-gate/history@1", "stage", "entries": [...] }`);
    }
    const parsed = HistoryFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`${c.from}: not a perf-gate history file (${issue ? `${issue.path.join('.') || 'the document'}: ${issue.message}` : 'unknown shape'})`);
    }
    if (parsed.data.stage !== undefined && parsed.data.stage !== opts.stage) {
      throw new UsageError(`${c.from} is the history of stage ${parsed.data.stage}, not ${opts.stage}: pass --stage ${parsed.data.stage}, or the other stage's file`);
    }
    return { from: c.from, entries: [...parsed.data.entries].sort((a, b) => Date.parse(a.end) - Date.parse(b.end)) };
  }
  throw new UsageError(
    `no history of stage ${opts.stage}: ${failures.join('; ')} — pass --history FILE (the baseline branch's stages/${opts.stage}/history.json), --baseline FILE (the file store's), or fetch the ${opts.branch} branch`,
  );
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? ((err as { stderr?: string }).stderr || err.message) : String(err);
  return text.trim().split('\n')[0] ?? 'cannot be read';
}

function fraction(text: string, name: string, max: number): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0 || x >= max) throw new UsageError(`${name} must be a number between 0 and ${max}, but got '${text}'`);
  return x;
}

function render(stage: string, from: string, entries: readonly HistoryEntry[], r: HistoryShiftsResult, format: HistoryCliOptions['format']): string {
  if (format === 'json') return `${JSON.stringify({ stage, from, runs: entries.length, shifts: r.shifts, unjudged: r.unjudged, series: r.series }, null, 2)}\n`;
  const head = `perf-gate history: stage ${stage}, ${entries.length} runs${entries.length > 0 ? ` (${entries[0]!.sha.slice(0, 7)} … ${entries.at(-1)!.sha.slice(0, 7)})` : ''}, from ${from}`;
  const shifts = r.shifts.length === 0 ? ['no shift beyond the noise and the minimum change'] : r.shifts.map(shiftText);
  const unjudged = r.unjudged.map((u) => `not judged: ${seriesName(u.series)}: ${u.reason}`);
  if (format === 'text') return `${[head, ...shifts.map((s) => `  ${s}`), ...unjudged.map((u) => `  ${u}`)].join('\n')}\n`;
  const whole = r.series.find((s) => s.scope === undefined);
  const marks = new Set(r.shifts.filter((s) => s.series.scope === undefined).map((s) => s.beganAt));
  // Mermaid's labels take letters, digits and a few signs only: the commit where a shift began says so in words.
  const trend = whole ? renderTrend(whole.points.map((p) => ({ label: `${p.sha.slice(0, 7)}${marks.has(p.sha) ? ' (shift)' : ''}`, p95: p.value })), `stage ${stage}: p95 of all requests per run (ms)`) : '';
  return `${[`### ${escapeMarkdown(head)}`, '', ...shifts.map((s) => `- ${escapeMarkdown(s)}`), ...unjudged.map((u) => `- ${escapeMarkdown(u)}`), ...(trend ? ['', trend] : [])].join('\n')}\n`;
}

export async function historyCommand(opts: HistoryCliOptions, io: Io): Promise<number> {
  if (!/^[\w.-]+$/.test(opts.stage)) throw new UsageError(`--stage must be a stage name, but got '${opts.stage}'`);
  const alpha = fraction(opts.alpha, '--alpha', 1);
  const minChange = fraction(opts.minChange, '--min-change', 10);
  const { from, entries: stored } = await readHistory(opts);
  // One series: runs written before the config's latencyMetric changed describe another metric.
  const entries = newestLatencySeries(stored);
  if (entries.length < stored.length) io.stderr(`perf-gate history: ${stored.length - entries.length} of ${stored.length} runs measured another latency metric than the newest (${entries.at(-1)?.latencyMetric ?? "the tool's own"}) and are left out\n`);
  const result = historyShiftFindings(entries, { alpha, minChange });
  const text = render(opts.stage, from, entries, result, opts.format);
  if (opts.output !== undefined) {
    const failed = await writeOutput(opts.output, text, 'the history report');
    if (failed !== undefined) {
      io.stderr(`perf-gate: ${failed}\n`);
      return EXIT.usage;
    }
    io.stdout(render(opts.stage, from, entries, result, 'text'));
  } else io.stdout(text);
  return result.shifts.length > 0 ? EXIT.fail : EXIT.pass;
}

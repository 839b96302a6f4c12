import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE = join(ROOT, 'dist/index.js');
const FAKE_K6 = join(ROOT, 'test/support/fake-k6.mjs');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** A bin folder whose `k6` is the stand-in (test/support/fake-k6.mjs), to put first on PATH. */
export function fakeK6Bin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bin-'));
  chmodSync(FAKE_K6, 0o755);
  symlinkSync(FAKE_K6, join(dir, 'k6'));
  return dir;
}

/**
 * Runs the bundled Action (dist/index.js) as GitHub's runner does: inputs as INPUT_* variables, the
 * event payload in a file, outputs and the job summary written to the files GitHub names.
 */
export async function runBundledAction(options: { inputs: Record<string, string>; event: string; payload: unknown; env: Record<string, string>; bin: string; terminateAfterMs?: number }): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-action-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output.txt');
  const summaryPath = join(dir, 'summary.md');
  const temp = join(dir, 'runner-temp');
  mkdirSync(temp);
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: `${options.bin}${delimiter}${process.env['PATH'] ?? ''}`,
    HOME: process.env['HOME'] ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
    GITHUB_WORKFLOW: 'perf',
    GITHUB_JOB: 'smoke',
    GITHUB_RUN_ID: '4242',
    PERF_GATE_WRITE_SPACING_MS: '0',
    FAKE_K6_DURATION_MS: '300',
    ...options.env,
  };
  for (const [k, v] of Object.entries(options.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [BUNDLE], { env, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A cancelled workflow: the runner sends SIGTERM to the step's process.
  const timer = options.terminateAfterMs !== undefined ? setTimeout(() => child.kill('SIGTERM'), options.terminateAfterMs) : undefined;
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (timer) clearTimeout(timer);
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '' };
}

/** GitHub's output file: `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/**
 * The Action runs in a worker thread (src/action/action-thread.ts). Here both threads are a small script
 * (support/action-thread-main.ts, bundled with esbuild, since a worker cannot load TypeScript):
 * the thread's exit code is the process's, an uncaught error in it is a failed step, and SIGTERM (a
 * cancelled workflow) reaches it. The bundled Action goes through the same code in action-e2e.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_THREAD_LIMITS } from '../../src/action/action-thread.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let bundle = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'perf-gate-action-thread-'));
  bundle = join(dir, 'action-thread-main.mjs');
  await build({ entryPoints: [join(ROOT, 'test/action/support/action-thread-main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'warning' });
}, 60_000);
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function start(does: string, oneThread = false) {
  const env = { ...process.env, THREAD_DOES: does, SHARED: 'yes', ...(oneThread ? { ONE_THREAD: '1' } : {}) };
  const child = spawn(process.execPath, [bundle], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, output: () => stdout };
}

describe('the Action thread', () => {
  it.each([
    { does: 'exit-3', code: 3, stdout: '' },
    { does: 'listen-only', code: 0, stdout: '' },
    // The workflow command core.setFailed writes, from the main thread.
    { does: 'throw', code: 1, stdout: '::error::perf-gate failed: boom\n' },
  ])('$does: the process ends with code $code', async ({ does, code, stdout }) => {
    const run = await start(does).done;
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(stdout);
    expect(run.code).toBe(code);
  }, 30_000);

  it.each([
    { how: 'in the Action thread', oneThread: false },
    { how: 'run in one thread (node dist/action.js)', oneThread: true },
  ])('SIGTERM to the process is a cancellation, which sees the environment and ends the step: $how', async ({ oneThread }) => {
    const run = start('wait-for-cancel', oneThread);
    for (let i = 0; i < 300 && !run.output().includes('ready'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(run.output()).toBe('ready\n');
    run.child.kill('SIGTERM');
    const { code, stdout } = await run.done;
    expect(stdout).toBe('ready\ncancelled; env seen: yes\n');
    expect(code).toBe(5);
  }, 30_000);

  it('the thread runs with a bounded young generation, the point of it', async () => {
    const run = await start('limits').done;
    expect(run.stdout).toBe(`young generation ≤ ${ACTION_THREAD_LIMITS.maxYoungGenerationSizeMb} MB\n`);
    expect(ACTION_THREAD_LIMITS.maxYoungGenerationSizeMb).toBeLessThan(32);
  }, 30_000);
});

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A process started by a test, with what it printed so far. */
export interface Started {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  stdout(): string;
  stderr(): string;
  /** Resolves when `test(stdout + stderr)` holds (checked on output and every 50 ms); rejects when the process ends first. */
  waitFor(test: (output: string) => boolean, what: string): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the perf-gate CLI from the sources (`node --import tsx src/cli/index.ts`) in the checkout's
 * root, as a user would start `perf-gate`: its own process, real signals.
 */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): Started {
  return start(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], env);
}

export function start(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(file, [...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { test: (output: string) => boolean; resolve: () => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      if (w.test(out + err)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    check();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (test, what) =>
      new Promise<void>((resolve, reject) => {
        if (test(out + err)) return resolve();
        const timer = setInterval(check, 50);
        waiters.push({
          test,
          resolve: () => {
            clearInterval(timer);
            resolve();
          },
        });
        void exited.then(({ code, signal }) => {
          clearInterval(timer);
          reject(new Error(`the process ended (code ${code}, signal ${signal}) before ${what}:\n${out}\n${err}`));
        });
      }),
  };
}

/** Whether a process is alive: it exists and is not a zombie (a container's init may not reap it). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return process.platform !== 'linux'; // no /proc entry on Linux: gone
    } catch {
      return false;
    }
  }
}

/** The pids of the running processes whose parent is `pid` (Linux, from /proc). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter((s) => s !== '').map(Number);
  } catch {
    return [];
  }
}

/**
 * Runs one k6 stage: `k6 run --out json=<file> …` without a shell, with live progress read from the
 * output file while k6 writes it (or from the caller's live reader of a FIFO, k6-live-output.ts), and a
 * graceful stop (SIGINT, then SIGKILL after a grace period) when the caller's AbortSignal fires. The
 * caller ingests the output file afterwards (`ingestFiles`), or has built the document as k6 wrote it.
 */
import { spawn } from 'node:child_process';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { carriesSecret, childEnv } from './child-env.js';
import { codeOfSignal } from './k6-exit.js';
import { formatElapsed, formatProgress, LiveProgress } from './live-progress.js';
import type { EngineLog } from './log.js';
import { secondsText, shellQuote, startError } from './process-text.js';

export interface RunK6Options {
  /** The k6 executable (from `ensureK6`). */
  readonly k6: string;
  readonly script: string;
  /** The stage, given to the script as `PERF_GATE_STAGE` (`-e` and environment). */
  readonly stage: string;
  /** Where k6 writes its NDJSON (`--out json=…`); plain, so it can be followed while k6 runs. */
  readonly outFile: string;
  /** Where k6 writes `--summary-export`, if wanted. */
  readonly summaryFile?: string;
  /** The system under test, given to the script as `BASE_URL` (`-e` and environment). */
  readonly baseUrl?: string;
  /** Extra `-e NAME=value` pairs (the `env` input, see `parseEnvPairs`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra k6 flags, already split (the `k6-flags` input, see `splitArgs`); they come before the script. */
  readonly flags?: readonly string[];
  readonly log: EngineLog;
  /** Time between progress lines; default 15 000 ms. */
  readonly progressIntervalMs?: number;
  /** Aborting it stops k6 gracefully (SIGINT), then forcibly after `stopTimeoutMs`. */
  readonly signal?: AbortSignal;
  /**
   * Aborting it ends k6 early on perf-gate's own decision (a sequential stage's look): the same graceful
   * stop as `signal`, but the load is not cancelled — the result says `stoppedOnRequest`.
   */
  readonly stop?: AbortSignal;
  /** Called once k6 has been started (a sequential stage's looks count from here). */
  readonly onStart?: () => void;
  readonly cwd?: string;
  /** Grace period after SIGINT before SIGKILL; default 30 000 ms. */
  readonly stopTimeoutMs?: number;
  /**
   * What k6's environment is built from (`childEnv`): default `process.env`, without the runner's and the
   * Action's secrets; `PERF_GATE_STAGE`, `BASE_URL` and `env` are added.
   */
  readonly processEnv?: NodeJS.ProcessEnv;
  /** Values that must not reach k6 (the github-token): a variable or `-e` value holding one is left out. */
  readonly secrets?: readonly string[];
  /** Pass `--quiet` (k6's progress bars off: perf-gate logs its own progress); default true. */
  readonly quiet?: boolean;
  /** Copy k6's stdout and stderr lines to `log.info` as they come; default true. */
  readonly echoOutput?: boolean;
  /**
   * k6's output is read by the caller while k6 runs (a FIFO at `outFile`, k6-live-output.ts): progress
   * lines come from `progress`, `drain` is awaited once k6 has exited, and `outFile` is neither removed
   * nor followed.
   */
  readonly live?: LiveOutputTap;
}

/** What runK6 needs of a live reader of k6's output (K6LiveOutput). */
export interface LiveOutputTap {
  /** Fed with every chunk k6 writes. */
  readonly progress: LiveProgress;
  /** k6 has exited: resolves once everything k6 wrote has been read. */
  drain(): Promise<void>;
}

export interface K6RunResult {
  /** k6's exit code; 128 + n when a signal ended it (then `signal` is set). */
  readonly exitCode: number;
  readonly signal?: string;
  /** The end of k6's stderr and stdout (up to 64 KiB each), for `describeK6Exit` and the report. */
  readonly stderrTail: string;
  readonly stdoutTail: string;
  readonly durationMs: number;
  /** The AbortSignal fired while k6 ran: the output holds the part of the test that ran. */
  readonly cancelled: boolean;
  /** `stop` fired while k6 ran (and `signal` did not): k6 was ended early on purpose. */
  readonly stoppedOnRequest: boolean;
  readonly startedAt: Date;
  readonly endedAt: Date;
  /** The arguments k6 was started with. */
  readonly args: readonly string[];
}

const DEFAULT_PROGRESS_MS = 15_000;
const DEFAULT_STOP_TIMEOUT_MS = 30_000;
/** How often the output file is read for progress (at most; less when progress lines are more frequent). */
const POLL_MS = 1_000;
const TAIL_CHARS = 64 * 1024;
const READ_CHUNK = 1 << 20;

/**
 * The k6 command line of a stage: `run [--quiet] --out json=<outFile> [--summary-export=<file>]
 * -e PERF_GATE_STAGE=<stage> [-e BASE_URL=<url>] [-e NAME=value …] [flags …] <script>`. The stage and
 * `baseUrl` win over the same names in `env`.
 *
 * @example k6Args({ script: 's.js', stage: 'smoke', outFile: 'o.ndjson', env: { A: '1' }, flags: ['--vus', '2'] })
 *   // ['run', '--quiet', '--out', 'json=o.ndjson', '-e', 'PERF_GATE_STAGE=smoke', '-e', 'A=1', '--vus', '2', 's.js']
 */
export function k6Args(options: Pick<RunK6Options, 'script' | 'stage' | 'outFile' | 'summaryFile' | 'baseUrl' | 'env' | 'flags' | 'quiet' | 'secrets'>): string[] {
  const vars = k6Variables(options).vars;
  const args = ['run'];
  if (options.quiet ?? true) args.push('--quiet');
  args.push('--out', `json=${options.outFile}`);
  if (options.summaryFile !== undefined) args.push(`--summary-export=${options.summaryFile}`);
  for (const [name, value] of vars) args.push('-e', `${name}=${value}`);
  args.push(...(options.flags ?? []), options.script);
  return args;
}

/**
 * The variables a stage's script (and its memory command) is given, in order: stage, base URL, then
 * `env`; the `env` entries the stage or base URL replaced; and those left out because their value holds
 * one of `secrets`.
 */
export function k6Variables(options: Pick<RunK6Options, 'stage' | 'baseUrl' | 'env' | 'secrets'>): { vars: Map<string, string>; replaced: string[]; refused: string[] } {
  const vars = new Map<string, string>([['PERF_GATE_STAGE', options.stage]]);
  if (options.baseUrl !== undefined) vars.set('BASE_URL', options.baseUrl);
  const replaced: string[] = [];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    const own = vars.get(name);
    if (own === undefined) vars.set(name, value);
    else if (own !== value) replaced.push(name);
  }
  const refused: string[] = [];
  for (const [name, value] of vars) {
    if (carriesSecret(value, options.secrets ?? [])) {
      vars.delete(name);
      refused.push(name);
    }
  }
  return { vars, replaced, refused };
}

/**
 * Runs k6 for one stage and waits for it to exit. A non-zero exit is returned, not thrown: pass the
 * result to `describeK6Exit`. Logs a progress line every `progressIntervalMs` while k6 runs.
 *
 * @throws the AbortSignal's reason when it had already fired (k6 is not started); an Error when k6
 *   cannot be started (missing, not executable).
 */
export async function runK6(options: RunK6Options): Promise<K6RunResult> {
  const { log } = options;
  options.signal?.throwIfAborted();
  const progressMs = options.progressIntervalMs ?? DEFAULT_PROGRESS_MS;
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const { vars, replaced, refused } = k6Variables(options);
  for (const name of replaced) log.warning(`'env' sets ${name}, but perf-gate sets ${name} for this stage; the 'env' value is ignored`);
  for (const name of refused) log.warning(`${name} holds the github-token, which never reaches the script (it is the pull request's code): ${name} is not passed to k6`);
  const args = k6Args(options);

  await mkdir(path.dirname(path.resolve(options.cwd ?? '.', options.outFile)), { recursive: true });
  // A stale file from an earlier run would be read as this run's progress; k6 creates it anew.
  const outPath = path.resolve(options.cwd ?? '.', options.outFile);
  if (!options.live) await rm(outPath, { force: true });
  if (options.summaryFile !== undefined) await rm(path.resolve(options.cwd ?? '.', options.summaryFile), { force: true });

  const environment = childEnv({ parent: options.processEnv ?? process.env, ...(options.secrets ? { secrets: options.secrets } : {}), set: Object.fromEntries(vars) });
  if (environment.withheld.length > 0) log.debug(`not passed to k6 (secrets of the runner or the Action): ${environment.withheld.join(', ')}`);

  options.signal?.throwIfAborted();
  log.info(`stage ${options.stage}: ${options.k6} ${displayArgs(args)}`);
  const startedAt = new Date();
  // Its own process group (POSIX): a Ctrl-C in the terminal reaches perf-gate only, which stops k6 once
  // (SIGINT) — k6 takes a second SIGINT as "abort at once, write nothing more".
  const child = spawn(options.k6, args, { cwd: options.cwd, env: environment.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: process.platform !== 'win32' });
  // Whatever ends perf-gate (a second signal, a crash), k6 does not outlive it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const echo = options.echoOutput ?? true;
  const stdout = new OutputTail(echo ? (line) => log.info(line) : undefined);
  const stderr = new OutputTail(echo ? (line) => log.info(line) : undefined);
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

  let cancelled = false;
  let stoppedOnRequest = false;
  let killTimer: NodeJS.Timeout | undefined;
  let exited = false;
  /** One SIGINT only: k6 takes a second one as "abort at once, write nothing more". */
  const stopK6 = (): void => {
    if (killTimer !== undefined) return;
    child.kill('SIGINT');
    killTimer = setTimeout(() => {
      if (exited) return;
      log.warning(`k6 did not stop within ${secondsText(stopTimeoutMs)} of SIGINT: killing it (SIGKILL); its output ends where it was cut`);
      child.kill('SIGKILL');
    }, stopTimeoutMs);
  };
  const onAbort = (): void => {
    if (cancelled || exited) return;
    cancelled = true;
    stoppedOnRequest = false;
    log.info(`stage ${options.stage} cancelled: asking k6 to stop (SIGINT); it has ${secondsText(stopTimeoutMs)} to write what it measured`);
    stopK6();
  };
  const onStop = (): void => {
    if (cancelled || exited || stoppedOnRequest) return;
    stoppedOnRequest = true;
    log.info(`stage ${options.stage}: asking k6 to stop now (SIGINT); it has ${secondsText(stopTimeoutMs)} to write what it measured`);
    stopK6();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  options.stop?.addEventListener('abort', onStop, { once: true });
  if (options.stop?.aborted) onStop();
  options.onStart?.();

  const progress = options.live
    ? new ProgressLoop(undefined, progressMs, startedAt.getTime(), log, options.live.progress)
    : outPath.endsWith('.gz')
      ? undefined
      : new ProgressLoop(outPath, progressMs, startedAt.getTime(), log);
  if (!progress) log.info(`live progress reads a plain NDJSON file; ${options.outFile} is gzipped, so there is none`);
  progress?.start();

  let closed: { code: number | null; signal: NodeJS.Signals | null; at: Date };
  try {
    closed = await new Promise((resolve, reject) => {
      child.on('error', (err) => {
        if (child.pid === undefined) reject(startError('k6', options.k6, err));
      });
      child.once('close', (code, signal) => resolve({ code, signal, at: new Date() }));
    });
  } finally {
    exited = true;
    if (killTimer) clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
    options.stop?.removeEventListener('abort', onStop);
    process.removeListener('exit', killOnExit);
    // Read to the end before the last progress read and the request count of the exit line.
    await options.live?.drain();
    await progress?.stop();
  }
  stdout.end();
  stderr.end();
  const endedAt = closed.at;
  const signal = closed.signal ?? undefined;
  const exitCode = closed.code ?? (signal !== undefined ? codeOfSignal(signal) : 255);
  const durationMs = endedAt.getTime() - startedAt.getTime();
  const requests = progress?.totalRequests();
  log.info(
    `stage ${options.stage}: k6 exited with code ${exitCode}${signal !== undefined ? ` (${signal})` : ''} after ${formatElapsed(durationMs)}` +
      (requests !== undefined ? ` · ${requests} requests` : '') +
      (cancelled ? ' · cancelled' : stoppedOnRequest ? ' · stopped early on purpose' : ''),
  );
  return {
    exitCode,
    ...(signal !== undefined ? { signal } : {}),
    stderrTail: stderr.text(),
    stdoutTail: stdout.text(),
    durationMs,
    cancelled,
    stoppedOnRequest,
    startedAt,
    endedAt,
    args,
  };
}

/** The command line for the log, `-e` values hidden (they may be secrets) except the stage. */
function displayArgs(args: readonly string[]): string {
  return args
    .map((a, i) => {
      if (args[i - 1] === '-e' && !a.startsWith('PERF_GATE_STAGE=')) return `${shellQuote(a.slice(0, a.indexOf('=')))}=***`;
      return shellQuote(a);
    })
    .join(' ');
}




/** Keeps the end of a stream as text and hands complete lines to `onLine` (k6's and JMeter's stdout and stderr). */
export class OutputTail {
  private readonly decoder = new TextDecoder();
  private tail = '';
  private pending = '';

  constructor(private readonly onLine: ((line: string) => void) | undefined) {}

  push(chunk: Buffer): void {
    const text = this.decoder.decode(chunk, { stream: true });
    this.tail += text;
    if (this.tail.length > 2 * TAIL_CHARS) this.tail = this.tail.slice(-TAIL_CHARS);
    if (!this.onLine) return;
    const all = this.pending + text;
    const lines = all.split('\n');
    this.pending = lines.pop()!;
    for (const line of lines) this.onLine(line.replace(/\r$/, ''));
  }

  end(): void {
    const rest = this.decoder.decode();
    this.tail += rest;
    const last = this.pending + rest;
    this.pending = '';
    if (this.onLine && last !== '') this.onLine(last);
  }

  text(): string {
    if (this.tail.length <= TAIL_CHARS) return this.tail;
    const cut = this.tail.slice(-TAIL_CHARS);
    const nl = cut.indexOf('\n');
    return nl >= 0 ? cut.slice(nl + 1) : cut;
  }
}

/**
 * Logs a progress line every interval: from the file k6 appends to (read every second), or, without a
 * file, from a LiveProgress the caller feeds (the live output).
 */
class ProgressLoop {
  private handle: FileHandle | undefined;
  private offset = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private nextReport: number;
  private readonly buffer = Buffer.allocUnsafe(READ_CHUNK);

  constructor(
    private readonly file: string | undefined,
    private readonly intervalMs: number,
    private readonly startMs: number,
    private readonly log: EngineLog,
    private readonly live = new LiveProgress(),
  ) {
    this.nextReport = startMs + intervalMs;
  }

  /** Requests k6 recorded in the whole run (call after `stop`). */
  totalRequests(): number {
    return this.live.take(Date.now() - this.startMs).totalRequests;
  }

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.read().catch(() => undefined);
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    const untilReport = this.nextReport - Date.now();
    // Nothing to read between reports when the caller feeds the progress.
    const delay = Math.max(0, this.file === undefined ? untilReport : Math.min(POLL_MS, untilReport));
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, delay);
  }

  private async tick(): Promise<void> {
    try {
      await this.read();
    } catch (err) {
      this.log.debug(`live progress: cannot read ${this.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const now = Date.now();
    if (now >= this.nextReport && !this.stopped) {
      const snapshot = this.live.take(now - this.startMs);
      this.log.info(formatProgress(snapshot));
      this.log.progress?.(snapshot);
      while (this.nextReport <= now) this.nextReport += this.intervalMs;
    }
  }

  /** Feeds the bytes appended since the last read (nothing while k6 has not created the file). */
  private async read(): Promise<void> {
    if (this.file === undefined) return;
    if (!this.handle) {
      try {
        this.handle = await open(this.file, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
    }
    for (;;) {
      const { bytesRead } = await this.handle.read(this.buffer, 0, READ_CHUNK, this.offset);
      if (bytesRead === 0) return;
      this.offset += bytesRead;
      this.live.push(this.buffer.subarray(0, bytesRead));
      if (bytesRead < READ_CHUNK) return;
    }
  }
}

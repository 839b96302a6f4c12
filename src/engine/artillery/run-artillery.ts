/**
 * Runs one Artillery stage: `artillery run --output <report> [--target <url>] [flags …] <script>` without a
 * shell, with artillery-plugin-perf-gate enabled through the environment (ARTILLERY_PLUGIN_PATH names the
 * package's `artillery/` folder, ARTILLERY_PLUGINS adds `{"perf-gate":{}}` to the script's plugins, which
 * Artillery 2 merges in every worker), so the user's script is run as written. A graceful stop (SIGINT,
 * then SIGKILL after a grace period) when the AbortSignal fires.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { childEnv } from '../child-env.js';
import { formatElapsed } from '../live-progress.js';
import type { EngineLog } from '../log.js';
import { ARTILLERY_QUIET_ENV } from './find-artillery.js';
import { startError } from '../process-text.js';

export interface RunArtilleryOptions {
  readonly artillery: string;
  readonly script: string;
  readonly stage: string;
  /** Where Artillery writes its `--output` report. */
  readonly reportFile: string;
  /** The path the plugin's files start with (PERF_GATE_ARTILLERY_REQUESTS): `<it>.<pid>-<thread>.jsonl`. */
  readonly requestsBase: string;
  /** The folder holding artillery-plugin-perf-gate (ARTILLERY_PLUGIN_PATH). */
  readonly pluginParent: string;
  /** `--target`: the system under test; also given to the script as BASE_URL. */
  readonly targetUrl?: string;
  /** Variables for the script (the `env` input): Artillery's scripts read them as `{{ $env.NAME }}`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra Artillery flags, already split; they come before the script. */
  readonly flags?: readonly string[];
  readonly processEnv: NodeJS.ProcessEnv;
  readonly secrets?: readonly string[];
  readonly log: EngineLog;
  readonly signal?: AbortSignal;
  /** Grace period after SIGINT before SIGKILL; default 30 000 ms (Artillery waits for its virtual users). */
  readonly stopTimeoutMs?: number;
  readonly cwd?: string;
}

export interface ArtilleryRunResult {
  /** Artillery's exit code; 128 + n when a signal ended it (then `signal` is set). */
  readonly exitCode: number;
  readonly signal?: string;
  /** The end of Artillery's stderr and stdout (up to 64 KiB each). */
  readonly stderrTail: string;
  readonly stdoutTail: string;
  readonly durationMs: number;
  readonly cancelled: boolean;
  /** The plugin's files with at least one line, sorted. */
  readonly requestFiles: readonly string[];
  /** The report, when Artillery wrote one (it writes none when stopped). */
  readonly report?: string;
  readonly args: readonly string[];
}

const TAIL_CHARS = 64 * 1024;
const DEFAULT_STOP_TIMEOUT_MS = 30_000;

/** Artillery's stdout lines worth a progress line in the stage's log (its per-period metrics are long). */
const PROGRESS_LINE = /^(Phase (started|completed)|Metrics for period to|http\.requests:|http\.codes\.\d+:|errors\.|vusers\.(created|failed|completed):|All VUs finished|Test run id|Summary report|WARNING|Error)/;

/**
 * The command line of a stage: `run --output <report> [--target <url>] [flags …] <script>`.
 *
 * @example artilleryArgs({ script: 's.yml', reportFile: 'r.json', targetUrl: 'http://127.0.0.1:3000', flags: ['--quiet'] })
 *   // ['run', '--output', 'r.json', '--target', 'http://127.0.0.1:3000', '--quiet', 's.yml']
 */
export function artilleryArgs(options: Pick<RunArtilleryOptions, 'script' | 'reportFile' | 'targetUrl' | 'flags'>): string[] {
  return ['run', '--output', options.reportFile, ...(options.targetUrl !== undefined ? ['--target', options.targetUrl] : []), ...(options.flags ?? []), options.script];
}

/**
 * The variables Artillery is started with on top of the parent's (all through `childEnv`): the script's
 * `env`, then BASE_URL, PERF_GATE_STAGE, the plugin's settings and ARTILLERY_DISABLE_TELEMETRY, which win.
 * A parent's ARTILLERY_PLUGIN_PATH and ARTILLERY_PLUGINS are kept, the plugin added to them.
 */
export function artilleryVariables(options: Pick<RunArtilleryOptions, 'stage' | 'targetUrl' | 'env' | 'requestsBase' | 'pluginParent' | 'processEnv'>): Record<string, string> {
  const parentPath = options.processEnv['ARTILLERY_PLUGIN_PATH'];
  let plugins: Record<string, unknown> = {};
  const parentPlugins = options.processEnv['ARTILLERY_PLUGINS'];
  if (parentPlugins !== undefined && parentPlugins !== '') {
    try {
      const parsed: unknown = JSON.parse(parentPlugins);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) plugins = parsed as Record<string, unknown>;
    } catch {
      // Artillery ignores it too (load-plugins.js)
    }
  }
  return {
    ...options.env,
    ...(options.targetUrl !== undefined ? { BASE_URL: options.targetUrl } : {}),
    PERF_GATE_STAGE: options.stage,
    PERF_GATE_ARTILLERY_REQUESTS: options.requestsBase,
    ARTILLERY_PLUGIN_PATH: parentPath ? `${options.pluginParent}:${parentPath}` : options.pluginParent,
    ARTILLERY_PLUGINS: JSON.stringify({ ...plugins, 'perf-gate': {} }),
    ...ARTILLERY_QUIET_ENV,
  };
}

/**
 * Runs Artillery for one stage and waits for it to exit. A non-zero exit is returned, not thrown.
 *
 * @throws the AbortSignal's reason when it had already fired; an Error when Artillery cannot be started.
 */
export async function runArtillery(options: RunArtilleryOptions): Promise<ArtilleryRunResult> {
  const { log } = options;
  options.signal?.throwIfAborted();
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  await mkdir(dirname(options.reportFile), { recursive: true });
  // Files of an earlier run of this stage would be read as this run's.
  await rm(options.reportFile, { force: true });
  for (const f of await requestFilesOf(options.requestsBase, false)) await rm(f, { force: true });

  const set = artilleryVariables(options);
  const environment = childEnv({ parent: options.processEnv, ...(options.secrets ? { secrets: options.secrets } : {}), set });
  for (const name of environment.refused) log.warning(`${name} holds the github-token, which never reaches the script (it is the pull request's code): ${name} is not passed to Artillery`);
  if (environment.withheld.length > 0) log.debug(`not passed to Artillery (secrets of the runner or the Action): ${environment.withheld.join(', ')}`);
  const args = artilleryArgs(options);
  log.info(`stage ${options.stage}: ${options.artillery} ${args.join(' ')}`);
  options.signal?.throwIfAborted();

  const startedAt = Date.now();
  // Its own process group (POSIX): a Ctrl-C in the terminal reaches perf-gate only, which stops Artillery once.
  const child = spawn(options.artillery, args, { cwd: options.cwd, env: environment.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: process.platform !== 'win32' });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stdout = new Tail((line) => {
    if (PROGRESS_LINE.test(line.trim())) log.info(`artillery: ${line.trim()}`);
  });
  const stderr = new Tail((line) => {
    if (line.trim() !== '') log.info(`artillery: ${line.trim()}`);
  });
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

  let cancelled = false;
  let exited = false;
  let killTimer: NodeJS.Timeout | undefined;
  const onAbort = (): void => {
    if (cancelled || exited) return;
    cancelled = true;
    log.info(`stage ${options.stage} cancelled: asking Artillery to stop (SIGINT); it has ${formatElapsed(stopTimeoutMs)} to end its virtual users`);
    child.kill('SIGINT');
    killTimer = setTimeout(() => {
      if (exited) return;
      log.warning(`Artillery did not stop within ${formatElapsed(stopTimeoutMs)} of SIGINT: killing it (SIGKILL); its request lines end where it was cut`);
      child.kill('SIGKILL');
    }, stopTimeoutMs);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let closed: { code: number | null; signal: NodeJS.Signals | null };
  try {
    closed = await new Promise((resolve, reject) => {
      child.on('error', (err) => {
        if (child.pid === undefined) reject(startError('Artillery', options.artillery, err));
      });
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
  } finally {
    exited = true;
    if (killTimer) clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
    process.removeListener('exit', killOnExit);
  }
  stdout.end();
  stderr.end();
  const signal = closed.signal ?? undefined;
  const exitCode = closed.code ?? (signal !== undefined ? 128 + (SIGNALS[signal] ?? 127) : 255);
  const durationMs = Date.now() - startedAt;
  const requestFiles = await requestFilesOf(options.requestsBase, true);
  const report = (await nonEmpty(options.reportFile)) ? options.reportFile : undefined;
  log.info(
    `stage ${options.stage}: Artillery exited with code ${exitCode}${signal !== undefined ? ` (${signal})` : ''} after ${formatElapsed(durationMs)}` +
      ` · ${requestFiles.length} request file${requestFiles.length === 1 ? '' : 's'}${report ? ' and the report' : ', no report'}${cancelled ? ' · cancelled' : ''}`,
  );
  return {
    exitCode,
    ...(signal !== undefined ? { signal } : {}),
    stderrTail: stderr.text(),
    stdoutTail: stdout.text(),
    durationMs,
    cancelled,
    requestFiles,
    ...(report ? { report } : {}),
    args,
  };
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** The plugin's files for `base` (`<base>.<pid>-<thread>.jsonl`), sorted; with `nonEmptyOnly`, those holding a byte. */
async function requestFilesOf(base: string, nonEmptyOnly: boolean): Promise<string[]> {
  const dir = dirname(base);
  const prefix = `${basename(base)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files = names.filter((n) => n.startsWith(prefix) && /^\d+-\d+\.jsonl$/.test(n.slice(prefix.length))).sort().map((n) => join(dir, n));
  if (!nonEmptyOnly) return files;
  const out: string[] = [];
  for (const f of files) if (await nonEmpty(f)) out.push(f);
  return out;
}

async function nonEmpty(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}


/** Keeps the end of a stream as text and hands complete lines to `onLine`. */
class Tail {
  private readonly decoder = new TextDecoder();
  private tail = '';
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.decoder.decode(chunk, { stream: true });
    this.tail += text;
    if (this.tail.length > 2 * TAIL_CHARS) this.tail = this.tail.slice(-TAIL_CHARS);
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.replace(/\r$/, ''));
  }

  end(): void {
    const rest = this.decoder.decode();
    this.tail += rest;
    if (this.pending + rest !== '') this.onLine(this.pending + rest);
    this.pending = '';
  }

  text(): string {
    return this.tail.slice(-TAIL_CHARS);
  }
}

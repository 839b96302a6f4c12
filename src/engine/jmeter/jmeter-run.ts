/**
 * Runs one JMeter stage: `jmeter -n -t …` (jmeter-args.ts) without a shell, in its own process group,
 * stdout and stderr echoed (JMeter's summariser prints a `summary +  …` line every 15 s: the live
 * progress) and kept for the error message, and a graceful stop when the caller's AbortSignal fires.
 *
 * Stopping: JMeter's non-GUI mode takes no signal as "stop the test": a SIGINT or SIGTERM ends the JVM,
 * and its result listeners may not flush the JTL. Its documented stop is a UDP datagram to
 * `jmeterengine.nongui.port` on localhost — `Shutdown` (what bin/shutdown.sh sends: every thread ends
 * after its current sample, the listeners close their files), `StopTestNow` (bin/stoptest.sh: threads
 * are interrupted). So a free port is picked for every run and passed as that property; once JMeter says
 * it listens (`Waiting for possible Shutdown/StopTestNow/… message on port N` on stdout), a stop sends
 * `Shutdown`, then `StopTestNow` halfway through the grace period, then SIGTERM and finally SIGKILL to
 * the process group (the `jmeter` launcher is a shell script that does not `exec` java). A JMeter that
 * never said it listens gets SIGTERM at once.
 */
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { carriesSecret, childEnv } from '../child-env.js';
import { codeOfSignal } from '../k6-exit.js';
import { OutputTail } from '../k6-run.js';
import { formatElapsed } from '../live-progress.js';
import type { EngineLog } from '../log.js';
import { jmeterArgs, type JmeterArgsOptions } from './jmeter-args.js';
import { secondsText, shellQuote, startError } from '../process-text.js';

export interface RunJmeterOptions extends Omit<JmeterArgsOptions, 'stopPort'> {
  /** The `jmeter` executable (a path, or a name looked up on PATH). */
  readonly jmeter: string;
  readonly log: EngineLog;
  /** Aborting it stops JMeter gracefully (`Shutdown`), then harder after `stopTimeoutMs`. */
  readonly signal?: AbortSignal;
  /** Grace period from `Shutdown` to SIGTERM (`StopTestNow` at half of it); default 30 000 ms. */
  readonly stopTimeoutMs?: number;
  /** What JMeter's environment is built from (`childEnv`); default `process.env`. `PERF_GATE_STAGE` is added. */
  readonly processEnv?: NodeJS.ProcessEnv;
  /** Values that must not reach JMeter (the github-token): no variable, and no `-J` property, holding one. */
  readonly secrets?: readonly string[];
  /** Copy JMeter's stdout and stderr lines to `log.info` as they come; default true. */
  readonly echoOutput?: boolean;
  /** The UDP port for the stop command; default a free one picked for this run. */
  readonly stopPort?: number;
}

export interface JmeterRunResult {
  /** JMeter's exit code; 128 + n when a signal ended it (then `signal` is set). */
  readonly exitCode: number;
  readonly signal?: string;
  readonly stdoutTail: string;
  readonly stderrTail: string;
  readonly durationMs: number;
  /** The AbortSignal fired while JMeter ran: the JTL holds the part of the test that ran. */
  readonly cancelled: boolean;
  /** How the stop ended JMeter, when it was stopped: its own `Shutdown`, `StopTestNow`, or a signal. */
  readonly stoppedBy?: 'Shutdown' | 'StopTestNow' | 'SIGTERM' | 'SIGKILL';
  /** The arguments JMeter was started with. */
  readonly args: readonly string[];
}

const DEFAULT_STOP_TIMEOUT_MS = 30_000;
/** After SIGTERM, this long before SIGKILL. */
const KILL_AFTER_TERM_MS = 5_000;
const LISTENING = /message on port (\d+)/;

/**
 * Runs JMeter for one stage and waits for it to exit. A non-zero exit is returned, not thrown. The JTL
 * and log of an earlier run are removed first: JMeter appends to an existing results file.
 *
 * @throws the AbortSignal's reason when it had already fired (JMeter is not started); an Error when JMeter
 *   cannot be started (missing, not executable).
 */
export async function runJmeter(options: RunJmeterOptions): Promise<JmeterRunResult> {
  const { log } = options;
  options.signal?.throwIfAborted();
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const secrets = options.secrets ?? [];
  const { properties, refused } = withoutSecrets(options.properties ?? {}, secrets);
  for (const name of refused) log.warning(`${name} holds the github-token, which never reaches the test plan: it is not passed to JMeter`);
  const stopPort = options.stopPort ?? (await freeUdpPort());
  const args = jmeterArgs({ ...options, properties, stopPort });

  await mkdir(path.dirname(path.resolve(options.jtl)), { recursive: true });
  await rm(options.jtl, { force: true });
  await rm(options.logFile, { force: true });

  const environment = childEnv({ parent: options.processEnv ?? process.env, secrets, set: { PERF_GATE_STAGE: options.stage } });
  if (environment.withheld.length > 0) log.debug(`not passed to JMeter (secrets of the runner or the Action): ${environment.withheld.join(', ')}`);

  options.signal?.throwIfAborted();
  log.info(`stage ${options.stage}: ${options.jmeter} ${displayArgs(args, Object.keys(properties))}`);
  const startedAt = Date.now();
  // Its own process group (POSIX): a Ctrl-C reaches perf-gate only, which stops JMeter once, and a kill
  // reaches the JVM behind the launcher script.
  const group = process.platform !== 'win32';
  const child = spawn(options.jmeter, args, { env: environment.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: group });
  const signalGroup = (sig: NodeJS.Signals): void => {
    try {
      if (group && child.pid !== undefined) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  };
  const killOnExit = (): void => signalGroup('SIGKILL');
  process.once('exit', killOnExit);

  let listeningOn: number | undefined;
  const echo = options.echoOutput ?? true;
  const stdout = new OutputTail((line) => {
    const m = LISTENING.exec(line);
    if (m) listeningOn = Number(m[1]);
    if (echo) log.info(line);
  });
  const stderr = new OutputTail(echo ? (line) => log.info(line) : undefined);
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

  let cancelled = false;
  let exited = false;
  let stoppedBy: JmeterRunResult['stoppedBy'];
  const timers: NodeJS.Timeout[] = [];
  const later = (ms: number, fn: () => void): void => {
    timers.push(setTimeout(() => {
      if (!exited) fn();
    }, ms));
  };
  const terminate = (): void => {
    stoppedBy = 'SIGTERM';
    signalGroup('SIGTERM');
    later(KILL_AFTER_TERM_MS, () => {
      log.warning(`JMeter did not end within ${secondsText(KILL_AFTER_TERM_MS)} of SIGTERM: killing it (SIGKILL); its JTL ends where it was cut`);
      stoppedBy = 'SIGKILL';
      signalGroup('SIGKILL');
    });
  };
  const onAbort = (): void => {
    if (cancelled || exited) return;
    cancelled = true;
    if (listeningOn === undefined) {
      log.info(`stage ${options.stage} cancelled: JMeter has not said it listens for a stop command, so it gets SIGTERM (the JTL may miss its last samples)`);
      terminate();
      return;
    }
    const port = listeningOn;
    log.info(`stage ${options.stage} cancelled: asking JMeter to shut down (UDP 'Shutdown' to port ${port}); it has ${secondsText(stopTimeoutMs)} to end its threads and write the JTL`);
    stoppedBy = 'Shutdown';
    void sendCommand('Shutdown', port);
    later(stopTimeoutMs / 2, () => {
      log.warning(`JMeter is still shutting down after ${secondsText(stopTimeoutMs / 2)}: sending 'StopTestNow'`);
      stoppedBy = 'StopTestNow';
      void sendCommand('StopTestNow', port);
    });
    later(stopTimeoutMs, () => {
      log.warning(`JMeter did not stop within ${secondsText(stopTimeoutMs)}: ending it (SIGTERM)`);
      terminate();
    });
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let closed: { code: number | null; signal: NodeJS.Signals | null };
  try {
    closed = await new Promise((resolve, reject) => {
      child.on('error', (err) => {
        if (child.pid === undefined) reject(startError('JMeter', options.jmeter, err));
      });
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
  } finally {
    exited = true;
    for (const t of timers) clearTimeout(t);
    options.signal?.removeEventListener('abort', onAbort);
    process.removeListener('exit', killOnExit);
  }
  stdout.end();
  stderr.end();
  const durationMs = Date.now() - startedAt;
  const signal = closed.signal ?? undefined;
  const exitCode = closed.code ?? (signal !== undefined ? codeOfSignal(signal) : 255);
  log.info(`stage ${options.stage}: JMeter exited with code ${exitCode}${signal !== undefined ? ` (${signal})` : ''} after ${formatElapsed(durationMs)}${cancelled ? ' · cancelled' : ''}`);
  return {
    exitCode,
    ...(signal !== undefined ? { signal } : {}),
    stdoutTail: stdout.text(),
    stderrTail: stderr.text(),
    durationMs,
    cancelled,
    ...(stoppedBy !== undefined ? { stoppedBy } : {}),
    args,
  };
}

/** The caller's properties without those whose value holds a secret (a `-J` value is on the command line). */
function withoutSecrets(properties: Readonly<Record<string, string>>, secrets: readonly string[]): { properties: Record<string, string>; refused: string[] } {
  const kept: Record<string, string> = {};
  const refused: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (carriesSecret(value, secrets)) refused.push(name);
    else kept[name] = value;
  }
  return { properties: kept, refused };
}

/** A UDP port on localhost free at this moment (JMeter binds it a second later; a clash only costs the graceful stop). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve());
    });
    return socket.address().port;
  } finally {
    socket.close();
  }
}

/**
 * Sends a non-GUI command (`Shutdown`, `StopTestNow`) as JMeter's ShutdownClient does: one datagram to
 * the port on localhost — IPv4 and IPv6, as the JVM may have bound either. Never throws.
 */
export async function sendCommand(command: 'Shutdown' | 'StopTestNow', port: number): Promise<void> {
  const message = Buffer.from(command, 'ascii');
  await Promise.all(
    (['udp4', 'udp6'] as const).map(
      (type) =>
        new Promise<void>((resolve) => {
          const socket = createSocket(type);
          let done = false;
          const finish = (): void => {
            if (done) return;
            done = true;
            socket.close();
            resolve();
          };
          socket.once('error', finish);
          socket.send(message, port, type === 'udp4' ? '127.0.0.1' : '::1', finish);
        }),
    ),
  );
}

/** The command line for the log: the caller's `-J` values hidden (they may be credentials); perf-gate's own shown. */
function displayArgs(args: readonly string[], hidden: readonly string[]): string {
  return args
    .map((a) => {
      const name = a.startsWith('-J') ? a.slice(2, a.indexOf('=') > 0 ? a.indexOf('=') : undefined) : undefined;
      if (name !== undefined && hidden.includes(name)) return `-J${shellQuote(name)}=***`;
      return shellQuote(a);
    })
    .join(' ');
}




/**
 * JMeter behind the pipeline's LoadEngine port: each stage runs the test plan in non-GUI mode
 * (jmeter-run.ts) with the stage's load shape and the target URL as `-J` properties (jmeter-args.ts), and
 * hands the pipeline the stage's CSV JTL to ingest (src/ingest/jmeter/). JMeter exits 0 even when samples
 * failed: failures are judged from the JTL. A non-zero exit, or a JTL without samples, is a failed load
 * (LoadFailedError, with the end of JMeter's log). The registry entry finds JMeter: the one the caller
 * installed, else `PERF_GATE_JMETER`, else `jmeter` on PATH.
 */
import { execFile } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../../config/errors.js';
import type { EngineSetup, LoadEngine, LoadEngineEntry, LoadOutput, StageLoad } from '../../pipeline/ports.js';
import { childEnv } from '../child-env.js';
import { LoadFailedError } from '../load-failed.js';
import { jmeterTarget, reservedFlagProblems, stageLoadShape, type JmeterLoadShape } from './jmeter-args.js';
import { runJmeter, type JmeterRunResult } from './jmeter-run.js';
import { parseJmeterVersion } from './jmeter-version.js';

export interface JmeterEngineOptions {
  /** The JMeter launcher and the version it reports. */
  readonly jmeter: { readonly path: string; readonly version: string };
  /** The test plan (`.jmx`). */
  readonly plan: string;
  /** Each stage's load shape (stageLoadShape); a stage not in it runs the plan's own defaults. */
  readonly shapes: ReadonlyMap<string, JmeterLoadShape>;
  readonly targetUrl?: string;
  /** The caller's variables: `-JNAME=value`, read in the plan as `${__P(NAME)}`. */
  readonly env: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly secrets: readonly string[];
  readonly processEnv: NodeJS.ProcessEnv;
  /** Grace period of a stop (runJmeter's `stopTimeoutMs`). */
  readonly stopTimeoutMs?: number;
}

/** The exit codes of a JVM ended by SIGINT, SIGKILL or SIGTERM (128 + the signal). */
const KILLED_EXIT_CODES = new Set([130, 137, 143]);
/** How many lines of JMeter's log a failure quotes. */
const LOG_TAIL_LINES = 20;
const LOG_TAIL_BYTES = 16 * 1024;

/** JMeter as a LoadEngine: `<stage>.jtl` and `<stage>.jmeter.log` in the stage's work folder. */
export function createJmeterEngine(options: JmeterEngineOptions): LoadEngine {
  const target = options.targetUrl !== undefined ? jmeterTarget(options.targetUrl) : undefined;
  return {
    name: 'jmeter',
    async run({ stage, workDir, signal, log, watch }: StageLoad): Promise<LoadOutput> {
      const jtl = join(workDir, `${stage}.jtl`);
      const logFile = join(workDir, `${stage}.jmeter.log`);
      const shape = options.shapes.get(stage) ?? {};
      let result: JmeterRunResult;
      try {
        result = await runJmeter({
          jmeter: options.jmeter.path,
          plan: options.plan,
          stage,
          jtl,
          logFile,
          shape,
          ...(target ? { target } : {}),
          properties: options.env,
          flags: options.flags,
          secrets: options.secrets,
          processEnv: options.processEnv,
          log,
          signal,
          ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
        });
      } catch (err) {
        // Aborted before JMeter started: the pipeline reports the stage as not run.
        if (signal.aborted) throw err;
        throw new LoadFailedError(stage, 'jmeter', err instanceof Error ? err.message : String(err), { cause: err });
      }
      const samples = await jtlState(jtl);
      // Ended by a signal from outside (a runner's timeout): the JVM exits with 128 + its number, the JTL holds what ran.
      const killed = !result.cancelled && (result.signal !== undefined || KILLED_EXIT_CODES.has(result.exitCode));
      if (!result.cancelled && !killed && result.exitCode !== 0) {
        throw new LoadFailedError(stage, 'jmeter', `JMeter exited with code ${result.exitCode}${await failureDetail(result, logFile)}`);
      }
      if (samples !== 'samples') {
        if (result.cancelled) throw new Error(`stage ${stage} was cancelled before JMeter recorded a sample`);
        const what = samples === 'missing' ? `wrote no JTL (${jtl})` : `recorded no sample in ${jtl}`;
        throw new LoadFailedError(stage, 'jmeter', `JMeter ${what}: did the plan load, and does its thread group run (threads, duration)?${await failureDetail(result, logFile)}`);
      }
      const stopped = result.cancelled || killed;
      return {
        measured: { kind: 'files', files: [jtl] },
        toolVersion: options.jmeter.version,
        cancelled: result.cancelled,
        ...(stopped ? { stoppedEarly: `JMeter was stopped before the stage ended (${result.cancelled ? (result.stoppedBy ?? 'stopped') : (result.signal ?? `exit code ${result.exitCode}`)})` } : {}),
        scriptThresholds: [],
        notes: [shapeNote(options.plan, shape)],
        ...(watch
          ? { watch: { kind: 'unwatched', why: 'JMeter results are read from the JTL after JMeter exits, so the stage ran its planned length (-Jduration)' } }
          : {}),
      };
    },
  };
}

/** The report line saying what shape JMeter was given and where it came from. */
function shapeNote(plan: string, shape: JmeterLoadShape): string {
  const parts = [
    shape.threads !== undefined ? `threads=${shape.threads}` : undefined,
    shape.rampUpSeconds !== undefined ? `rampup=${shape.rampUpSeconds}` : undefined,
    shape.durationSeconds !== undefined ? `duration=${shape.durationSeconds}` : undefined,
    shape.arrivalRate !== undefined ? `arrivalrate=${shape.arrivalRate}` : undefined,
  ].filter((p) => p !== undefined);
  if (parts.length === 0) return `JMeter ran ${plan} with the plan's own load shape (no workload: in the config sets one).`;
  return `JMeter ran ${plan} with -J${parts.join(' -J')} (from the config's workload:).`;
}

/** Whether the JTL exists and holds a sample line after its header. */
async function jtlState(file: string): Promise<'missing' | 'empty' | 'samples'> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, bytesRead);
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    // A header-driven CSV: the first line names the columns; any further line is a sample.
    const header = lines[0]?.startsWith('timeStamp') ?? false;
    return lines.length > (header ? 1 : 0) ? 'samples' : 'empty';
  } finally {
    await handle.close();
  }
}

/** `: <JMeter's error line>` and the end of its log, for a failure message. */
async function failureDetail(result: JmeterRunResult, logFile: string): Promise<string> {
  const output = `${result.stderrTail}\n${result.stdoutTail}`.split('\n').map((l) => l.trim());
  const said = output.find((l) => /^(An error occurred|Error in NonGUIDriver|Error|Exception)/i.test(l)) ?? output.filter((l) => l !== '').at(-1);
  const tail = await fileTail(logFile, LOG_TAIL_LINES);
  return `${said !== undefined ? `: ${said}` : ''}${tail.length > 0 ? `\n  the end of ${logFile}:\n${tail.map((l) => `    ${l}`).join('\n')}` : `\n  (JMeter wrote no log at ${logFile})`}`;
}

/** The last `lines` lines of a file (at most its last 16 KiB); none when it cannot be read. */
async function fileTail(file: string, lines: number): Promise<string[]> {
  try {
    const size = (await stat(file)).size;
    const handle = await open(file, 'r');
    try {
      const length = Math.min(size, LOG_TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const all = buffer.toString('utf8').split('\n').map((l) => l.replace(/\r$/, ''));
      if (length < size) all.shift();
      return all.filter((l) => l.trim() !== '').slice(-lines);
    } finally {
      await handle.close();
    }
  } catch {
    return [];
  }
}

/**
 * The registry's JMeter: ready with a test plan and a JMeter (installed by the caller, `PERF_GATE_JMETER`,
 * or `jmeter` on PATH). It is checked, in this order, that a plan was given (else not ready: `auto` passes
 * it over), that the plan exists and the extra flags set nothing perf-gate sets (else a ConfigError), and
 * that JMeter runs and tells its version.
 */
export const jmeterEngine = {
  name: 'jmeter',
  async prepare(setup: EngineSetup) {
    const planName = setup.names.plan ?? '--plan';
    if (setup.plan === undefined) return { ready: false, why: `no ${planName} given`, fix: `give the JMeter test plan (.jmx) to run with ${planName}` } as const;
    const problems: string[] = [];
    const isFile = await stat(setup.plan).then((s) => s.isFile(), () => false);
    if (!isFile) problems.push(`${planName}: there is no JMeter test plan at '${setup.plan}'`);
    problems.push(...reservedFlagProblems(setup.flags, setup.names.flags ?? 'the extra flags'));
    if (problems.length > 0) throw new ConfigError(problems);
    const jmeter = await findJmeter(setup);
    if ('problem' in jmeter) return { ready: false, why: jmeter.problem, fix: jmeter.fix } as const;
    const engine = createJmeterEngine({
      jmeter,
      plan: setup.plan,
      shapes: new Map(setup.stages.map((stage) => [stage, stageLoadShape(setup.config, stage)])),
      ...(setup.targetUrl !== undefined ? { targetUrl: setup.targetUrl } : {}),
      env: setup.env,
      flags: setup.flags,
      secrets: setup.secrets,
      processEnv: setup.processEnv,
    });
    return { ready: true, engine, why: `JMeter ${jmeter.version} ${jmeter.source}` } as const;
  },
} as const satisfies LoadEngineEntry;

const execFileAsync = promisify(execFile);

const INSTALL_FIX = 'install Apache JMeter 5.x (https://jmeter.apache.org/download_jmeter.cgi) and put its bin/ on PATH, or set PERF_GATE_JMETER to its bin/jmeter';

/** The JMeter to run and its version, or why there is none. */
async function findJmeter(setup: EngineSetup): Promise<{ path: string; version: string; source: string } | { problem: string; fix: string }> {
  const installed = setup.installed?.['jmeter'];
  if (installed) return { ...installed, source: 'installed' };
  const fromEnv = setup.processEnv['PERF_GATE_JMETER']?.trim();
  const path = fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'jmeter';
  const where = path === 'jmeter' ? 'on PATH' : `PERF_GATE_JMETER=${path}`;
  try {
    // The JVM starts slowly on a busy runner; `--version` loads no plan.
    const { stdout, stderr } = await execFileAsync(path, ['--version'], { encoding: 'utf8', timeout: 60_000, env: childEnv({ parent: setup.processEnv, secrets: setup.secrets }).env });
    const version = parseJmeterVersion(`${stdout}\n${stderr}`);
    if (version === undefined) {
      const said = `${stdout}${stderr}`.trim().split('\n').at(-1) ?? '';
      return { problem: `the JMeter ${where} did not tell its version (\`jmeter --version\` printed ${JSON.stringify(said.slice(0, 200))})`, fix: INSTALL_FIX };
    }
    return { path, version, source: where };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (path === 'jmeter' && code === 'ENOENT') return { problem: 'JMeter is not on PATH', fix: INSTALL_FIX };
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'it is not executable' : err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { problem: `the JMeter ${where} cannot run \`--version\`: ${why}`, fix: INSTALL_FIX };
  }
}

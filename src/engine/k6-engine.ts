/**
 * k6 behind the pipeline's LoadEngine port: runs a stage (`runK6`), turns k6's exit into what happens
 * next (`describeK6Exit`: ok, findings, stopped, failed) and hands the pipeline k6's NDJSON to ingest and
 * the script's own thresholds from `--summary-export`. The registry entry finds k6: the one the caller
 * installed (the Action's `ensureK6`), else the one on PATH.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EngineSetup, LoadEngine, LoadEngineEntry, LoadOutput, ScriptThreshold, StageLoad } from '../pipeline/ports.js';
import { childEnv } from './child-env.js';
import { describeK6Exit } from './k6-exit.js';
import { runK6, type K6RunResult } from './k6-run.js';
import { scriptThresholds } from './k6-script-thresholds.js';
import { parseK6Version } from './k6-version.js';
import { LoadFailedError } from './load-failed.js';

export interface K6EngineOptions {
  /** The k6 executable and the version it reports. */
  readonly k6: { readonly path: string; readonly version: string };
  readonly script: string;
  readonly baseUrl?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly secrets: readonly string[];
  readonly processEnv: NodeJS.ProcessEnv;
}

/** k6 as a LoadEngine: `<stage>.ndjson` and `<stage>.summary-export.json` in the stage's work folder. */
export function createK6Engine(options: K6EngineOptions): LoadEngine {
  return {
    name: 'k6',
    async run({ stage, workDir, signal, log }: StageLoad): Promise<LoadOutput> {
      const outFile = join(workDir, `${stage}.ndjson`);
      const summaryFile = join(workDir, `${stage}.summary-export.json`);
      let result: K6RunResult;
      try {
        result = await runK6({
          k6: options.k6.path,
          script: options.script,
          stage,
          outFile,
          summaryFile,
          ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
          env: { ...options.env },
          flags: [...options.flags],
          secrets: options.secrets,
          processEnv: options.processEnv,
          log,
          signal,
        });
      } catch (err) {
        // Aborted before k6 started: the pipeline reports the stage as not run.
        if (signal.aborted) throw err;
        throw new LoadFailedError(stage, 'k6', err instanceof Error ? err.message : String(err), { cause: err });
      }
      const exit = describeK6Exit(result.exitCode, result.stderrTail, result.signal);
      // A k6 stopped by our own signal may exit in any way; what it wrote is still the part that ran.
      if (!result.cancelled && exit.status === 'failed') throw new LoadFailedError(stage, 'k6', exit.message);
      if (exit.status === 'stopped' && !result.cancelled) log.warning(exit.message);
      const stopped = result.cancelled || exit.status === 'stopped';
      return {
        measured: { kind: 'files', files: [outFile] },
        toolVersion: options.k6.version,
        cancelled: result.cancelled,
        // A stopped k6 wrote whole lines up to where it stopped: the file is intact but the run is not.
        ...(stopped ? { stoppedEarly: `k6 was stopped before the stage ended (${exit.kind})` } : {}),
        scriptThresholds: await readScriptThresholds(summaryFile),
        notes: exit.status === 'findings' ? ['k6 exited 99: thresholds in the script were crossed; they are checked above as findings.'] : [],
      };
    },
  };
}

/** The thresholds in k6's `--summary-export`; none when k6 wrote none (stopped, or an old k6). */
async function readScriptThresholds(summaryFile: string): Promise<ScriptThreshold[]> {
  try {
    return scriptThresholds(JSON.parse(await readFile(summaryFile, 'utf8')));
  } catch {
    return [];
  }
}

/** The registry's k6: ready with a script and a k6 (installed by the caller, or on PATH). */
export const k6Engine = {
  name: 'k6',
  async prepare(setup: EngineSetup) {
    const k6 = setup.installed?.['k6'] ?? (await k6OnPath(setup.processEnv));
    if (!k6) return { ready: false, why: 'k6 is not on PATH', fix: 'install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) or use an engine that needs none' } as const;
    if (setup.script === undefined) return { ready: false, why: `no ${setup.names.script} given`, fix: `give the k6 script to run with ${setup.names.script}` } as const;
    const engine = createK6Engine({
      k6,
      script: setup.script,
      ...(setup.targetUrl !== undefined ? { baseUrl: setup.targetUrl } : {}),
      env: setup.env,
      flags: setup.flags,
      secrets: setup.secrets,
      processEnv: setup.processEnv,
    });
    return { ready: true, engine, why: `k6 v${k6.version} ${setup.installed?.['k6'] ? 'installed' : 'on PATH'}` } as const;
  },
} as const satisfies LoadEngineEntry;

const execFileAsync = promisify(execFile);

/** The k6 on PATH and its version (`k6 version`, in a child environment without secrets), if there is one. */
async function k6OnPath(processEnv: NodeJS.ProcessEnv): Promise<{ path: string; version: string } | undefined> {
  try {
    const { stdout } = await execFileAsync('k6', ['version'], { encoding: 'utf8', timeout: 10_000, env: childEnv({ parent: processEnv }).env });
    const version = parseK6Version(stdout);
    return version === undefined ? undefined : { path: 'k6', version };
  } catch {
    return undefined;
  }
}

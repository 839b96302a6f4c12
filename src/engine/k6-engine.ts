/**
 * k6 behind the pipeline's LoadEngine port: runs a stage (`runK6`), turns k6's exit into what happens
 * next (`describeK6Exit`: ok, findings, stopped, failed) and hands the pipeline k6's NDJSON to ingest and
 * the script's own thresholds from `--summary-export`. The registry entry finds k6: the one the caller
 * installed (the Action's `ensureK6`), else the one on PATH.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { IngestOptions } from '../ingest/ingest.js';
import { promisify } from 'node:util';
import type { EngineSetup, LoadEngine, LoadEngineEntry, LoadOutput, LoadWatch, ScriptThreshold, StageLoad } from '../pipeline/ports.js';
import { childEnv } from './child-env.js';
import { describeK6Exit } from './k6-exit.js';
import { LiveOutputUnavailable, openLiveOutput, type K6LiveOutput } from './k6-live-output.js';
import { runK6, type K6RunResult } from './k6-run.js';
import { scriptThresholds } from './k6-script-thresholds.js';
import { inspectThresholds } from './k6-inspect.js';
import { withSubmetrics } from '../config/submetrics.js';
import { parseK6Version } from './k6-version.js';
import { LoadFailedError } from './load-failed.js';
import { startLooks, type RunningLooks } from './watch-looks.js';
import { shardPlan, startAtWait, ShardSpecError, type ShardPlan } from './k6-shard.js';
import type { ShardRecord } from '../document/run-document.js';

export interface K6EngineOptions {
  /** The k6 executable and the version it reports. */
  readonly k6: { readonly path: string; readonly version: string };
  readonly script: string;
  readonly baseUrl?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly secrets: readonly string[];
  readonly processEnv: NodeJS.ProcessEnv;
  /**
   * `live` (default): k6 writes into a FIFO read while it runs, the run document is built as it writes
   * (k6-live-output.ts); `file`: k6 writes `<stage>.ndjson`, ingested after it exits. Live falls back to a
   * file where no FIFO can be made, or when the pipeline gives no ingest options.
   */
  readonly output?: 'live' | 'file';
  /** A copy of k6's raw NDJSON per stage, `{stage}` replaced by the stage; gzipped when it ends in `.gz`. */
  readonly rawOutput?: string;
  /** Milliseconds between progress lines (default 15 000). */
  readonly progressIntervalMs?: number;
  /**
   * Run one shard of a distributed test (k6-shard.ts): the plan's flags go before the user's, k6 starts at
   * `startAt` (waited for, ISO 8601), and the output records `shard` (script hash, segment, start time).
   * `region` is given to k6 as `--tag region=…` and recorded.
   */
  readonly shard?: { readonly plan: ShardPlan; readonly startAt?: string; readonly region?: string };
  /** The clock and the wait of `startAt`; tests pass their own. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => Date;
}

/** k6 as a LoadEngine: `<stage>.ndjson` and `<stage>.summary-export.json` in the stage's work folder. */
export function createK6Engine(options: K6EngineOptions): LoadEngine {
  return {
    name: 'k6',
    async run({ stage, workDir, signal, log, ingest, watch }: StageLoad): Promise<LoadOutput> {
      // The same name either way: the live document names its source (and a cut-off line) as the file would.
      const outFile = join(workDir, `${stage}.ndjson`);
      const summaryFile = join(workDir, `${stage}.summary-export.json`);
      const rawCopy = options.rawOutput?.replaceAll('{stage}', stage);
      // Before the load (and the wait for start-at): under --no-thresholds only k6 inspect still lists them.
      const thresholds = options.shard ? await shardThresholds(stage, log) : undefined;
      const liveIngest = ingest && thresholds ? withSubmetrics(ingest, Object.keys(thresholds)) : ingest;
      const live = liveIngest !== undefined && options.output !== 'file' ? await openLive(outFile, liveIngest, rawCopy, log) : undefined;
      try {
        return await runStage(stage, outFile, summaryFile, signal, log, live, rawCopy, watch, thresholds);
      } finally {
        await live?.close();
      }
    },
  };

  async function runStage(
    stage: string,
    outFile: string,
    summaryFile: string,
    signal: AbortSignal,
    log: StageLoad['log'],
    live: K6LiveOutput | undefined,
    rawCopy: string | undefined,
    watch: LoadWatch | undefined,
    thresholds: Readonly<Record<string, readonly string[]>> | undefined,
  ): Promise<LoadOutput> {
    // Looks need the run so far, which only the live output builds while k6 runs.
    const watching = watch !== undefined && live !== undefined ? watch : undefined;
    const stopper = new AbortController();
    let looks: RunningLooks | undefined;
    let result: K6RunResult;
    const shard = options.shard;
    const scriptHash = shard ? await hashFile(options.script) : undefined;
    if (shard?.startAt !== undefined) await waitForStart(shard.startAt, signal, log);
    // Output perf-gate cannot read cannot be judged: stop k6 then, rather than load the target for the
    // rest of the stage (the stage still fails with the reader's error, naming the file and line).
    let running = true;
    live?.onFailure((error) => {
      if (!running || stopper.signal.aborted) return;
      log.warning(`stage ${stage}: perf-gate cannot read k6's output (${error instanceof Error ? error.message : String(error)}); nothing after it can be judged, so k6 is stopped now`);
      stopper.abort();
    });
    try {
      result = await runK6({
        ...(live ? { live, stop: stopper.signal } : {}),
        ...(watching
          ? {
              onStart: () => {
                looks = startLooks(watching, () => live!.snapshot(), () => stopper.abort(), log);
              },
            }
          : {}),
        k6: options.k6.path,
        script: options.script,
        stage,
        outFile,
        summaryFile,
        ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
        // The script learns the budget, so its scenarios last until a look stops them (examples/k6/stages.js).
        env: { ...options.env, ...(watching ? { PERF_GATE_STAGE_DURATION: `${watching.maxSeconds}s` } : {}) },
        // The shard's slice first: a user's flag after it could only contradict it, and k6 takes the last.
        flags: [...(shard ? [...shard.plan.flags, ...(shard.region !== undefined ? ['--tag', `region=${shard.region}`] : [])] : []), ...options.flags],
        secrets: options.secrets,
        processEnv: options.processEnv,
        ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
        log,
        signal,
      });
    } catch (err) {
      // Aborted before k6 started: the pipeline reports the stage as not run.
      if (signal.aborted) throw err;
      throw new LoadFailedError(stage, 'k6', err instanceof Error ? err.message : String(err), { cause: err });
    } finally {
      running = false;
      looks?.end();
    }
    const exit = describeK6Exit(result.exitCode, result.stderrTail, result.signal);
    // A k6 stopped by our own signal may exit in any way; what it wrote is still the part that ran.
    if (!result.cancelled && exit.status === 'failed') throw new LoadFailedError(stage, 'k6', exit.message);
    // Stopped by a look: the run is the stage's whole run, not a part cut short.
    const onPurpose = result.stoppedOnRequest && !result.cancelled;
    if (exit.status === 'stopped' && !result.cancelled && !onPurpose) log.warning(exit.message);
    const stopped = result.cancelled || (exit.status === 'stopped' && !onPurpose);
    if (!live && rawCopy !== undefined) await copyRaw(outFile, rawCopy, log);
    return {
      measured: live ? { kind: 'document', document: await live.document() } : { kind: 'files', files: [outFile] },
      toolVersion: options.k6.version,
      cancelled: result.cancelled,
      // A stopped k6 wrote whole lines up to where it stopped: the file is intact but the run is not.
      ...(stopped ? { stoppedEarly: `k6 was stopped before the stage ended (${exit.kind})` } : {}),
      // A shard's slice is no test of its own: the script's thresholds are judged once, on the merged run.
      scriptThresholds: shard ? [] : await readScriptThresholds(summaryFile),
      notes: [
        ...(exit.status === 'findings' ? ['k6 exited 99: thresholds in the script were crossed; they are checked above as findings.'] : []),
        ...(shard ? [`Shard ${shard.plan.index}/${shard.plan.count} (segment ${shard.plan.segment}): the script's thresholds are not judged on a shard${thresholds ? ` (${Object.keys(thresholds).length} recorded for the merged run)` : ''}; merge the shards and judge the merged run.`] : []),
      ],
      ...(shard ? { shard: shardRecord(shard, scriptHash!, result.startedAt, thresholds) } : {}),
      ...(watch ? { watch: watching ? { kind: onPurpose ? 'stopped' : 'ran' } : { kind: 'unwatched', why: 'k6 writes its output to a file (--k6-output file, or no FIFO can be made here), which is read only after k6 exits' } } : {}),
    };
  }

  /** The script's thresholds for a shard to record; undefined, with a warning, when k6 inspect cannot read them. */
  async function shardThresholds(stage: string, log: StageLoad['log']): Promise<Readonly<Record<string, readonly string[]>> | undefined> {
    const inspected = await inspectThresholds({
      k6: options.k6.path,
      script: options.script,
      stage,
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      env: options.env,
      flags: options.flags,
      secrets: options.secrets,
      processEnv: options.processEnv,
    });
    if ('problem' in inspected) {
      log.warning(`${inspected.problem}: this shard records no script thresholds, so the merged run is judged on those other shards recorded, or on the config's SLOs only`);
      return undefined;
    }
    return inspected.thresholds;
  }

  /** Waits for the shards' common start; a time already passed starts at once, with a warning. */
  async function waitForStart(startAt: string, signal: AbortSignal, log: StageLoad['log']): Promise<void> {
    const wait = startAtWait(startAt, (options.now ?? (() => new Date()))());
    // The CLI checked it before any load; a later stage of the same run may find it passed.
    if ('problem' in wait) throw new ShardSpecError(wait.problem);
    if (wait.late !== undefined) {
      log.warning(wait.late);
      return;
    }
    log.info(`shard ${options.shard!.plan.index}/${options.shard!.plan.count}: waiting ${(wait.waitMs / 1000).toFixed(1)} s for the common start at ${wait.at.toISOString()}`);
    await (options.sleep ?? abortableSleep)(wait.waitMs, signal);
  }
}

function shardRecord(shard: NonNullable<K6EngineOptions['shard']>, scriptHash: string, startedAt: Date, thresholds: Readonly<Record<string, readonly string[]>> | undefined): ShardRecord {
  return {
    index: shard.plan.index,
    count: shard.plan.count,
    segment: shard.plan.segment,
    sequence: shard.plan.sequence,
    scriptHash,
    startedAt: startedAt.toISOString(),
    ...(shard.startAt !== undefined ? { startAt: new Date(shard.startAt).toISOString() } : {}),
    ...(shard.region !== undefined ? { region: shard.region } : {}),
    ...(thresholds ? { thresholds: Object.fromEntries(Object.entries(thresholds).map(([m, list]) => [m, [...list]])) } : {}),
  };
}

/** Hex SHA-256 of a file's bytes: shards of one test ran the same script. */
async function hashFile(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** Resolves after `ms`, or rejects with the signal's reason when it fires first. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The live output of a stage, or undefined (with a line saying why) where no FIFO can be made: k6 then writes the file. */
async function openLive(outFile: string, ingest: IngestOptions, rawCopy: string | undefined, log: StageLoad['log']): Promise<K6LiveOutput | undefined> {
  try {
    const live = await openLiveOutput({ path: outFile, ingest, ...(rawCopy !== undefined ? { rawCopy } : {}), log });
    log.debug(`k6 writes into the FIFO ${outFile}, read while it runs${rawCopy !== undefined ? `; raw copy in ${rawCopy}` : ''}`);
    return live;
  } catch (err) {
    if (!(err instanceof LiveOutputUnavailable)) throw err;
    log.info(`${err.message}: k6 writes ${outFile}, read after k6 exits`);
    return undefined;
  }
}

/** The raw copy of a file k6 wrote (the file path): gzipped for a `.gz` name. */
async function copyRaw(file: string, target: string, log: StageLoad['log']): Promise<void> {
  try {
    await mkdir(dirname(resolve(target)), { recursive: true });
    if (target.endsWith('.gz')) await pipeline(createReadStream(file), createGzip(), createWriteStream(target));
    else await pipeline(createReadStream(file), createWriteStream(target));
  } catch (err) {
    log.warning(`cannot write the raw k6 output to ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
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
    if (setup.rawOutput !== undefined && setup.stages.length > 1 && !setup.rawOutput.includes('{stage}')) {
      throw new Error(`the raw k6 output '${setup.rawOutput}' would be written by each of the ${setup.stages.length} stages: put {stage} in it (e.g. raw/{stage}.ndjson.gz)`);
    }
    if (setup.script === undefined) return { ready: false, why: `no ${setup.names.script} given`, fix: `give the k6 script to run with ${setup.names.script}` } as const;
    const engine = createK6Engine({
      k6,
      script: setup.script,
      ...(setup.targetUrl !== undefined ? { baseUrl: setup.targetUrl } : {}),
      env: setup.env,
      flags: setup.flags,
      secrets: setup.secrets,
      processEnv: setup.processEnv,
      ...(setup.k6Output !== undefined ? { output: setup.k6Output } : {}),
      ...(setup.rawOutput !== undefined ? { rawOutput: setup.rawOutput } : {}),
      ...(setup.progressIntervalMs !== undefined ? { progressIntervalMs: setup.progressIntervalMs } : {}),
      ...(setup.shard
        ? { shard: { plan: shardPlan(setup.shard.spec, setup.shard.sequence), ...(setup.shard.startAt !== undefined ? { startAt: setup.shard.startAt } : {}), ...(setup.shard.region !== undefined ? { region: setup.shard.region } : {}) } }
        : {}),
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

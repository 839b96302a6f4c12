/**
 * Artillery behind the pipeline's LoadEngine port: runs a stage (`runArtillery`) and hands the pipeline the
 * per-request files artillery-plugin-perf-gate wrote (the full verdict), or Artillery's `--output` report
 * when there are none (aggregate only, with a note). The registry entry finds Artillery: the one the caller
 * installed, PERF_GATE_ARTILLERY, or `artillery` on PATH (docs/artillery.md).
 */
import { join } from 'node:path';
import type { EngineSetup, LoadEngine, LoadEngineEntry, LoadOutput, StageLoad } from '../../pipeline/ports.js';
import { LoadFailedError } from '../load-failed.js';
import { findArtillery, pluginParent, type FoundArtillery } from './find-artillery.js';
import { runArtillery, type ArtilleryRunResult } from './run-artillery.js';

export interface ArtilleryEngineOptions {
  readonly artillery: FoundArtillery;
  /** The Artillery script (YAML or JSON) run for every stage. */
  readonly script: string;
  /** `--target` (and BASE_URL): without it, the script's `config.target`. */
  readonly targetUrl?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly secrets: readonly string[];
  readonly processEnv: NodeJS.ProcessEnv;
  /** The folder holding artillery-plugin-perf-gate; default the package's own `artillery/`. */
  readonly pluginParent?: string;
  /** Grace period after SIGINT before SIGKILL (default 30 s). */
  readonly stopTimeoutMs?: number;
}

/** How many lines of Artillery's output a failure quotes. */
const QUOTED_LINES = 20;

/** Artillery as a LoadEngine: `<stage>.report.json` and `<stage>.requests.<pid>-<thread>.jsonl` in the stage's work folder. */
export function createArtilleryEngine(options: ArtilleryEngineOptions): LoadEngine {
  const plugins = options.pluginParent ?? pluginParent();
  return {
    name: 'artillery',
    async run({ stage, workDir, signal, log, watch }: StageLoad): Promise<LoadOutput> {
      let result: ArtilleryRunResult;
      try {
        result = await runArtillery({
          artillery: options.artillery.path,
          script: options.script,
          stage,
          reportFile: join(workDir, `${stage}.report.json`),
          requestsBase: join(workDir, `${stage}.requests`),
          pluginParent: plugins,
          ...(options.targetUrl !== undefined ? { targetUrl: options.targetUrl } : {}),
          env: options.env,
          flags: options.flags,
          processEnv: options.processEnv,
          secrets: options.secrets,
          log,
          signal,
          ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
        });
      } catch (err) {
        // Aborted before Artillery started: the pipeline reports the stage as not run.
        if (signal.aborted) throw err;
        throw new LoadFailedError(stage, 'artillery', err instanceof Error ? err.message : String(err), { cause: err });
      }
      const notes: string[] = [];
      let files: readonly string[];
      if (result.requestFiles.length > 0) {
        files = result.requestFiles;
      } else if (result.report !== undefined) {
        files = [result.report];
        notes.push(
          'artillery-plugin-perf-gate wrote no request lines (was ARTILLERY_PLUGIN_PATH overridden, or is this not the HTTP engine?): ' +
            "the stage is judged on Artillery's report, aggregates only — latency changes are reported, not tested.",
        );
      } else {
        if (result.cancelled) throw new LoadFailedError(stage, 'artillery', 'Artillery was stopped before it measured anything');
        throw new LoadFailedError(stage, 'artillery', `Artillery exited with code ${result.exitCode} and measured nothing:\n${quote(result)}`);
      }
      if (result.exitCode !== 0 && !result.cancelled) {
        // Artillery exits 1 when a check of the script (the ensure plugin) failed, and on errors: what it measured is still judged.
        notes.push(`Artillery exited with code ${result.exitCode}: ${lastLines(result, 3).replace(/\n/g, ' ⏎ ') || 'it printed nothing'}`);
      }
      return {
        measured: { kind: 'files', files },
        toolVersion: options.artillery.version,
        cancelled: result.cancelled,
        ...(result.cancelled ? { stoppedEarly: 'Artillery was stopped before the stage ended (SIGINT)' } : {}),
        scriptThresholds: [],
        notes,
        ...(watch ? { watch: { kind: 'unwatched' as const, why: "Artillery's request lines are read after it exits" } } : {}),
      };
    },
  };
}

/** The end of what Artillery printed: stderr, else stdout. */
function lastLines(result: ArtilleryRunResult, n: number): string {
  const text = result.stderrTail.trim() !== '' ? result.stderrTail : result.stdoutTail;
  return text.trimEnd().split('\n').slice(-n).join('\n').trim();
}

function quote(result: ArtilleryRunResult): string {
  const text = lastLines(result, QUOTED_LINES);
  return text === '' ? '  (it printed nothing)' : text.split('\n').map((l) => `  ${l}`).join('\n');
}

/** The registry's Artillery: ready with a script and an Artillery (installed by the caller, PERF_GATE_ARTILLERY, or on PATH). */
export const artilleryEngine = {
  name: 'artillery',
  async prepare(setup: EngineSetup) {
    const found = await findArtillery(setup.installed?.['artillery'], setup.processEnv);
    if ('why' in found) {
      return { ready: false, why: found.why, fix: 'install Artillery (scripts/install-artillery.sh, or npm i -g artillery@2.0.21) and set PERF_GATE_ARTILLERY to its bin, or put it on PATH (docs/artillery.md)' } as const;
    }
    if (setup.script === undefined) return { ready: false, why: `no ${setup.names.script} given`, fix: `give the Artillery script to run with ${setup.names.script}` } as const;
    const engine = createArtilleryEngine({
      artillery: found.found,
      script: setup.script,
      ...(setup.targetUrl !== undefined ? { targetUrl: setup.targetUrl } : {}),
      env: setup.env,
      flags: setup.flags,
      secrets: setup.secrets,
      processEnv: setup.processEnv,
    });
    return { ready: true, engine, why: `Artillery ${found.found.version} (${found.from})` } as const;
  },
} as const satisfies LoadEngineEntry;

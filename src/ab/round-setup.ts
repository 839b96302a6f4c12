/**
 * The engine setup of one A/B round: the caller's setup aimed at the round's arm and cut to the round's
 * length. Pure. It is the same for every engine, so the round runner never asks which engine it drives:
 *
 * - `targetUrl` is the arm's URL (k6: `BASE_URL`; embedded: the workload's `baseUrl`);
 * - `env` gains `PERF_GATE_ARM`, `PERF_GATE_ROUND` and `PERF_GATE_ROUND_DURATION` (k6 `-e`), which win
 *   over the same names in the caller's env;
 * - the config's stage gets a workload whose `duration` is the round's (the embedded engine's load
 *   shape), its `rampUp` scaled by the same factor, so a round is the stage's shape made shorter.
 *
 * k6 gets no `--duration`: k6 v1.8.1 and v2.2.0 both take `--duration` as "replace the script's
 * `stages` and `scenarios` with one constant-VUs scenario named `default`" — 1 VU unless `vus` says
 * otherwise, the script's executor, `exec` and scenario tags gone (with a warning only for `scenarios`),
 * and `--duration` with `--stage` is an error. The script is told the round's length instead and fits
 * its scenarios to it (examples/k6/stages.js does; docs/ab-mode.md).
 */
import type { PerfGateConfig } from '../config/schema.js';
import type { EngineSetup } from '../pipeline/ports.js';
import type { Arm } from './arm.js';

/** The variables a round's script gets, besides `PERF_GATE_STAGE` and `BASE_URL`. */
export const ROUND_ENV = { arm: 'PERF_GATE_ARM', round: 'PERF_GATE_ROUND', duration: 'PERF_GATE_ROUND_DURATION' } as const;

export interface RoundTarget {
  readonly stage: string;
  readonly arm: Arm;
  /** The round's index in the schedule, from 0. */
  readonly index: number;
  readonly url: string;
  readonly roundDurationS: number;
}

/**
 * The setup of one round.
 *
 * @example roundSetup(setup, { stage: 'smoke', arm: 'candidate', index: 3, url: 'http://127.0.0.1:8082', roundDurationS: 20 }).env
 *   // { ...setup.env, PERF_GATE_ARM: 'candidate', PERF_GATE_ROUND: '3', PERF_GATE_ROUND_DURATION: '20s' }
 */
export function roundSetup(setup: EngineSetup, target: RoundTarget): EngineSetup {
  return {
    ...setup,
    stages: [target.stage],
    targetUrl: target.url,
    env: {
      ...setup.env,
      [ROUND_ENV.arm]: target.arm,
      [ROUND_ENV.round]: String(target.index),
      [ROUND_ENV.duration]: `${target.roundDurationS}s`,
    },
    config: roundConfig(setup.config, target.stage, target.roundDurationS),
    ...(setup.rawOutput !== undefined ? { rawOutput: roundRawOutput(setup.rawOutput, target) } : {}),
  };
}

/**
 * Where a round's raw k6 copy goes: `{round}` in the path becomes `3-candidate` (the round's number from 1
 * and its arm); without it the same goes before the extension, so no round overwrites another.
 *
 * @example roundRawOutput('raw/{stage}.ndjson.gz', { stage: 'smoke', arm: 'candidate', index: 2, url: '', roundDurationS: 20 }) // => 'raw/smoke.round-3-candidate.ndjson.gz'
 */
export function roundRawOutput(raw: string, target: RoundTarget): string {
  const round = `${target.index + 1}-${target.arm}`;
  const path = raw.replaceAll('{stage}', target.stage);
  if (path.includes('{round}')) return path.replaceAll('{round}', round);
  const slash = path.lastIndexOf('/') + 1;
  const dot = path.indexOf('.', slash + 1);
  return dot < 0 ? `${path}.round-${round}` : `${path.slice(0, dot)}.round-${round}${path.slice(dot)}`;
}

/**
 * The config with the stage's embedded workload lasting `roundDurationS`: `duration` set, `rampUp` (the
 * stage's, else the top-level workload's) scaled by round / stage duration. Without a top-level
 * `workload:` there is nothing for the embedded engine to shorten, and the config is returned as is.
 *
 * @example // stage load: { connections: 64, rampUp: 10, duration: 120 }
 *   roundConfig(config, 'load', 20).stages['load'].workload // { connections: 64, rampUp: 1.666…, duration: 20 }
 */
export function roundConfig(config: PerfGateConfig, stage: string, roundDurationS: number): PerfGateConfig {
  if (!config.workload) return config;
  const own = config.stages[stage] ?? {};
  const stageDuration = own.workload?.duration ?? config.workload.duration;
  const rampUp = own.workload?.rampUp ?? config.workload.rampUp;
  const workload = { ...own.workload, duration: roundDurationS, ...(rampUp > 0 ? { rampUp: (rampUp * roundDurationS) / stageDuration } : {}) };
  return { ...config, stages: { ...config.stages, [stage]: { ...own, workload } } };
}

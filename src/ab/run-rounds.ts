/**
 * The round runner of an interleaved A/B stage: the baseline service and the candidate loaded in short
 * alternating rounds (ABBA, schedule.ts) within one job, each round one engine run against its arm's URL
 * with its own work folder, turned into a run document as a stage's load is (measuredRun). It decides
 * nothing about speed: the paired comparison reads the AbRun it returns.
 *
 * Why one engine run per round (one `k6 run` each), not one k6 process per arm paused and resumed through
 * k6's REST API: k6 v1.8.1 and v2.2.0 refuse to pause a started `constant-vus`, `ramping-vus` or
 * `constant-arrival-rate` scenario ("doesn't support pause and resume operations after its start"; only
 * `externally-controlled` can be paused), so the user's own scenarios could not run; a paused arm would
 * keep its VUs, connections and memory on the runner while the other arm is measured; and each round
 * would have to be cut out of one long output by time. A `k6 run` starts in about 0.1 s, which a 20 s
 * round hardly notices (docs/ab-mode.md).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StagePolicy } from '../config/policy.js';
import type { RunDocument } from '../document/run-document.js';
import { RunView } from '../document/run-view.js';
import { LoadFailedError } from '../engine/load-failed.js';
import { measuredRun } from '../pipeline/measured-run.js';
import { stageIngestOptions } from '../pipeline/stage-ingest.js';
import type { Clock, EngineSetup, LoadEngineEntry, LoadOutput, Log } from '../pipeline/ports.js';
import { withScriptThresholds } from '../pipeline/script-thresholds.js';
import { formatDuration, groupThousands } from '../report/format.js';
import type { AbRound, AbRun, RoundOutcome } from './ab-run.js';
import { ARMS, type Arm } from './arm.js';
import { AbArmError } from './ab-errors.js';

export { AbArmError };
import { probeUrl, PROBE_TIMEOUT_MS } from './probe-arm.js';
import { roundSetup } from './round-setup.js';
import { abSchedule } from './schedule.js';
import { unansweredRound } from './unanswered-round.js';

export interface AbRoundsOptions {
  readonly stage: string;
  /** A/B pairs: each one baseline and one candidate round (`rounds: auto` is AUTO_PAIRS). */
  readonly pairs: number;
  /** Each round's length, in seconds. */
  readonly roundDurationS: number;
  /** The service under each arm. */
  readonly urls: Readonly<Record<Arm, string>>;
  /** The engine to run each round with (a registry entry: prepared anew for each round's URL and env). */
  readonly engine: LoadEngineEntry;
  /** The caller's setup, as for a stage; each round's is made from it (round-setup.ts). */
  readonly setup: EngineSetup;
  /** The stage's policy: how each round's output is grouped and windowed. */
  readonly policy: StagePolicy;
  /** Each round runs in `<workDir>/round-<index>-<arm>`. */
  readonly workDir: string;
  /** Aborting it stops the running round (recorded as failed: a cut round is not compared) and runs no more. */
  readonly signal: AbortSignal;
  readonly log: Log;
  /** Recorded in every round's document, as a stage's. */
  readonly gitSha?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** When rounds start and end; default the system clock. */
  readonly clock?: Clock;
  /** How long an arm's probe waits for an answer; default PROBE_TIMEOUT_MS. */
  readonly probeTimeoutMs?: number;
}

const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** A round lasting longer than this many times its duration (plus k6's 30 s graceful stop) did not take the round's length. */
const OVERRUN_FACTOR = 1.5;
const GRACEFUL_STOP_S = 30;

/**
 * Runs the A/B stage's rounds in ABBA order and returns them, measured or failed. A round whose load
 * failed (LoadFailedError) or got (almost) no answer (unanswered-round.ts) is recorded as failed, with
 * a reason naming the arm and the round, and the arm is probed again. Logs one line per round:
 * `round 3/12 · candidate · 20 s · 1,234 requests`.
 *
 * @throws AbArmError when an arm is unreachable before the first round (no round runs), or dead mid-run:
 *   two of its rounds in a row failed, or it is unreachable after a failed round.
 * @throws RangeError for `pairs` below 1 or a round duration that is not a positive number of seconds.
 * @throws Error when the engine cannot run here (`prepare` says not ready); ConfigError from `prepare`
 *   for input that cannot run; IngestError when a round's output cannot be read.
 */
export async function runAbRounds(options: AbRoundsOptions): Promise<AbRun> {
  const { stage, pairs, roundDurationS, urls, signal, log } = options;
  const clock = options.clock ?? SYSTEM_CLOCK;
  if (!(Number.isFinite(roundDurationS) && roundDurationS > 0)) throw new RangeError(`an A/B round must last more than 0 seconds but got ${roundDurationS}`);
  const schedule = abSchedule(pairs);
  const total = schedule.length;
  const rounds: AbRound[] = [];
  const run = (): AbRun => ({ stage, roundDurationS, pairs, urls: { ...urls }, rounds: [...rounds] });

  await probeAtStart(urls, options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
  log.info(`A/B stage ${stage}: ${pairs} pairs of ${formatDuration(roundDurationS)} rounds (ABBA) · baseline ${urls.baseline} · candidate ${urls.candidate}`);

  /** The failed rounds of each arm since its last measured one. */
  const failedInARow: Record<Arm, AbRound[]> = { baseline: [], candidate: [] };
  let warnedOverrun = false;
  for (const [index, { pair, arm }] of schedule.entries()) {
    if (signal.aborted) break;
    const label = `${arm} round ${index + 1}/${total}`;
    const startedAt = clock.now().toISOString();
    const result = await runRound(options, arm, index, label);
    if (result === undefined) break; // aborted before its load started: nothing ran
    const round: AbRound = { index, pair, arm, startedAt, endedAt: clock.now().toISOString(), outcome: result.outcome };
    rounds.push(round);
    const head = `round ${index + 1}/${total} · ${arm}`;
    switch (round.outcome.kind) {
      case 'measured': {
        const { seconds, requests } = sizeOf(round.outcome.document);
        log.info(`${head} · ${formatDuration(seconds)} · ${groupThousands(requests)} requests`);
        failedInARow[arm] = [];
        if (!warnedOverrun && seconds > OVERRUN_FACTOR * roundDurationS + GRACEFUL_STOP_S) {
          warnedOverrun = true;
          log.warning(`${label} ran ${formatDuration(seconds)}, not ${formatDuration(roundDurationS)}: the load script does not fit its scenarios to PERF_GATE_ROUND_DURATION (see docs/ab-mode.md); rounds take that long`);
        }
        break;
      }
      case 'failed': {
        log.warning(`${head} · failed: ${round.outcome.reason}`);
        if (result.cancelled) return run();
        failedInARow[arm].push(round);
        await checkArmAlive(arm, urls[arm], failedInARow[arm], total, options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
        break;
      }
    }
  }
  return run();
}

/** Probes both arms at once; throws for the first unreachable one, baseline first. */
async function probeAtStart(urls: Readonly<Record<Arm, string>>, timeoutMs: number): Promise<void> {
  const probes = await Promise.all(ARMS.map(async (arm) => ({ arm, probe: await probeUrl(urls[arm], timeoutMs) })));
  for (const { arm, probe } of probes) {
    if (!probe.reachable) {
      throw new AbArmError(arm, `the ${arm} arm (${urls[arm]}) is unreachable before the first A/B round: ${probe.why} — start that service and wait until it answers before the A/B stage`);
    }
  }
}

/** Throws AbArmError when the arm has failed twice in a row, or does not answer after its failed round. */
async function checkArmAlive(arm: Arm, url: string, failed: readonly AbRound[], total: number, timeoutMs: number): Promise<void> {
  const last = failed[failed.length - 1]!;
  if (failed.length >= 2) {
    const which = failed.map((r) => r.index + 1).join(' and ');
    const reasons = failed.map((r) => (r.outcome.kind === 'failed' ? r.outcome.reason : '')).join('; ');
    throw new AbArmError(arm, `the ${arm} arm (${url}) failed two of its rounds in a row (rounds ${which} of ${total}): ${reasons} — no verdict on one side's data`, last.index);
  }
  const probe = await probeUrl(url, timeoutMs);
  if (!probe.reachable) {
    throw new AbArmError(arm, `the ${arm} arm (${url}) is unreachable after its round ${last.index + 1}/${total} failed: ${probe.why} — it died during the A/B stage; no verdict on one side's data`, last.index);
  }
}

/** One round; undefined when the signal fired before its load started. */
async function runRound(options: AbRoundsOptions, arm: Arm, index: number, label: string): Promise<{ outcome: RoundOutcome; cancelled: boolean } | undefined> {
  const { stage, policy, signal, log } = options;
  const workDir = join(options.workDir, `round-${index}-${arm}`);
  await mkdir(workDir, { recursive: true });
  const setup = roundSetup(options.setup, { stage, arm, index, url: options.urls[arm], roundDurationS: options.roundDurationS });
  const prepared = await options.engine.prepare(setup);
  if (!prepared.ready) throw new Error(`the ${options.engine.name} engine cannot run the A/B rounds: ${prepared.why} — ${prepared.fix}`);
  let output: LoadOutput;
  try {
    // k6 reads its output live into the round's document, as a stage does (nothing left on disk).
    const record = { ...(options.gitSha !== undefined ? { gitSha: options.gitSha } : {}), ...(options.labels !== undefined ? { labels: options.labels } : {}) };
    output = await prepared.engine.run({ stage, policy, workDir, signal, log, ingest: stageIngestOptions(stage, policy, record) });
  } catch (err) {
    if (signal.aborted) return undefined;
    if (err instanceof LoadFailedError) return { outcome: { kind: 'failed', reason: `${label}: ${err.message}` }, cancelled: false };
    throw err;
  }
  const document = await measuredRun(stage, withScriptThresholds(policy, output.scriptThresholds), output, {
    ...(options.gitSha !== undefined ? { gitSha: options.gitSha } : {}),
    ...(options.labels !== undefined ? { labels: options.labels } : {}),
  });
  if (output.cancelled) {
    return { outcome: { kind: 'failed', reason: `${label}: cancelled after ${formatDuration(document.meta.durationSeconds)}; a cut round is not compared` }, cancelled: true };
  }
  const unanswered = unansweredRound(document);
  if (unanswered !== undefined) return { outcome: { kind: 'failed', reason: `${label}: ${unanswered}` }, cancelled: false };
  return { outcome: { kind: 'measured', document }, cancelled: false };
}

function sizeOf(document: RunDocument): { seconds: number; requests: number } {
  const view = new RunView(document);
  return { seconds: document.meta.durationSeconds, requests: view.value(view.roles.requests, 'count') ?? 0 };
}

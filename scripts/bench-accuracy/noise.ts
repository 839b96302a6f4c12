// The simulated machines and the runs they produce. docs/accuracy.md ("Noise models") describes each part;
// calibration.json holds the fitted numbers and how they were measured.
import { normalQuantile } from '../../src/stats/normal.js';
import { seededRng, type Rng } from '../../src/stats/random.js';

/** One endpoint of the test as the baseline measures it: requests per run, median, SD of ln latency. */
export interface EndpointSpec {
  readonly name: string;
  readonly count: number;
  readonly medianMs: number;
  readonly logSd: number;
}

/**
 * A machine: what moves latencies besides the endpoint's own spread. Run-level drift (ln shift per run, all
 * endpoints, plus a smaller per-endpoint part), a wider per-request spread than the quiet machine, an AR(1)
 * process on ln latency in time (per bin, shared by all endpoints), GC-like pauses (stop-the-world windows
 * of exponential length: a request that starts inside one waits until it ends), and a slow mode (some runs have one stretch
 * of seconds that is slower as a whole).
 */
export interface MachineModel {
  readonly runDriftSd: number;
  readonly endpointDriftSd: number;
  readonly logSdScale: number;
  readonly ar: { readonly binMs: number; readonly phi: number; readonly sd: number };
  readonly pauses: { readonly timeShare: number; readonly meanDurationMs: number };
  readonly slowMode: { readonly probability: number; readonly minSeconds: number; readonly maxSeconds: number; readonly minLogShift: number; readonly maxLogShift: number };
}

/** What a scenario changes about one endpoint in the current run (every field optional: no change). */
export interface EndpointChange {
  /** Every request's service time × this (a typical-latency change). */
  readonly typical?: number;
  /**
   * The upper tail stretched so that p95 and p99 are × this and the median is unchanged: requests above
   * the median × 1 + (tail − 1)·min(1, z/z_full), full size from percentile `tailFullFrom` (default p90) up.
   */
  readonly tail?: number;
  /**
   * Where the stretch reaches its full size, as a fraction (default 0.9). Full only at 0.95 puts the ramp's
   * end on the percentile being judged: a run's sampled p95 then often lands below it and rises ≈ 28 %, not
   * 30 % (the `tail-30-ramp-p95` row keeps that shape to show it).
   */
  readonly tailFullFrom?: number;
  /** Requests in the last third of the run × this. */
  readonly lastThird?: number;
  /** Probability that a request fails (http_req_failed). */
  readonly errorRate?: number;
}

export interface RunPlan {
  readonly seconds: number;
  readonly endpoints: readonly EndpointSpec[];
  readonly changes?: Readonly<Record<string, EndpointChange>>;
}

export interface GeneratedEndpoint {
  readonly name: string;
  /** Request start, ms from the run's start, increasing. */
  readonly t: Float64Array;
  readonly ms: Float64Array;
  readonly failed: Uint8Array;
}

export interface GeneratedRun {
  readonly seconds: number;
  readonly endpoints: readonly GeneratedEndpoint[];
}

/** A standard normal draw (Box–Muller). */
export function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const exponential = (rng: Rng, mean: number): number => -mean * Math.log(Math.max(1 - rng(), 1e-12));
const uniform = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();

/** Where a tail stretch reaches its full size unless a change says otherwise: p90, below where a run's sampled p95 wanders. */
const TAIL_FULL_FROM = 0.9;

/**
 * One run on `machine` of the test `plan`: every endpoint's requests spread evenly over the run (with a
 * little jitter), each latency = median · e^(logSd·scale·z) · machine state at its time (drift, AR(1), slow
 * stretch) · the scenario's change, plus the rest of a pause when it starts inside one.
 */
export function generateRun(machine: MachineModel, plan: RunPlan, rng: Rng): GeneratedRun {
  const totalMs = plan.seconds * 1000;
  const runDrift = machine.runDriftSd * gaussian(rng);

  const bins = Math.ceil(totalMs / machine.ar.binMs);
  const ar = new Float64Array(bins);
  const innovation = machine.ar.sd * Math.sqrt(1 - machine.ar.phi ** 2);
  ar[0] = machine.ar.sd * gaussian(rng);
  for (let k = 1; k < bins; k++) ar[k] = machine.ar.phi * ar[k - 1]! + innovation * gaussian(rng);

  const pauses: [number, number][] = [];
  if (machine.pauses.timeShare > 0) {
    const startsPerMs = machine.pauses.timeShare / machine.pauses.meanDurationMs;
    for (let t = exponential(rng, 1 / startsPerMs); t < totalMs; t += exponential(rng, 1 / startsPerMs)) {
      pauses.push([t, t + exponential(rng, machine.pauses.meanDurationMs)]);
    }
  }
  let slow: { from: number; to: number; shift: number } | undefined;
  if (machine.slowMode.probability > 0 && rng() < machine.slowMode.probability) {
    const length = uniform(rng, machine.slowMode.minSeconds, machine.slowMode.maxSeconds) * 1000;
    const from = uniform(rng, 0, totalMs - length);
    slow = { from, to: from + length, shift: uniform(rng, machine.slowMode.minLogShift, machine.slowMode.maxLogShift) };
  }
  /** The wait of a request starting at `t`: the rest of the pause it falls in, if any. */
  const pauseWait = (t: number): number => {
    for (const [a, b] of pauses) if (t >= a && t < b) return b - t;
    return 0;
  };

  const endpoints = plan.endpoints.map((e): GeneratedEndpoint => {
    const change = plan.changes?.[e.name] ?? {};
    const tailFullZ = normalQuantile(change.tailFullFrom ?? TAIL_FULL_FROM);
    const drift = runDrift + machine.endpointDriftSd * gaussian(rng);
    const sigma = e.logSd * machine.logSdScale;
    const n = e.count;
    const t = new Float64Array(n);
    const ms = new Float64Array(n);
    const failed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const at = ((i + 0.5 + uniform(rng, -0.4, 0.4)) * totalMs) / n;
      const z = gaussian(rng);
      let logMs = Math.log(e.medianMs) + sigma * z + drift + ar[Math.min(bins - 1, Math.floor(at / machine.ar.binMs))]!;
      if (slow && at >= slow.from && at < slow.to) logMs += slow.shift;
      let service = Math.exp(logMs);
      if (change.typical !== undefined) service *= change.typical;
      // Above the median only, growing with z to the full factor and staying there: p95 and p99 × tail.
      if (change.tail !== undefined && z > 0) service *= 1 + (change.tail - 1) * Math.min(1, z / tailFullZ);
      if (change.lastThird !== undefined && at >= (2 * totalMs) / 3) service *= change.lastThird;
      t[i] = at;
      ms[i] = service + (pauses.length > 0 ? pauseWait(at) : 0);
      failed[i] = change.errorRate !== undefined && rng() < change.errorRate ? 1 : 0;
    }
    return { name: e.name, t, ms, failed };
  });
  return { seconds: plan.seconds, endpoints };
}

/** A reproducible stream per (scenario, trial): trial results do not depend on how trials are split over workers. */
export function trialRng(scenarioSeed: number, trial: number): Rng {
  return seededRng((Math.imul(scenarioSeed, 0x9e3779b1) ^ Math.imul(trial + 1, 0x85ebca6b)) >>> 0);
}

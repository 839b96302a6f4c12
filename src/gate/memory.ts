import type { StagePolicy } from '../config/policy.js';
import type { MemorySample } from '../document/run-document.js';
import { insufficient, isInsufficient, type InsufficientData } from '../stats/insufficient.js';
import { logRatioTest } from '../stats/log-ratio-test.js';
import { ordinaryLeastSquares } from '../stats/ols.js';
import { theilSen } from '../stats/theil-sen.js';
import { shortfallOf, type Assessment } from './assessment.js';

const MB = 1024 * 1024;

/** The metric memory findings are about, named as Prometheus names it. */
export const MEMORY_METRIC = 'process_resident_memory_bytes';

/** How a run's resident memory behaved after warm-up. */
export interface MemoryTrend {
  readonly startBytes: number;
  readonly endBytes: number;
  readonly peakBytes: number;
  /** Median of the GC floor in the steady state (later half after warm-up). */
  readonly levelBytes: number;
  /** Spread of ln(GC floor) in the steady state: how much the level wobbles within the run. */
  readonly levelLogSd: number;
  /** Theil–Sen slope of the GC floor over the whole time after warm-up, MB per hour, with its interval. */
  readonly slopeMBPerHour?: number;
  readonly slopeInterval?: { readonly lower: number; readonly upper: number };
  readonly rSquared?: number;
  /** Slope over the steady state (later half after warm-up) — what a leak keeps doing and a heap step does not. */
  readonly steadySlopeMBPerHour?: number;
  readonly steadySlopeInterval?: { readonly lower: number; readonly upper: number };
  /** Growth of the floor over the time after warm-up at the steady-state slope, as a fraction of the level. */
  readonly growth?: number;
  readonly samples: number;
  /** Samples set aside because they cannot be a live process's memory (0 bytes or less, not finite). */
  readonly discarded: number;
}

/**
 * The GC floor: resident memory swings up between collections and falls back; a leak is what the floor
 * does. The floor is the minimum over consecutive blocks of samples (a few GC cycles each).
 */
export function gcFloor(samples: readonly MemorySample[], blockSize: number): MemorySample[] {
  const out: MemorySample[] = [];
  for (let i = 0; i < samples.length; i += blockSize) {
    const block = samples.slice(i, i + blockSize);
    let min = block[0]!;
    for (const s of block) if (s.rssBytes < min.rssBytes) min = s;
    out.push({ t: block[Math.floor(block.length / 2)]!.t, rssBytes: min.rssBytes });
  }
  return out;
}

/**
 * How memory behaved over a run. A sample of 0 bytes (a sampler that read nothing) cannot be a live
 * process's memory: it is set aside and counted, not taken as a drop to zero.
 */
export function memoryTrend(samplesIn: readonly MemorySample[], warmupSeconds: number): MemoryTrend | InsufficientData {
  const samples = samplesIn.filter((s) => Number.isFinite(s.t) && Number.isFinite(s.rssBytes) && s.rssBytes > 0).sort((a, b) => a.t - b.t);
  const discarded = samplesIn.length - samples.length;
  if (samples.length < 6) {
    return insufficient(`only ${samples.length} memory samples${discarded > 0 ? ` (${discarded} of 0 bytes set aside)` : ''} (needs ≥ 6)`);
  }
  const t0 = samples[0]!.t;
  const afterWarmup = samples.filter((s) => s.t - t0 >= warmupSeconds * 1000);
  const used = afterWarmup.length >= 6 ? afterWarmup : samples.slice(Math.floor(samples.length / 3));
  const floor = gcFloor(used, Math.max(1, Math.round(used.length / 60)));
  // A loop, not Math.max(...): a two-day soak at 1 Hz has more samples than the call stack takes arguments.
  let peak = 0;
  for (const s of samples) if (s.rssBytes > peak) peak = s.rssBytes;
  const base = { startBytes: used[0]!.rssBytes, endBytes: used[used.length - 1]!.rssBytes, peakBytes: peak, samples: samples.length, discarded };
  const half = floor.slice(Math.floor(floor.length / 2));
  const level = median(half.map((s) => s.rssBytes));
  const logs = half.map((s) => Math.log(s.rssBytes));
  const logMean = logs.reduce((a, x) => a + x, 0) / logs.length;
  const levelLogSd = logs.length > 1 ? Math.sqrt(logs.reduce((a, x) => a + (x - logMean) ** 2, 0) / (logs.length - 1)) : 0;
  const hours = (s: MemorySample): number => (s.t - t0) / 3_600_000;
  const whole = theilSen(floor.map(hours), floor.map((s) => s.rssBytes / MB), { confidence: 0.95 });
  const steady = theilSen(half.map(hours), half.map((s) => s.rssBytes / MB), { confidence: 0.95 });
  const ols = ordinaryLeastSquares(floor.map(hours), floor.map((s) => s.rssBytes / MB));
  const spanHours = (used[used.length - 1]!.t - used[0]!.t) / 3_600_000;
  return {
    ...base,
    levelBytes: level,
    levelLogSd,
    ...(isInsufficient(whole) ? {} : { slopeMBPerHour: whole.slope, slopeInterval: { lower: whole.lower, upper: whole.upper } }),
    ...(isInsufficient(ols) ? {} : { rSquared: ols.rSquared }),
    ...(isInsufficient(steady) ? {} : { steadySlopeMBPerHour: steady.slope, steadySlopeInterval: { lower: steady.lower, upper: steady.upper }, growth: (steady.slope * spanHours) / (level / MB) }),
  };
}

/** Memory against the baseline: the steady-state level of the GC floor, +25 % by default. */
export function assessMemoryRegression(baseline: MemoryTrend | undefined, current: MemoryTrend, policy: StagePolicy, metric: string): Assessment {
  const limit = policy.regression.memory.maxIncrease;
  const common = { kind: 'memory' as const, metric, statistic: 'level', threshold: `+${Math.round(limit * 100)} %`, harmful: 'increase' as const };
  if (!baseline) return { ...common, current: current.levelBytes, beyond: false, insufficient: 'no baseline memory samples', shortfall: 'missing' };
  const change = current.levelBytes / baseline.levelBytes - 1;
  const base = { ...common, baseline: baseline.levelBytes, current: current.levelBytes, change, beyond: change > limit };
  // The floor's wobble within each run (not divided by √n: floor samples are strongly autocorrelated)
  // plus the run-to-run noise of both runs.
  const noise = policy.runToRunNoise;
  const test = logRatioTest(Math.log(current.levelBytes / baseline.levelBytes), [baseline.levelLogSd, current.levelLogSd, noise, noise]);
  if (isInsufficient(test)) return { ...base, insufficient: test.reason, shortfall: shortfallOf(test) };
  return {
    ...base,
    pValue: test.pGreater,
    interval: { lower: test.lower, upper: test.upper },
    intervalExcludesNoChange: test.lower > 0,
  };
}

/** A leak: the GC floor keeps climbing in the steady state, credibly, by more than the allowed growth. */
export function assessLeak(current: MemoryTrend, policy: StagePolicy, metric: string): Assessment[] {
  const e = policy.endurance;
  if (!e) return [];
  const common = { metric, harmful: 'increase' as const };
  if (current.growth === undefined || current.steadySlopeInterval === undefined || current.slopeInterval === undefined) {
    return [{ ...common, kind: 'leak', statistic: 'slope', threshold: `+${Math.round(e.memoryGrowth * 100)} %`, beyond: false, insufficient: 'too few memory samples after warm-up to fit a slope', shortfall: 'too-short' }];
  }
  const growing = current.growth > e.memoryGrowth;
  const credible = current.steadySlopeInterval.lower > 0 && current.slopeInterval.lower > 0;
  const out: Assessment[] = [{
    ...common,
    kind: 'memory',
    statistic: 'growth',
    current: current.growth,
    change: current.growth,
    threshold: `+${Math.round(e.memoryGrowth * 100)} %`,
    beyond: growing,
    intervalExcludesNoChange: credible,
    deterministic: credible,
    note: `resident memory ${fmtMB(current.startBytes)} → ${fmtMB(current.endBytes)} after warm-up, steady-state slope ${fmtSlope(current.steadySlopeMBPerHour!)} MB/h`,
  }];
  if (e.leak) {
    out.push({
      ...common,
      kind: 'leak',
      statistic: 'slope',
      current: current.steadySlopeMBPerHour!,
      threshold: 'no sustained growth',
      beyond: growing && credible,
      intervalExcludesNoChange: credible,
      deterministic: true,
      note: `slope ${fmtSlope(current.steadySlopeMBPerHour!)} MB/h (95 % CI ${fmtSlope(current.steadySlopeInterval.lower)} … ${fmtSlope(current.steadySlopeInterval.upper)}), growth ${(current.growth * 100).toFixed(1)} % over the run, limit ${Math.round(e.memoryGrowth * 100)} %`,
    });
  }
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function fmtSlope(mbPerHour: number): string {
  return Math.abs(mbPerHour) >= 100 ? mbPerHour.toFixed(0) : mbPerHour.toFixed(1);
}

function fmtMB(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

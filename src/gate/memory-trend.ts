import type { MemorySample } from '../document/run-document.js';
import { insufficient, isInsufficient, type InsufficientData } from '../stats/insufficient.js';
import { ordinaryLeastSquares } from '../stats/ols.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { sampleStandardDeviation } from '../stats/standard-deviation.js';
import { theilSen } from '../stats/theil-sen.js';

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
    return insufficient(`only ${samples.length} memory samples${discarded > 0 ? ` (${discarded} of 0 bytes set aside)` : ''} (needs ≥ 6)`, 'too-few');
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
  const level = quantileSorted(Float64Array.from(half, (s) => s.rssBytes).sort(), 0.5);
  const levelLogSd = sampleStandardDeviation(half.map((s) => Math.log(s.rssBytes)));
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

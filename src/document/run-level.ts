import { clusterDesignEffect, clusterOfSums } from '../stats/design-effect.js';
import { isInsufficient } from '../stats/insufficient.js';
import type { TrendWindow } from './run-document.js';

/**
 * How much the requests of one run are worth as independent observations. Requests in the same time
 * window share the server's state (GC pauses, caches, a noisy neighbour), so they are positively
 * correlated; the design effect (≥ 1) measured between windows on the log-latency scale says by how
 * much the variance of a run-level statistic is understated when requests are treated as independent.
 * @example designEffectOfWindows(windows) → 2.4  // 10 000 requests count as ~4 200
 */
export function designEffectOfWindows(windows: readonly TrendWindow[]): number {
  const clusters = windows
    .filter((w) => w.count > 0)
    .map((w) => clusterOfSums(w.count, w.sumLog, w.sumLogSq));
  const deff = clusterDesignEffect(clusters);
  return isInsufficient(deff) ? 1 : Math.max(1, deff);
}

/** A run's level: the mean of ln latency (ms) of its requests, and that mean's standard error. */
export interface LogLevel {
  readonly count: number;
  readonly logMean: number;
  /** Within-run standard error of logMean: √(design effect · variance of ln latency / count). */
  readonly se: number;
}

/**
 * The level of one scope of a run from its windows, for learning run-to-run noise from a history: the
 * geometric mean is the most precise simple level (the median needs ~1.6× the requests for the same
 * error), and run drift moves it as it moves the median. Undefined below two requests or with a
 * latency ≤ 0 ms somewhere (ln undefined: the windows' sums are then not finite).
 */
export function logLevelOf(windows: readonly TrendWindow[]): LogLevel | undefined {
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  for (const w of windows) {
    count += w.count;
    sum += w.sumLog;
    sumSq += w.sumLogSq;
  }
  if (count < 2 || !Number.isFinite(sum) || !Number.isFinite(sumSq)) return undefined;
  const logMean = sum / count;
  const variance = Math.max(0, (sumSq - count * logMean * logMean) / (count - 1));
  return { count, logMean, se: Math.sqrt((designEffectOfWindows(windows) * variance) / count) };
}

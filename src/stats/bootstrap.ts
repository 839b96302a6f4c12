import { insufficient, isInsufficient, type InsufficientData } from './insufficient.js';
import { quantileSorted } from './quantile-sorted.js';
import type { Rng } from './random.js';

export interface MovingBlockBootstrapOptions {
  /** How many resamples to draw (a positive integer; 1000–2000 is typical for a 95 % interval). */
  readonly replicates: number;
  /** Length of each block of consecutive units, a positive integer; default ⌈n^(1/3)⌉; values above n are clamped to n. */
  readonly blockLength?: number;
  /** The randomness; pass seededRng(seed) for reproducible results. */
  readonly rng: Rng;
}

/**
 * Moving-block bootstrap (Künsch 1989) of a statistic over a time-ordered series of units (time windows,
 * iterations): each replicate glues together ⌈n/L⌉ blocks of L consecutive units, each starting at a
 * uniformly drawn position in 0…n − L, truncates to n units and evaluates the statistic. Keeping
 * neighbours together preserves the short-range dependence between adjacent windows that an ordinary
 * bootstrap would destroy (and so would make intervals too narrow).
 *
 * Contract: returns the statistic of every replicate for which it was a number, in replicate order
 * (replicates where it returned InsufficientData are skipped). Deterministic for a given rng state.
 * InsufficientData when there are fewer than 2 units, or when fewer than half of the replicates gave a
 * number. With L = n every replicate is the original series; with L = 1 it is the ordinary bootstrap.
 *
 * @param units the series, in time order
 * @param statistic maps a resample (n units) to a finite number, or InsufficientData
 * @param options replicates, blockLength, rng
 * @throws {RangeError} if replicates or blockLength is not a positive integer, or the statistic returns a
 *   non-finite number (NaN would otherwise poison the interval silently)
 * @example
 * const rng = seededRng(7);
 * const means = movingBlockBootstrap([3, 1, 4, 1, 5, 9, 2, 6], (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
 *   { replicates: 1000, rng });
 * // => 1000 bootstrap means averaging 3.805 (the series mean is 3.875; blocks under-sample the ends)
 * percentileInterval(means as number[], 0.9); // => { lower: 2.5, upper: 5.25625 }
 */
export function movingBlockBootstrap<T>(
  units: readonly T[],
  statistic: (resample: readonly T[]) => number | InsufficientData,
  options: MovingBlockBootstrapOptions,
): number[] | InsufficientData {
  const { replicates, rng } = options;
  if (!(Number.isSafeInteger(replicates) && replicates >= 1)) {
    throw new RangeError(`movingBlockBootstrap: replicates must be a positive integer but got ${replicates}`);
  }
  const n = units.length;
  const requested = options.blockLength ?? Math.max(1, Math.ceil(Math.cbrt(n)));
  if (!(Number.isSafeInteger(requested) && requested >= 1)) {
    throw new RangeError(`movingBlockBootstrap: blockLength must be a positive integer but got ${requested}`);
  }
  if (n < 2) return insufficient(`a bootstrap needs at least 2 units but got ${n}`);
  const blockLength = Math.min(requested, n);
  const starts = n - blockLength + 1;
  const blocks = Math.ceil(n / blockLength);
  const values: number[] = [];
  let skipped = 0;
  let lastReason = '';
  const resample: T[] = new Array<T>(n);
  for (let r = 0; r < replicates; r++) {
    let filled = 0;
    for (let b = 0; b < blocks; b++) {
      const start = Math.min(starts - 1, Math.floor(rng() * starts));
      for (let i = 0; i < blockLength && filled < n; i++) resample[filled++] = units[start + i]!;
    }
    const value = statistic(resample.slice());
    if (isInsufficient(value)) {
      skipped++;
      lastReason = value.reason;
      continue;
    }
    if (!Number.isFinite(value)) {
      throw new RangeError(`movingBlockBootstrap: the statistic returned ${value} for replicate ${r}; it must return a finite number or InsufficientData`);
    }
    values.push(value);
  }
  if (2 * values.length < replicates) {
    return insufficient(`the statistic was insufficient for ${skipped} of ${replicates} bootstrap replicates (last: ${lastReason})`);
  }
  return values;
}

/**
 * Percentile bootstrap interval: the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the replicate
 * values, by linear interpolation at rank p·(n − 1) (the same rule as percentile()).
 *
 * Contract: lower ≤ upper, both within [min, max] of the values; does not modify its input.
 * InsufficientData with fewer than 2 values.
 *
 * @param values replicate values of a statistic (finite numbers)
 * @param confidence two-sided level in (0, 1)
 * @throws {RangeError} if confidence is not in (0, 1) or a value is not finite
 * @example
 * // 1, 2, …, 101 at 90 %: ranks 0.05·100 = 5 and 0.95·100 = 95
 * percentileInterval(Array.from({ length: 101 }, (_, i) => i + 1), 0.9); // => { lower: 6, upper: 96 }
 */
export function percentileInterval(values: readonly number[], confidence: number): { lower: number; upper: number } | InsufficientData {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`percentileInterval: confidence must be in (0, 1) but got ${confidence}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`percentileInterval: value ${i} is ${values[i]} (values must be finite)`);
  }
  if (values.length < 2) return insufficient(`an interval needs at least 2 bootstrap values but got ${values.length}`);
  const sorted = Float64Array.from(values).sort();
  const alpha = 1 - confidence;
  return { lower: quantileSorted(sorted, alpha / 2), upper: quantileSorted(sorted, 1 - alpha / 2) };
}

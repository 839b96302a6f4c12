import type { Distribution } from './distribution.js';
import { insufficient, type InsufficientData } from './insufficient.js';

export interface Moments {
  readonly n: number;
  readonly mean: number;
  /** Sample variance, divisor n − 1. */
  readonly variance: number;
}

/**
 * Count, mean and sample variance of a distribution's observations (two passes: the mean, then the squared
 * deviations from it, so large values lose no precision to cancellation).
 *
 * Contract: variance ≥ 0. InsufficientData for fewer than 2 observations, or a mean that is not > 0 (the
 * callers take the log of it), or sums that overflow.
 * @example distributionMoments([{ value: 1, count: 1 }, { value: 3, count: 1 }]) // { n: 2, mean: 2, variance: 2 }
 */
export function distributionMoments(d: Distribution): Moments | InsufficientData {
  let n = 0;
  let sum = 0;
  for (const b of d) {
    n += b.count;
    sum += b.value * b.count;
  }
  if (n < 2) return insufficient(`${n} ${n === 1 ? 'observation' : 'observations'} (needs ≥ 2)`, 'too-few');
  const mean = sum / n;
  if (!(mean > 0 && Number.isFinite(mean))) return insufficient('the mean is not a positive number');
  let ss = 0;
  for (const b of d) ss += b.count * (b.value - mean) ** 2;
  const variance = ss / (n - 1);
  if (!Number.isFinite(variance)) return insufficient('the spread overflows');
  return { n, mean, variance };
}

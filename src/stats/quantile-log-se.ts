import type { Distribution } from './distribution.js';
import { insufficient, isInsufficient, type InsufficientData } from './insufficient.js';
import { normalQuantile } from './normal.js';
import { percentile } from './percentile.js';

const Z95 = normalQuantile(0.975);

/**
 * The standard error of ln(quantile q) from order statistics: with n effective observations the sample
 * quantile's rank is uncertain by ±z·√(q(1−q)/n), so the values at q ± that spread bound it; their log
 * ratio over 2z is the standard error. A p(99) of 150 requests has too few observations above it to be
 * bounded and is InsufficientData (cause `too-few`) rather than a guess.
 *
 * Contract: result ≥ 0 and finite. InsufficientData when q ± spread leaves [0, 1] (too few; the reason
 * says how many effective requests would bound it: z²·q/(1 − q), 381 for p(99), 73 for p(95)), when the
 * distribution is empty, or when the lower bound is ≤ 0 (no ratio).
 *
 * @param q the quantile in (0, 1)
 * @param nEffective observations after the design effect (> 0)
 * @throws {RangeError} if q is outside (0, 1) or nEffective is not > 0
 * @example
 * // 400 effective requests, p(95): ranks 0.95 ± 1.96·√(0.95·0.05/400) = 0.95 ± 0.0214
 * logQuantileStandardError(d, 0.95, 400) // = ln(d at 0.9714 / d at 0.9286) / 3.92
 */
export function logQuantileStandardError(d: Distribution, q: number, nEffective: number): number | InsufficientData {
  if (!(q > 0 && q < 1)) throw new RangeError(`logQuantileStandardError: q must be in (0, 1) but got ${q}`);
  if (!(nEffective > 0)) throw new RangeError(`logQuantileStandardError: nEffective must be > 0 but got ${nEffective}`);
  const h = Z95 * Math.sqrt((q * (1 - q)) / nEffective);
  if (q - h < 0 || q + h > 1) {
    // q ± z·√(q(1 − q)/n) stays in [0, 1] from n = z²·q/(1 − q) on (z²·(1 − q)/q below the median): p(99) needs 381.
    const needed = Math.ceil(Z95 * Z95 * Math.max(q / (1 - q), (1 - q) / q));
    return insufficient(`too few requests to bound p(${Math.round(q * 1000) / 10}) (about ${Math.round(nEffective)} effective, needs about ${needed})`, 'too-few');
  }
  const lo = percentile(d, q - h);
  const hi = percentile(d, q + h);
  if (isInsufficient(lo) || isInsufficient(hi)) return insufficient('no data');
  if (lo <= 0) return insufficient('latencies at 0 ms: no relative change');
  return Math.log(hi / lo) / (2 * Z95);
}

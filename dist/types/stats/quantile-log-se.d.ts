import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
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
export declare function logQuantileStandardError(d: Distribution, q: number, nEffective: number): number | InsufficientData;

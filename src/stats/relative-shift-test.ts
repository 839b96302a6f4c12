import type { Distribution } from './distribution.js';
import { assertDistribution } from './assert-distribution.js';
import { hodgesLehmannOf } from './hodges-lehmann.js';
import { insufficient, isInsufficient, type InsufficientData } from './insufficient.js';
import { logColumns } from './log-distribution.js';
import { logRatioTest, type LogRatioTest } from './log-ratio-test.js';
import { mannWhitneyOf } from './mann-whitney.js';
import { normalQuantile } from './normal.js';

export interface RelativeShiftTest {
  /** The typical ratio current/baseline on the log scale (Hodges–Lehmann), tested against no change. */
  readonly test: LogRatioTest;
  /** One-sided p-value for "current is slower": the larger of Mann–Whitney's and the noise-aware z-test's. */
  readonly pGreater: number;
}

export interface RelativeShiftOptions {
  /** Design effect ≥ 1 of the requests' clustering in time (default 1). */
  readonly designEffect?: number;
  /** Run-to-run noise, a log-scale standard deviation added for each run (default 0). */
  readonly noise?: number;
}

/**
 * Did a typical request get slower, by what ratio? On log latencies, the Hodges–Lehmann shift estimates
 * ln(current/baseline) of a typical request; its Moses interval (variance inflated by the design effect)
 * gives the within-run standard error, and the run-to-run noise of both runs is added in quadrature. The
 * p-value is the larger (more cautious) of the Mann–Whitney test and the z-test on the shift with noise,
 * so neither thousands of requests nor a noisy runner alone can confirm a change.
 *
 * Contract: pGreater in [0, 1]; the test's interval contains exp(shift) − 1. InsufficientData (cause
 * `no-spread`) when every request of both runs has the same latency, or when there is no spread and no
 * noise; InsufficientData when a run is empty.
 *
 * @param baseline latencies (any positive unit; values ≤ 0 clamp to 1e-6)
 * @throws {RangeError} for a design effect < 1 or a negative noise, or invalid distributions
 * @example
 * // every current request 20 % slower than its baseline twin, no noise floor
 * relativeShiftTest(d, d.map((b) => ({ value: b.value * 1.2, count: b.count }))).test.logRatio // ≈ ln 1.2 = 0.182
 */
export function relativeShiftTest(baseline: Distribution, current: Distribution, options: RelativeShiftOptions = {}): RelativeShiftTest | InsufficientData {
  const deff = options.designEffect ?? 1;
  const noise = options.noise ?? 0;
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`relativeShiftTest: noise must be a finite number ≥ 0 but got ${noise}`);
  if (!(Number.isFinite(deff) && deff >= 1)) throw new RangeError(`relativeShiftTest: designEffect must be a finite number ≥ 1 but got ${deff}`);
  assertDistribution(baseline, 'baseline');
  assertDistribution(current, 'current');
  // Both rank tests read the same log-scale buckets, in columns: a comparison holds no object per bucket.
  const lb = logColumns(baseline);
  const lc = logColumns(current);
  const hl = hodgesLehmannOf(lb, lc, 0.95, deff);
  if (isInsufficient(hl)) return inLatencyWords(hl);
  const mw = mannWhitneyOf(lb, lc, deff, 'auto');
  if (isInsufficient(mw)) return inLatencyWords(mw);
  const seWithin = Math.max((hl.upper - hl.lower) / (2 * normalQuantile(0.975)), 0);
  const test = logRatioTest(hl.estimate, [seWithin, noise, noise]);
  if (isInsufficient(test)) return test;
  return { test, pGreater: Math.max(mw.pGreater, test.pGreater) };
}

/** The rank tests see log latencies; a reason that quotes a value must not quote ln(ms). */
function inLatencyWords(x: InsufficientData): InsufficientData {
  return x.cause === 'no-spread' ? insufficient('every request of both runs took the same time (no spread to rank)', 'no-spread') : x;
}

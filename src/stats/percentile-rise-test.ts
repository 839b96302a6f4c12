import type { Distribution } from './distribution.js';
import { insufficient, isInsufficient, type InsufficientData } from './insufficient.js';
import { logRatioTest, type LogRatioTest } from './log-ratio-test.js';
import { percentile } from './percentile.js';
import { logQuantileStandardError } from './quantile-log-se.js';
import { tailSpreadTest } from './tail-spread-test.js';

export interface PercentileRiseOptions {
  /** The percentile as a fraction in (0, 1): 0.95 for p(95). */
  readonly q: number;
  /** Effective observations of the baseline (requests divided by the design effect), > 0. */
  readonly nEffectiveBaseline: number;
  /** Effective observations of the current run, > 0. */
  readonly nEffectiveCurrent: number;
  /** Run-to-run noise of the percentile's level, a log-scale SD added for each run (default 0). */
  readonly noise?: number;
  /** Run-to-run noise of the tail's distance from the median, a log-scale SD per run (default `noise`). */
  readonly shapeNoise?: number;
}

export interface PercentileRiseTest {
  /** The evidence decided on: the test with the smaller p-value, its interval on the ratio scale. */
  readonly test: LogRatioTest;
  /** Which question gave it: the percentile itself (`level`) or its distance from the median (`spread`). */
  readonly evidence: 'level' | 'spread';
  /** One-sided p for "the percentile rose": 2 × the smaller of the two (Bonferroni), at most 1. */
  readonly pGreater: number;
  readonly level: LogRatioTest;
  /** Absent for q ≤ ½ or when the median cannot be used (then pGreater is level's alone). */
  readonly spread?: LogRatioTest;
}

/**
 * Did percentile q get slower? Two ways the data can show it, and either is enough:
 * - **level**: ln(current p_q / baseline p_q) against its order-statistic standard errors and the
 *   run-to-run noise floor of each run (a whole-distribution shift lifts the tail with it);
 * - **spread**: ln(p_q / median) of the current run against the baseline's (`tailSpreadTest`): the tail
 *   moved away from a median that stayed. Drift of the whole run cancels in it, so it needs only the
 *   smaller shape noise; this is what catches a tail-only regression on a few hundred requests.
 * The p-value is twice the smaller one (Bonferroni over the two, valid whatever their dependence), and
 * the interval is that of the test chosen.
 *
 * Contract: pGreater in [0, 1], between the smaller of the two p-values and twice it; never NaN. InsufficientData
 * (cause `too-few`) when the effective n cannot bound p_q (for p(99): below about 380), and when the
 * level test cannot be computed (empty run, p_q ≤ 0 ms, no spread and no noise).
 *
 * @throws {RangeError} if q is outside (0, 1), an effective n is not > 0, or a noise is negative
 * @example
 * // baseline 1…100 ms; current: the ten slowest 50 % slower (p95 95.05 → 142.575 ms), noise 3 %, shape noise 1.5 %.
 * // Level: ln 1.5 = 0.405, se 0.0615 → p 2.1e-11. Spread: the same 0.405, but se 0.139 (this median is
 * // imprecise on the log scale) → p 0.0018. The level decides:
 * percentileRiseTest(b, c, { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100, noise: 0.03, shapeNoise: 0.015 })
 * // => { evidence: 'level', pGreater: 4.2e-11, test: { lower: +0.330, upper: +0.692, … }, … }
 */
export function percentileRiseTest(baseline: Distribution, current: Distribution, options: PercentileRiseOptions): PercentileRiseTest | InsufficientData {
  const { q, nEffectiveBaseline: nb, nEffectiveCurrent: nc } = options;
  const noise = options.noise ?? 0;
  const shapeNoise = options.shapeNoise ?? noise;
  if (!(q > 0 && q < 1)) throw new RangeError(`percentileRiseTest: q must be in (0, 1) but got ${q}`);
  if (!(nb > 0) || !(nc > 0)) throw new RangeError(`percentileRiseTest: effective sizes must be > 0 but got ${nb} and ${nc}`);
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`percentileRiseTest: noise must be a finite number ≥ 0 but got ${noise}`);
  if (!(shapeNoise >= 0 && Number.isFinite(shapeNoise))) throw new RangeError(`percentileRiseTest: shapeNoise must be a finite number ≥ 0 but got ${shapeNoise}`);
  const sb = logQuantileStandardError(baseline, q, nb);
  if (isInsufficient(sb)) return insufficient(`baseline: ${sb.reason}`, sb.cause, 'baseline');
  const sc = logQuantileStandardError(current, q, nc);
  if (isInsufficient(sc)) return insufficient(`current run: ${sc.reason}`, sc.cause, 'current');
  const vb = percentile(baseline, q);
  const vc = percentile(current, q);
  if (isInsufficient(vb) || isInsufficient(vc)) return insufficient('no data');
  if (vb <= 0 || vc <= 0) return insufficient('percentile is 0 ms: no relative change');
  const level = logRatioTest(Math.log(vc / vb), [sb, sc, noise, noise]);
  if (isInsufficient(level)) return level;
  const spread = q > 0.5 ? tailSpreadTest(baseline, current, { q, nEffectiveBaseline: nb, nEffectiveCurrent: nc, noise: shapeNoise }) : undefined;
  if (spread === undefined || isInsufficient(spread)) return { test: level, evidence: 'level', pGreater: level.pGreater, level };
  const bySpread = spread.pGreater < level.pGreater;
  return {
    test: bySpread ? spread : level,
    evidence: bySpread ? 'spread' : 'level',
    pGreater: Math.min(1, 2 * Math.min(level.pGreater, spread.pGreater)),
    level,
    spread,
  };
}

import type { Distribution } from './distribution.js';
import { type InsufficientData } from './insufficient.js';
import { type LogRatioTest } from './log-ratio-test.js';
import { type LogEstimate } from './log-quantile.js';
export interface TailSpreadOptions {
    /** The upper percentile as a fraction in (0.5, 1): 0.95 for p(95). */
    readonly q: number;
    /** Effective observations of the baseline (requests divided by the design effect), > 0. */
    readonly nEffectiveBaseline: number;
    /** Effective observations of the current run, > 0. */
    readonly nEffectiveCurrent: number;
    /** A log-scale standard deviation added for each run, for changes of shape between runs (default 0). */
    readonly noise?: number;
}
/**
 * Did the tail move away from the median? Tests ln(p_q / median) of the current run against the same
 * ratio of the baseline: a change of the tail's shape, on the log scale, with its interval on the ratio
 * scale (+30 % means the percentile is 30 % further above the median than before).
 *
 * Why: drift between runs (a faster or slower runner, a warmer cache) moves the median and the tail
 * together, and cancels in this ratio, so the test does not need the whole run-to-run noise floor that
 * comparing the percentile itself needs. The two quantiles of one run are also positively correlated,
 * which shrinks the variance of their difference (`logSpreadOf`, with the order-statistic standard errors at
 * the effective n).
 *
 * Contract: pGreater in [0, 1]; the interval contains exp(logRatio) − 1; never NaN. InsufficientData
 * (cause `too-few`) when the effective n of a run cannot bound p_q; InsufficientData when a run is empty
 * or its median is ≤ 0; (cause `no-spread`) when neither run has spread and no noise is assumed.
 *
 * @throws {RangeError} if q is outside (0.5, 1), an effective n is not > 0, or noise is negative
 * @example
 * // baseline 1…100 ms; current: the same, but the ten slowest requests 50 % slower (p95 95.05 → 142.6 ms)
 * const b = Array.from({ length: 100 }, (_, i) => ({ value: i + 1, count: 1 }));
 * const c = b.map((x) => ({ value: x.value > 90 ? x.value * 1.5 : x.value, count: 1 }));
 * tailSpreadTest(b, c, { q: 0.95, nEffectiveBaseline: 100, nEffectiveCurrent: 100 }).test
 * // => logRatio ln(142.575/50.5) − ln(95.05/50.5) = ln 1.5 = 0.405, se 0.1375 (the median of 1…100 is
 * //    imprecise on the log scale), pGreater 0.0016, lower +0.146, upper +0.964
 */
export declare function tailSpreadTest(baseline: Distribution, current: Distribution, options: TailSpreadOptions): LogRatioTest | InsufficientData;
/** ln(p_q / median) of one run and its standard error; InsufficientData (naming `which`) when either percentile cannot be bounded. */
export declare function spreadOf(d: Distribution, q: number, nEff: number, which: string): LogEstimate | InsufficientData;

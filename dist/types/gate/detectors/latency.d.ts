import type { Detector } from '../detector.js';
/**
 * Latency questions for one scope: the typical shift (`med`: Hodges–Lehmann on log latency, tested with
 * Mann–Whitney), the mean (`avg`) and each configured percentile (its level by the order-statistic
 * interval, or its distance from the median: `quantile` below), all with a run-to-run noise floor added,
 * all on the ratio scale so "+20 %" means the same at 2 ms and at 2 s.
 */
export declare const latency: Detector;

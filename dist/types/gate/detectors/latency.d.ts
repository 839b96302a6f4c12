import type { Detector } from '../detector.js';
/**
 * Latency questions for one scope: the typical shift (`med`: Hodges–Lehmann on log latency, tested with
 * Mann–Whitney), the mean (`avg`) and each configured percentile (its level by the order-statistic
 * interval, or its distance from the median: `quantile` below), all with a run-to-run noise floor added,
 * all on the ratio scale so "+20 %" means the same at 2 ms and at 2 s.
 */
export declare const latency: Detector;
/**
 * Fewer time windows with requests than this in either run: a latency question may warn, never fail. The
 * design effect comes from the spread between windows, and with fewer than 8 (7 degrees of freedom) it is
 * too unsure to keep the test honest: a 4 s run of the same code twice failed real-k6 A/As this way.
 */
export declare const MIN_WINDOWS_TO_FAIL = 8;

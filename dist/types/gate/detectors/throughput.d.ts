import type { Detector } from '../detector.js';
/**
 * Did the whole run serve fewer requests per second than the baseline, beyond the limit? Throughput is a
 * run-level quantity, so its units are the time windows: the mean per-window rate of each run (first and
 * last windows dropped, as they are partly empty), with the spread between windows and their lag-1
 * autocorrelation giving the standard error, plus the run-to-run noise floor.
 */
export declare const throughput: Detector;

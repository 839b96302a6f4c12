import type { CounterWindow } from '../../document/run-document.js';
import { type InsufficientData } from '../../stats/insufficient.js';
import type { Detector } from '../detector.js';
/**
 * Did the whole run serve fewer requests per second than the baseline, beyond the limit? Throughput is a
 * run-level quantity, so its units are the time windows: the mean per-window rate of each run (first and
 * last windows dropped, as they are partly empty), with the spread between windows and their lag-1
 * autocorrelation giving the standard error, plus the run-to-run noise floor.
 */
export declare const throughput: Detector;
/** The log-scale standard error of the mean per-second rate over the inner windows (the edges are partly empty). */
export declare function windowRateSe(windows: readonly CounterWindow[], widthMs: number): number | InsufficientData;

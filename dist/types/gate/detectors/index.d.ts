import type { Detector } from '../detector.js';
/**
 * Every question the gate asks, in the order findings are reported: absolute SLOs, what the current run
 * lost, per scope latency (the whole run, then its end) then errors, then the run-wide questions. A new
 * detector is one file here and one line in this list.
 */
export declare const DETECTORS: readonly Detector[];

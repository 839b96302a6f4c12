import type { Detector } from '../detector.js';
/**
 * Every question the gate asks, in the order findings are reported: absolute SLOs, what the current run
 * lost, per scope latency (the whole run, then its end) then errors, then the run-wide questions. A new
 * detector is one file here and one line in this list.
 */
export declare const DETECTORS: readonly Detector[];
/**
 * The questions of ab mode (interleaved rounds against a baseline service and the candidate): latency and
 * throughput from the round pairs, the rest on each arm's rounds added up. No memory or within-run drift
 * questions: the rounds are short and the services' memory is not sampled.
 */
export declare const AB_DETECTORS: readonly Detector[];

import type { Detector } from '../detector.js';
import { coverage } from './coverage.js';
import { degradation } from './degradation.js';
import { endOfRun } from './end-of-run.js';
import { errorRate } from './error-rate.js';
import { failureSignatures } from './failure-signatures.js';
import { latency } from './latency.js';
import { memoryGrowth } from './memory-growth.js';
import { memoryLevel } from './memory-level.js';
import { pairedLatency } from './paired-latency.js';
import { pairedThroughput } from './paired-throughput.js';
import { thresholds } from './thresholds.js';
import { throughput } from './throughput.js';

/**
 * Every question the gate asks, in the order findings are reported: absolute SLOs, what the current run
 * lost, per scope latency (the whole run, then its end) then errors, then the run-wide questions. A new
 * detector is one file here and one line in this list.
 */
export const DETECTORS: readonly Detector[] = [thresholds, coverage, latency, endOfRun, errorRate, failureSignatures, throughput, memoryLevel, memoryGrowth, degradation];

/**
 * The questions of ab mode (interleaved rounds against a baseline service and the candidate): latency and
 * throughput from the round pairs, the rest on each arm's rounds added up. No memory or within-run drift
 * questions: the rounds are short and the services' memory is not sampled.
 */
export const AB_DETECTORS: readonly Detector[] = [thresholds, coverage, pairedLatency, errorRate, failureSignatures, pairedThroughput];

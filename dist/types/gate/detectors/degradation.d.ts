import type { Detector } from '../detector.js';
/**
 * Degradation within one run (endurance): the typical latency of the last third of the run after warm-up
 * against its first third, with the same shift test as between runs (the two thirds play baseline and
 * current; windows give the design effect). No run-to-run noise is added: it is the same run.
 */
export declare const degradation: Detector;

import type { Detector } from '../detector.js';
/**
 * Whole-run throughput in ab mode: each round pair's ratio of requests per second (candidate over
 * baseline), its standard error from each round's time windows, combined over the pairs
 * (stats/paired-log-ratio.ts). Not asked outside ab mode.
 */
export declare const pairedThroughput: Detector;

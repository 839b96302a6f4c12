import type { Detector } from '../detector.js';
/**
 * A round with fewer requests of a scope than this says nothing about it: the pair is left out of that
 * scope's questions (a rare endpoint may reach it only in some rounds).
 */
export declare const PAIR_MIN_REQUESTS = 5;
/**
 * Latency questions of ab mode, one per scope and configured statistic: each round pair's ratio
 * (candidate round over the baseline round next to it) — the Hodges–Lehmann shift for `med`, the
 * statistic's own ratio otherwise — combined over the pairs with an interval from the pairs
 * (stats/paired-log-ratio.ts). The within-round tests only weigh the pairs and set a floor: what drifts
 * between rounds (a busy neighbour, a warming cache) is in the spread between pairs, so no run-to-run
 * noise figure is assumed. Not asked outside ab mode.
 */
export declare const pairedLatency: Detector;

import type { Detector } from '../detector.js';
/**
 * What the baseline measured and the current run lost: the latency metric itself, or a grouping tag the
 * baseline's requests carried. Without them the current run is judged on less than the baseline was, and
 * a regression in what went missing would pass unseen, so each is a failing finding (kind `data`).
 */
export declare const coverage: Detector;

import type { Detector } from '../detector.js';
/**
 * What the baseline measured and the current run lost: the latency metric itself, or a grouping tag the
 * baseline's requests carried. Without them the current run is judged on less than the baseline was, and
 * a regression in what went missing would pass unseen, so each is a failing finding (kind `data`).
 * One endpoint the current run no longer has is a finding too, as loud as `coverage.missing` says
 * (warn by default, fail, or ignore: then only the headline counts it).
 */
export declare const coverage: Detector;

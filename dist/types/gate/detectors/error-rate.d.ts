import type { Detector } from '../detector.js';
/**
 * Did the share of failed requests rise by more than the limit? Relative (+50 %) and absolute (the floor,
 * so 0.01 % → 0.02 % is no failure) must both be exceeded. The test is a one-sided two-proportion z-test
 * whose variance is inflated by the design effect of failures clustering in time windows (an outage
 * fails many requests at once, which is one event, not many).
 */
export declare const errorRate: Detector;

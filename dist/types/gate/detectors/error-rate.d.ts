import type { RateWindow } from '../../document/run-document.js';
import type { Detector } from '../detector.js';
/**
 * Failed requests below which (in the rarer class over both runs, after dividing by the design effect) the
 * exact conditional test replaces the z-test: there the normal approximation is poor, above it the two
 * agree and the z-test keeps its power when failures are not rare.
 */
export declare const EXACT_BELOW = 50;
/**
 * Did the share of failed requests rise by more than the limit? Relative (+50 %) and absolute (the floor,
 * so 0.01 % → 0.02 % is no failure) must both be exceeded. From a baseline with no failures a relative
 * change is undefined: then the absolute floor alone is the limit (0 → 0.2 % is beyond a 0.1-point floor).
 *
 * The test is one-sided and accounts for failures clustering in time windows (an outage fails many
 * requests at once, which is one event, not many) by the design effect d of the windows: with few
 * failures (fewer than EXACT_BELOW after dividing by d) the exact conditional binomial test on the counts
 * divided by d, else the two-proportion z-test with its variance multiplied by d.
 */
export declare const errorRate: Detector;
/** Design effect of failures clustering in windows (a window's `passes` are its failed requests); 1 when it cannot be estimated. */
export declare function failuresDesignEffect(windows: readonly RateWindow[]): number;

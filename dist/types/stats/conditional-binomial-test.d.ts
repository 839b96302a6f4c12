import { type InsufficientData } from './insufficient.js';
import type { Proportion } from './two-proportion-test.js';
export interface ConditionalBinomialTest {
    /** One-sided exact p-value for "the current share of events is higher". */
    readonly pGreater: number;
    /** Which class was conditioned on: the rarer of events and non-events over both runs. */
    readonly conditionedOn: 'events' | 'non-events';
    /**
     * The smallest pValue these totals could give (every conditioned event in the current run): π^k. A test
     * whose minimum is not below α can never confirm anything, whatever the split (Tarone's observation), so
     * the gate leaves it out of the multiple-comparison family instead of letting it dilute the others.
     */
    readonly minAttainableP: number;
    /** The counts after dividing by the design effect (what the test was run on). */
    readonly effective: {
        readonly baseline: Proportion;
        readonly current: Proportion;
    };
}
export interface ConditionalBinomialTestOptions {
    /** Design effect (≥ 1) of events clustering in time; every count is divided by it. Default 1. */
    readonly varianceInflation?: number;
}
/**
 * Did the share of events (failed requests) rise from the baseline to the current run? An exact test for
 * small counts, where a z-test's normal approximation is poor: 0 failures of 220 against 3 of 220 is a
 * question about three requests.
 *
 * Method: condition on the rarer class over both runs (usually the failures). Given that k of them were
 * seen in all, under "no change" the current run's share of them is Binomial(k, π) with
 * π = n_current / (n_baseline + n_current), the share of requests it made; pGreater is the upper tail
 * P(X ≥ x_current) = I_π(x_current, k − x_current + 1) (regularizedBeta). When the non-events are rarer
 * (more than half the requests failed), it is the lower tail of the current run's share of non-events.
 * This is the exact test of two Poisson rates; for binomial counts it is conservative against Fisher's
 * hypergeometric test (which also conditions on the requests), and conditioning on the rarer class keeps
 * that loss small (the hypergeometric variance is the binomial one times 1 − k/N ≥ ½).
 *
 * Clustering: failures come in bursts (an outage fails twenty requests at once, which is one event).
 * Every count is divided by the design effect d before the test (Rao–Scott deflation, effective sample
 * sizes n/d), and the binomial tail is carried to non-integer counts through the incomplete beta function
 * (as Korn and Graubard do for Clopper–Pearson intervals). So with d = 2, 12 current failures weigh as 6.
 *
 * Contract: pGreater in [0, 1] and ≥ minAttainableP; minAttainableP = π^k for the k conditioned events (1 when
 * there are none); 1 when the current run has no events of the conditioned class to show
 * (none failed now, or it is the baseline that failed more); symmetric in the sense that swapping runs
 * and asking the other side gives P(X ≤ x) instead; exactly the binomial tail sum for integer counts and
 * d = 1. InsufficientData when a run has no trials.
 *
 * @throws {RangeError} if counts are negative, not finite, or events > total; or varianceInflation < 1
 * @example
 * // 2 of 1000 failed before, 12 of 1000 now: 14 failures, each the current run's with π = ½
 * conditionalBinomialTest({ events: 2, total: 1000 }, { events: 12, total: 1000 });
 * // => { pGreater: 0.0064697… (= (91 + 14 + 1) / 2^14), conditionedOn: 'events', … }
 * // none of 220 before, 3 of 220 now: (½)³
 * conditionalBinomialTest({ events: 0, total: 220 }, { events: 3, total: 220 }).pGreater; // => 0.125
 */
export declare function conditionalBinomialTest(baseline: Proportion, current: Proportion, options?: ConditionalBinomialTestOptions): ConditionalBinomialTest | InsufficientData;

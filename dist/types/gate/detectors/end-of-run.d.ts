import type { Detector } from '../detector.js';
/**
 * Did the end of the run get slower? A regression that starts mid-run (a cache that fills, a pool that
 * leaks) is diluted in the whole-run comparison; here the typical latency of the last third of the current
 * run (after the endurance warm-up, when set) is held against the baseline's last third, with the same
 * shift test as the whole run: the design effect of those windows and the run-to-run noise of each run,
 * scaled to a third of the run (END_NOISE_FACTOR).
 * It warns at most: a third of the run is thinner evidence than the whole, and a slow stretch of the
 * machine can fill it (on the bench's noisy machine, failing on it cost 1 % of A/A runs).
 * The segment is fixed in advance (no search for the worst stretch, so no selection bias); a detected
 * change point only explains the finding. Asked for every scope the latency detector judges; its p-values
 * join the others' multiple-comparison correction.
 */
export declare const endOfRun: Detector;
/**
 * The run-to-run noise of a third of a run, relative to the whole run's. A machine's slow states (a busy
 * neighbour for a few seconds, drift) average out over the run; a third of its time averages a third as
 * many, so its mean wanders up to √3 times as far (for states shorter than the third; a shift of the
 * whole run does not grow). Measured on the accuracy bench's noisy machine (slow stretches of 3–6 s in a
 * quarter of the runs), while this question could still fail a stage, 1000 A/A trials failed 1.4 % with
 * the whole run's noise and 0.7 % with √3 (as before it was asked), and a +50 % last third was still
 * flagged in 95 % of trials.
 */
export declare const END_NOISE_FACTOR: number;
/** Fewer windows than this in a run's last third: too few to measure the clustering in time, so no question. */
export declare const MIN_END_WINDOWS = 6;

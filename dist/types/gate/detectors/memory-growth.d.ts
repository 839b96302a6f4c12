import type { Detector } from '../detector.js';
/**
 * Endurance stages: does the GC floor keep climbing? Growth over the run at the steady-state slope beyond
 * `memoryGrowth`, and (with `leak: true`) a leak — that growth with a slope credibly above 0 both over the
 * steady state and over the whole time after warm-up, so a heap that sizes itself in steps is no leak.
 */
export declare const memoryGrowth: Detector;

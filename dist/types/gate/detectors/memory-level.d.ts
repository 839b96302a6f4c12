import type { Detector } from '../detector.js';
/** Memory against the baseline: the steady-state level of the GC floor, +25 % by default. */
export declare const memoryLevel: Detector;

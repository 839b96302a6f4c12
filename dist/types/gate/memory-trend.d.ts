import type { MemorySample } from '../document/run-document.js';
import { type InsufficientData } from '../stats/insufficient.js';
/** The metric memory findings are about, named as Prometheus names it. */
export declare const MEMORY_METRIC = "process_resident_memory_bytes";
/** How a run's resident memory behaved after warm-up. */
export interface MemoryTrend {
    readonly startBytes: number;
    readonly endBytes: number;
    readonly peakBytes: number;
    /** Median of the GC floor in the steady state (later half after warm-up). */
    readonly levelBytes: number;
    /** Spread of ln(GC floor) in the steady state: how much the level wobbles within the run. */
    readonly levelLogSd: number;
    /** Theil–Sen slope of the GC floor over the whole time after warm-up, MB per hour, with its interval. */
    readonly slopeMBPerHour?: number;
    readonly slopeInterval?: {
        readonly lower: number;
        readonly upper: number;
    };
    readonly rSquared?: number;
    /** Slope over the steady state (later half after warm-up) — what a leak keeps doing and a heap step does not. */
    readonly steadySlopeMBPerHour?: number;
    readonly steadySlopeInterval?: {
        readonly lower: number;
        readonly upper: number;
    };
    /** Growth of the floor over the time after warm-up at the steady-state slope, as a fraction of the level. */
    readonly growth?: number;
    readonly samples: number;
    /** Samples set aside because they cannot be a live process's memory (0 bytes or less, not finite). */
    readonly discarded: number;
}
/**
 * The GC floor: resident memory swings up between collections and falls back; a leak is what the floor
 * does. The floor is the minimum over consecutive blocks of samples (a few GC cycles each).
 */
export declare function gcFloor(samples: readonly MemorySample[], blockSize: number): MemorySample[];
/**
 * How memory behaved over a run. A sample of 0 bytes (a sampler that read nothing) cannot be a live
 * process's memory: it is set aside and counted, not taken as a drop to zero.
 */
export declare function memoryTrend(samplesIn: readonly MemorySample[], warmupSeconds: number): MemoryTrend | InsufficientData;

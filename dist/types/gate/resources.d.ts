/**
 * Which of the service's resources moved with the latency: CPU and GC time per request, the event loop's
 * p99 lag and open file descriptors, from the /metrics samples taken while the load ran (the memory
 * source's scrapes, document/run-document.ts MemorySample), between the baseline and the current run and
 * between the first and last third of the current run. Pure.
 *
 * These are hints for the reader, not verdicts: a run has one CPU counter, not a sample per request, so
 * there is no interval to test; a resource is said to have moved only when it moved by more than the
 * run-to-run wobble seen on the example API (CPU per request within ±10 % in A/A pairs), by the margins below.
 */
import type { MemorySample, RunDocument } from '../document/run-document.js';
/** A resource the hints can name. */
export type ResourceName = 'cpuPerRequest' | 'gcPerRequest' | 'eventLoopLag' | 'openFds';
/** One run's (or one part of a run's) use of the service's resources; a field is absent when the service did not expose it. */
export interface ResourceUse {
    /** CPU milliseconds of the service per request served. */
    readonly cpuPerRequestMs?: number;
    /** CPU seconds per second over the span: how many cores the service kept busy (0.25 = a quarter of one). */
    readonly cpuCores?: number;
    /** GC seconds per second over the span. */
    readonly gcCores?: number;
    /** GC milliseconds per request. */
    readonly gcPerRequestMs?: number;
    /** Median over the scrapes of the event loop's p99 delay (each scrape covers the time since the previous one), ms. */
    readonly eventLoopLagP99Ms?: number;
    /** The largest open-file-descriptor count seen. */
    readonly openFdsMax?: number;
    /** Requests per second over the sampled span, which the per-request figures divide by. */
    readonly requestsPerSecond: number;
    readonly samples: number;
}
export interface ResourceChange {
    readonly resource: ResourceName;
    readonly from: number;
    readonly to: number;
    /** to / from (Infinity never: a zero `from` is left out). */
    readonly ratio: number;
    /** Moved by more than the margin of its rule (RESOURCE_RULES): worth naming beside a latency change. */
    readonly moved: boolean;
}
export interface ResourceComparison {
    readonly current: ResourceUse;
    readonly baseline?: ResourceUse;
    /** Baseline → current, per resource both runs have. */
    readonly changes: readonly ResourceChange[];
    /** The current run's first third → its last third: a resource that grew while the load ran. */
    readonly withinRun: readonly ResourceChange[];
}
/**
 * When a rise counts as moved: by this factor at least, and by this much in absolute terms (so that
 * 0.5 → 1.2 ms of lag, a doubling of nothing, is not news).
 */
export declare const RESOURCE_RULES: Readonly<Record<ResourceName, {
    readonly factor: number;
    readonly absolute: number;
}>>;
/**
 * A per-request time counts as moved only when the service also spent more of it per second, by this
 * factor: a service's fixed work (timers, its metrics, open sockets, a fresh process's compiler) spread
 * over fewer requests — a handler that waits longer, in a closed-loop test — raises the time per request
 * without any handler costing more. The factor is above the run-to-run wobble of CPU per second: on the
 * example API (fresh process per run, 6 s, 3 VUs) three runs of the same code used 0.12, 0.13 and 0.16
 * cores; the dashboard 3× slower 0.10–0.12 cores at CPU per request ×1.03–×1.22, and once ×1.54 at ×1.05
 * the cores (which 1.05 called moved); a handler burning 60 ms of CPU 0.46–0.47 cores (×2.9–×3.9).
 */
export declare const BUSIER_FACTOR = 1.2;
/**
 * The resources of both runs and what moved; undefined when the current run has fewer than 3 scrapes
 * with any resource besides memory, or no request counts over their span.
 *
 * @example compareResources(baselineDoc, currentDoc)?.changes.find((c) => c.resource === 'cpuPerRequest')
 */
export declare function compareResources(baseline: RunDocument | undefined, current: RunDocument): ResourceComparison | undefined;
/** A run's resource use over the span of `samples` (sorted by time), or undefined when it cannot be told. */
export declare function resourceUse(doc: RunDocument, samples: readonly MemorySample[]): ResourceUse | undefined;
/**
 * Requests of the whole run served between two instants: the request counter's windows, each counted by
 * the share of it that lies between them (requests are taken as even within a window).
 */
export declare function requestsBetween(doc: RunDocument, fromMs: number, toMs: number): number | undefined;

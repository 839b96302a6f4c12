import { TrendHistogram } from './trend-histogram.js';
import { WindowSketch } from './window-sketch.js';
import type { MetricType, Window } from './run-document.js';
/** Running totals of one scope (a metric, or a metric narrowed to tag values) over the whole run. */
export type ScopeTotals = {
    readonly type: 'trend';
    readonly histogram: TrendHistogram;
} | {
    readonly type: 'counter';
    count: number;
    samples: number;
} | {
    readonly type: 'rate';
    passes: number;
    fails: number;
} | {
    readonly type: 'gauge';
    value: number;
    valueTime: number;
    min: number;
    max: number;
    samples: number;
};
export declare function newTotals(type: MetricType, scale: number): ScopeTotals;
export declare function recordTotal(t: ScopeTotals, timeMs: number, value: number): void;
/** Adds one scope's totals into another of the same type (leaves into scopes, shards into a run). */
export declare function addTotals(into: ScopeTotals, from: ScopeTotals): void;
/** One window of one scope while it is being filled. */
export declare class WindowTotals {
    readonly type: MetricType;
    count: number;
    sum: number;
    min: number;
    max: number;
    sumLog: number;
    sumLogSq: number;
    passes: number;
    last: number;
    lastTime: number;
    sketch: WindowSketch | undefined;
    /**
     * @param sketch for a trend window: 'filling' while points are recorded into it (counts densely until
     *   closed), 'summing' while stored windows add into it (WindowSketch.summing), 'stored' otherwise.
     */
    constructor(type: MetricType, sketch?: 'filling' | 'summing' | 'stored');
    /** A value of a trend window (the hot path of ingest, so no type switch). */
    recordTrend(value: number): void;
    record(timeMs: number, value: number): void;
    /** The window is complete (its run moved on): shrink it to what it holds. */
    close(): void;
    /** Encoding it changes nothing: no sketch, or a settled one. */
    get settled(): boolean;
    add(o: WindowTotals): void;
    /**
     * Adds a stored window of `type` (its scope's) that starts at `atMs`: the same as `add` of the totals it
     * decodes to — whose other fields are 0 or ±∞, which add nothing — without building them.
     */
    addStored(type: MetricType, w: Window, atMs: number): void;
}

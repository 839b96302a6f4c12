import type { RunDocument } from './run-document.js';
/**
 * Time series of a run for charts, computed here so that every renderer (the HTML page today, a
 * dashboard tomorrow) draws the same numbers: x in seconds since the run's start.
 */
/** Most points per series: longer series are drawn from merged windows or averaged samples. */
export declare const MAX_POINTS = 400;
/**
 * p50 and p95 per window of a scope, x in seconds since the run's start. With more than MAX_POINTS windows,
 * consecutive windows are merged (their sketches added) so that percentiles stay percentiles.
 */
export declare function latencySeries(doc: RunDocument, metric: string): {
    p50: [number, number][];
    p95: [number, number][];
};
/** True when a trend scope has windows with points, so a latency chart has something to draw. */
export declare function hasLatencyWindows(doc: RunDocument, metric: string): boolean;
/** Resident memory in MB (2^20 bytes) against seconds since the run's start. */
export declare function memorySeries(doc: RunDocument): [number, number][];
/**
 * Requests per second and the failed share per window of one endpoint (or the whole run), x in seconds since
 * the run's start at each window's middle: the request counter's and the failures rate's scopes of the same
 * tags. Windows are merged in groups, as latencySeries does, beyond MAX_POINTS.
 */
export declare function trafficSeries(doc: RunDocument, requestsScope: string, failuresScope: string): {
    throughput: [number, number][];
    errorRate: [number, number][];
};

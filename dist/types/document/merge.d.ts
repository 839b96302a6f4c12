import { WindowTotals } from './accumulators.js';
import { type RunDocument } from './run-document.js';
import { type TypedSeries } from './by-type.js';
/** Why two documents cannot be added up. */
export declare class MergeError extends Error {
}
/**
 * Adds up the run documents of the shards of one test (k6 run on several machines at once).
 * Counts, rates and trend histograms add exactly; windows are re-aligned on a common origin at the
 * widest width among the shards; gauges add (concurrent users of shards running at once add up, and
 * the sum of the shards' maxima is an upper bound of the true maximum).
 * @throws MergeError when the shards were grouped by different tags or windows cannot be aligned.
 */
export declare function mergeRuns(docs: readonly RunDocument[]): RunDocument;
/** Stored windows back into running totals, so windows of different shards add up; `atMs` is a window's start. */
export declare function decodeSeries(series: TypedSeries, atMs: (i: number) => number): {
    i: number;
    totals: WindowTotals;
}[];

import type { RunDocument } from './run-document.js';
export interface K6Summary {
    readonly metrics: Record<string, {
        readonly type: string;
        readonly values: Record<string, number>;
    }>;
}
/**
 * k6's own aggregates for every metric and submetric of a run, computed the way k6 computes them
 * (percentiles by linear interpolation at p·(n−1)), so they can be checked against k6's end-of-test summary.
 */
export declare function k6Summary(doc: RunDocument): K6Summary;

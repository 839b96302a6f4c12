/**
 * A distribution as a histogram sees it: distinct values in ascending order, each with how many
 * observations fell on it. HDR histograms and window sketches both hand their content over in this form,
 * so every rank statistic works on buckets instead of raw samples (constant memory, exact for the bucketed data).
 */
export interface Bucket {
    readonly value: number;
    readonly count: number;
}
/** Sorted ascending by `value`, every `count` > 0, values distinct. */
export type Distribution = readonly Bucket[];
/** Total number of observations in a distribution. */
export declare function totalCount(d: Distribution): number;

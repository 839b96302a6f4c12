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
export function totalCount(d: Distribution): number {
  let n = 0;
  // An indexed loop: for…of allocated an iterator result per bucket wherever V8 had not optimized the
  // caller, and a comparison counts distributions of thousands of buckets hundreds of times.
  for (let i = 0; i < d.length; i++) n += d[i]!.count;
  return n;
}

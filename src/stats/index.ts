/**
 * perf-gate's statistics: pure functions over numbers and histogram buckets, no I/O. Every function
 * either returns a number-valued result or InsufficientData; none returns NaN. See docs/statistics.md.
 */
export { type Bucket, type Distribution, totalCount } from './distribution.js';
export { type InsufficientData, insufficient, isInsufficient } from './insufficient.js';
export { assertDistribution } from './assert-distribution.js';
export { type Rng, seededRng } from './random.js';
export { normalCdf, normalQuantile } from './normal.js';
export { percentile, mean, min, max } from './percentile.js';
export { quantileSorted } from './quantile-sorted.js';
export { interpolate } from './interpolate.js';
export { type PairCounts, pairCounts } from './pair-counts.js';
export {
  type MannWhitneyResult,
  type MannWhitneyOptions,
  MANN_WHITNEY_EXACT_MAX_TOTAL,
  mannWhitney,
} from './mann-whitney.js';
export { kthPairwiseDifference } from './kth-pairwise-difference.js';
export { type HodgesLehmannResult, type HodgesLehmannOptions, hodgesLehmann } from './hodges-lehmann.js';
export { type CliffsDeltaResult, cliffsDelta } from './cliffs-delta.js';
export { type MovingBlockBootstrapOptions, movingBlockBootstrap, percentileInterval } from './bootstrap.js';
export { lag1Autocorrelation, effectiveSampleSize } from './autocorrelation.js';
export { type ClusterSummary, clusterDesignEffect } from './design-effect.js';
export { type TheilSenResult, type TheilSenOptions, THEIL_SEN_MAX_POINTS, theilSen } from './theil-sen.js';
export { type OrdinaryLeastSquaresResult, ordinaryLeastSquares } from './ols.js';
export { holm, benjaminiHochberg } from './multiplicity.js';
export { type LogRatioTest, type LogRatioTestOptions, logRatioTest } from './log-ratio-test.js';
export { type Proportion, type TwoProportionTest, type TwoProportionTestOptions, twoProportionTest } from './two-proportion-test.js';
export { type RelativeShiftTest, type RelativeShiftOptions, relativeShiftTest } from './relative-shift-test.js';
export { LOG_FLOOR, logDistribution } from './log-distribution.js';
export { logQuantileStandardError } from './quantile-log-se.js';
export { type TailSpreadOptions, tailSpreadTest } from './tail-spread-test.js';
export { type PercentileRiseOptions, type PercentileRiseTest, percentileRiseTest } from './percentile-rise-test.js';
export { type Moments, distributionMoments } from './distribution-moments.js';
export { logMeanStandardError } from './log-mean-se.js';
export { sampleStandardDeviation } from './standard-deviation.js';
export { clusterOfSums, clusterOfProportion } from './design-effect.js';
export { type DetectableEffect, type DetectableEffectOptions, minimumDetectableEffect } from './minimum-detectable-effect.js';
export { type SampleSizeFactorOptions, sampleSizeFactor } from './sample-size-factor.js';
export { type MixturePart, mixture } from './mixture.js';
export { regularizedBeta } from './regularized-beta.js';
export { type ChangePoint, type WindowLogSums, CHANGE_POINT_MIN_WINDOWS, changePoint, kolmogorovSurvival } from './change-point.js';
export { type ConditionalBinomialTest, type ConditionalBinomialTestOptions, conditionalBinomialTest } from './conditional-binomial-test.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
export { type PairEstimate, type PairedLogRatio, type PairedLogRatioOptions, pairedLogRatio } from './paired-log-ratio.js';

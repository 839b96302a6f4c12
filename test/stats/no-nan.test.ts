import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as stats from '../../src/stats/index.js';
import { anyDistribution, anyFinite, numbersIn } from './helpers.js';

/** A result is acceptable if it is InsufficientData or contains no NaN anywhere. */
function noNaN(result: unknown): void {
  if (stats.isInsufficient(result)) {
    expect(result.reason.length).toBeGreaterThan(0);
    return;
  }
  for (const x of numbersIn(result)) expect(Number.isNaN(x)).toBe(false);
}

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const confidence = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const inflation = fc.double({ min: 1, max: 1e6, noNaN: true });
const finiteArray = (maxLength: number) => fc.array(anyFinite, { maxLength });
const points = fc.array(fc.tuple(anyFinite, anyFinite), { maxLength: 15 });

describe('no statistic returns NaN for finite input (full double range: huge, tiny, subnormal, ±0)', () => {
  it('percentile, mean, min, max', () => {
    fc.assert(
      fc.property(anyDistribution, probability, (d, p) => {
        noNaN(stats.percentile(d, p));
        noNaN(stats.mean(d));
        noNaN(stats.min(d));
        noNaN(stats.max(d));
      }),
    );
  });

  it('mannWhitney, hodgesLehmann, cliffsDelta, pairCounts', () => {
    fc.assert(
      fc.property(anyDistribution, anyDistribution, confidence, inflation, fc.boolean(), (b, c, level, deff, inflate) => {
        const varianceInflation = inflate ? deff : 1;
        noNaN(stats.mannWhitney(b, c, { varianceInflation }));
        noNaN(stats.mannWhitney(b, c, { method: 'normal' }));
        noNaN(stats.hodgesLehmann(b, c, { confidence: level, varianceInflation }));
        noNaN(stats.cliffsDelta(b, c));
        noNaN(stats.pairCounts(b, c));
      }),
    );
  });

  it('kthPairwiseDifference at the extremes and the middle', () => {
    fc.assert(
      fc.property(anyDistribution, anyDistribution, (b, c) => {
        const pairs = stats.totalCount(b) * stats.totalCount(c);
        fc.pre(pairs > 0);
        for (const k of [0, Math.floor(pairs / 2), pairs - 1]) noNaN(stats.kthPairwiseDifference(b, c, k));
      }),
    );
  });

  it('movingBlockBootstrap and percentileInterval', () => {
    fc.assert(
      fc.property(finiteArray(30), fc.integer(), confidence, fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), (units, seed, level, blockLength) => {
        const median = (xs: readonly number[]) => stats.quantileSorted(Float64Array.from(xs).sort(), 0.5);
        const replicates = stats.movingBlockBootstrap(units, median, { replicates: 20, blockLength, rng: stats.seededRng(seed) });
        noNaN(replicates);
        noNaN(stats.percentileInterval(units, level));
        if (!stats.isInsufficient(replicates)) noNaN(stats.percentileInterval(replicates, level));
      }),
    );
  });

  it('lag1Autocorrelation and effectiveSampleSize', () => {
    fc.assert(
      fc.property(finiteArray(30), fc.double({ min: 1, max: 1e300, noNaN: true }), fc.double({ noNaN: true }), (xs, n, rho) => {
        noNaN(stats.lag1Autocorrelation(xs));
        noNaN(stats.effectiveSampleSize(n, rho));
      }),
    );
  });

  it('clusterDesignEffect', () => {
    const cluster = fc.record({
      count: fc.integer({ min: 0, max: 50 }),
      mean: anyFinite,
      variance: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
    });
    fc.assert(fc.property(fc.array(cluster, { maxLength: 8 }), (clusters) => noNaN(stats.clusterDesignEffect(clusters))));
  });

  it('theilSen and ordinaryLeastSquares', () => {
    fc.assert(
      fc.property(points, confidence, (pts, level) => {
        const x = pts.map((p) => p[0]);
        const y = pts.map((p) => p[1]);
        noNaN(stats.theilSen(x, y, { confidence: level }));
        noNaN(stats.ordinaryLeastSquares(x, y));
      }),
    );
  });

  it('holm and benjaminiHochberg', () => {
    fc.assert(
      fc.property(fc.array(probability, { maxLength: 20 }), (p) => {
        noNaN(stats.holm(p));
        noNaN(stats.benjaminiHochberg(p));
      }),
    );
  });

  it('tailSpreadTest and percentileRiseTest', () => {
    fc.assert(
      fc.property(anyDistribution, anyDistribution, fc.double({ min: 0.51, max: 0.999, noNaN: true }), inflation, fc.double({ min: 0, max: 1, noNaN: true }), (b, c, q, n, noise) => {
        const options = { q, nEffectiveBaseline: n, nEffectiveCurrent: n, noise };
        noNaN(stats.tailSpreadTest(b, c, options));
        noNaN(stats.percentileRiseTest(b, c, { ...options, shapeNoise: noise / 2 }));
      }),
    );
  });

  it('normalCdf, normalQuantile, interpolate', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), probability, anyFinite, anyFinite, probability, (z, p, a, b, f) => {
        noNaN(stats.normalCdf(z));
        noNaN(stats.normalQuantile(p));
        noNaN(stats.interpolate(Math.min(a, b), Math.max(a, b), f));
      }),
    );
  });

  it('regularizedBeta and conditionalBinomialTest', () => {
    const count = fc.double({ min: 0, max: 1e15, noNaN: true });
    fc.assert(
      fc.property(probability, fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: 1e-300, max: 1e300, noNaN: true }), count, count, count, count, inflation, (x, a, b, e1, t1, e2, t2, d) => {
        noNaN(stats.regularizedBeta(x, a, b));
        noNaN(stats.conditionalBinomialTest({ events: Math.min(e1, t1), total: Math.max(e1, t1) }, { events: Math.min(e2, t2), total: Math.max(e2, t2) }, { varianceInflation: d }));
      }),
    );
  });

  it('studentTCdf, studentTQuantile and pairedLogRatio', () => {
    const df = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
    const open01 = fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true });
    const pair = fc.record({ logRatio: anyFinite, se: fc.option(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), { nil: undefined }) });
    fc.assert(
      fc.property(anyFinite, open01, df, fc.array(pair, { maxLength: 10 }), (t, p, nu, raw) => {
        noNaN(stats.studentTCdf(t, nu));
        noNaN(stats.studentTQuantile(p, Math.max(nu, 0.5)));
        noNaN(stats.pairedLogRatio(raw.map((x) => (x.se === undefined ? { logRatio: x.logRatio } : { logRatio: x.logRatio, se: x.se }))));
      }),
    );
  });
});

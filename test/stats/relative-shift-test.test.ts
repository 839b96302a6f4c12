import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/stats/distribution.js';
import { hodgesLehmann } from '../../src/stats/hodges-lehmann.js';
import { isInsufficient } from '../../src/stats/insufficient.js';
import { LOG_FLOOR, logColumns, logDistribution } from '../../src/stats/log-distribution.js';
import { logRatioTest } from '../../src/stats/log-ratio-test.js';
import { mannWhitney } from '../../src/stats/mann-whitney.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { relativeShiftTest } from '../../src/stats/relative-shift-test.js';
import { toDistribution } from './helpers.js';

/** The log scale as one object per bucket, written out here as the oracle for logColumns. */
function logReference(d: Distribution): Distribution {
  const out: { value: number; count: number }[] = [];
  for (const b of d) {
    const v = Math.log(Math.max(b.value, LOG_FLOOR));
    const last = out[out.length - 1];
    if (last && last.value === v) last.count += b.count;
    else out.push({ value: v, count: b.count });
  }
  return out;
}

/**
 * relativeShiftTest through the public object API: the two rank tests on the log-scale buckets, then the
 * z-test with noise. The shared columns must change nothing of this.
 */
function composed(b: Distribution, c: Distribution, designEffect: number, noise: number) {
  const lb = logReference(b);
  const lc = logReference(c);
  const hl = hodgesLehmann(lb, lc, { confidence: 0.95, varianceInflation: designEffect });
  if (isInsufficient(hl)) return hl;
  const mw = mannWhitney(lb, lc, { varianceInflation: designEffect });
  if (isInsufficient(mw)) return mw;
  const test = logRatioTest(hl.estimate, [Math.max((hl.upper - hl.lower) / (2 * normalQuantile(0.975)), 0), noise, noise]);
  if (isInsufficient(test)) return test;
  return { test, pGreater: Math.max(mw.pGreater, test.pGreater) };
}

// Latency-like values, ties, and values at or below the log floor (zero, tiny, negative), which merge.
const value = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.double({ min: 0.01, max: 1000, noNaN: true }),
  fc.constantFrom(0, LOG_FLOOR, LOG_FLOOR / 3, -2),
);
const run = fc.array(value, { minLength: 0, maxLength: 60 }).map(toDistribution);

describe('relativeShiftTest', () => {
  it('property: the same result as the rank tests of the log-scale buckets through the object API', () => {
    fc.assert(
      // A design effect of 1 half the time: only then does Mann–Whitney take its exact path (at most 40 requests).
      fc.property(run, run, fc.constantFrom(1, 1, 1.7, 12.5), fc.constantFrom(0, 0.03), (b, c, designEffect, noise) => {
        const got = relativeShiftTest(b, c, { designEffect, noise });
        const want = composed(b, c, designEffect, noise);
        if (isInsufficient(want)) {
          expect(isInsufficient(got)).toBe(true);
          if (isInsufficient(got)) expect(got.cause).toBe(want.cause);
        } else {
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: logColumns and logDistribution hold the buckets the per-object loop builds', () => {
    fc.assert(
      fc.property(run, (d) => {
        const want = logReference(d);
        const cols = logColumns(d);
        expect(Array.from(cols.values)).toEqual(want.map((x) => x.value));
        expect(Array.from(cols.counts)).toEqual(want.map((x) => x.count));
        expect(cols.total).toBe(want.reduce((n, x) => n + x.count, 0));
        expect(logDistribution(d)).toEqual(want);
      }),
    );
  });

  it.each([
    { what: 'a design effect below 1', got: () => relativeShiftTest([{ value: 1, count: 1 }], [{ value: 2, count: 1 }], { designEffect: 0.5 }), message: /designEffect must be a finite number ≥ 1 but got 0.5/ },
    { what: 'a baseline out of order', got: () => relativeShiftTest([{ value: 2, count: 1 }, { value: 1, count: 1 }], [{ value: 2, count: 1 }]), message: /^baseline: bucket 1 has value 1 which is not above/ },
    { what: 'a current count of zero', got: () => relativeShiftTest([{ value: 1, count: 1 }], [{ value: 2, count: 0 }]), message: /^current: bucket 0 has count 0/ },
  ])('throws a RangeError for $what', ({ got, message }) => {
    expect(got).toThrow(RangeError);
    expect(got).toThrow(message);
  });
});

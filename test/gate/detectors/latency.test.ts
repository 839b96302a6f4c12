import { describe, expect, it } from 'vitest';
import { latency } from '../../../src/gate/detectors/latency.js';
import { lognormal, syntheticRun } from '../synthetic.js';
import { contextOf, run, summary } from './context.js';

const base = (n: number, seed: number, scale = 1) => lognormal(n, 40 * scale, 0.35, seed);
/** Requests above the sample's 80th percentile made `k` times slower (time order kept). */
const tailStretched = (xs: number[], k: number) => {
  const p80 = [...xs].sort((a, b) => a - b)[Math.floor(0.8 * xs.length)]!;
  return xs.map((x) => (x > p80 ? x * k : x));
};
const runOf = (latencies: number[]) => syntheticRun({ endpoints: { 'GET /a': { latencies } } });

describe('latency detector', () => {
  it.each([
    { what: 'the same code twice: within the limit, no evidence', b: base(400, 1), c: base(400, 2), config: {}, med: { beyond: false, significant: false } },
    { what: '+50 % everywhere: beyond and confirmed', b: base(400, 1), c: base(400, 2, 1.5), config: {}, med: { beyond: true, significant: true } },
    { what: '+10 % against a +20 % limit: confirmed, not beyond', b: base(2000, 1), c: base(2000, 2, 1.1), config: { runToRunNoise: 0 }, med: { beyond: false, significant: true } },
    { what: '+30 % but a 20 % run-to-run noise floor: beyond, not confirmed', b: base(400, 1), c: base(400, 2, 1.3), config: { runToRunNoise: 0.2 }, med: { beyond: true, significant: false } },
  ])('$what', ({ b, c, config, med }) => {
    const out = run(latency, contextOf(runOf(c), runOf(b), config)).map(summary);
    expect(out.find((a) => a.scope === 'GET /a' && a.statistic === 'med')).toMatchObject(med);
    expect(out.filter((a) => a.scope === 'GET /a').map((a) => a.statistic)).toEqual(['med', 'p(95)']);
  });

  it.each([
    { what: 'a percentile of fewer requests than minSamples', b: base(10, 1), c: base(10, 2), config: {}, shortfall: 'too-few-requests', statistic: 'p(95)' },
    { what: 'the typical shift of fewer requests than the small-sample test needs (8)', b: base(7, 1), c: base(7, 2), config: {}, shortfall: 'too-few-requests', statistic: 'med' },
    { what: 'a p(99) too few requests can bound', b: base(60, 1), c: base(60, 2), config: { stages: { smoke: { regression: { latency: { statistics: ['p(99)'] } } } } }, shortfall: 'too-few-requests', statistic: 'p(99)' },
    { what: 'no spread and no noise floor', b: Array(100).fill(7), c: Array(100).fill(7), config: { runToRunNoise: 0 }, shortfall: 'no-spread', statistic: 'med' },
  ])('not judged: $what', ({ b, c, config, shortfall, statistic }) => {
    const out = run(latency, contextOf(runOf(c), runOf(b), config)).map(summary);
    expect(out.find((a) => a.scope === 'GET /a' && a.statistic === statistic)).toMatchObject({ shortfall });
  });

  it.each([
    { what: '15 requests each, 3× slower: beyond, confirmed by the exact rank test, at most a warning', scale: 3, med: { beyond: true, significant: true } },
    { what: '15 requests each, the same code: within the limit', scale: 1, med: { beyond: false, significant: false } },
  ])('below minSamples the typical shift is still judged: $what', ({ scale, med }) => {
    const out = run(latency, contextOf(runOf(base(15, 2, scale)), runOf(base(15, 1))));
    const m = out.find((a) => a.scope?.value === 'GET /a' && a.statistic === 'med')!;
    expect(summary(m)).toMatchObject(med);
    expect(m).toMatchObject({ atMost: 'warn', details: { smallSample: { baselineCount: 15, currentCount: 15, minSamples: 20 } } });
    // The percentile still cannot be bounded on 15 requests.
    expect(summary(out.find((a) => a.scope?.value === 'GET /a' && a.statistic === 'p(95)')!)).toMatchObject({ shortfall: 'too-few-requests' });
  });

  it('every tested question says what it could have detected, with its noise floor apart', () => {
    const out = run(latency, contextOf(runOf(base(400, 2)), runOf(base(400, 1))));
    const m = out.find((a) => a.scope?.value === 'GET /a' && a.statistic === 'med')!;
    const d = m.details!.detectable!;
    expect(d).toMatchObject({ power: 0.8, alpha: 0.05 });
    // The floor of each run: 3 % and the additive 0.05 ms at this endpoint's baseline median, in quadrature.
    expect(d.noiseSe).toBeCloseTo(Math.SQRT2 * Math.hypot(0.03, 0.05 / m.baseline!), 12);
    expect(m.details?.noise).toEqual({ value: Math.hypot(0.03, 0.05 / m.baseline!), source: 'default', steps: 0 });
    // (z.95 + z.8) · se, se = hypot(within, noise floor): the stated parts rebuild the change.
    expect(Math.log1p(d.change)).toBeCloseTo(2.4865 * Math.hypot(d.withinSe, d.noiseSe), 3);
    // 400 log-normal requests, σ 0.35: within ≈ 0.35·√(2/400)·1.02 ≈ 0.025, so about +16 %.
    expect(d.change).toBeGreaterThan(0.12);
    expect(d.change).toBeLessThan(0.2);
  });

  it.each([
    // the slowest fifth 40 % slower, the median where it was: the tail moved away from it
    { what: 'a tail-only regression is judged by the spread', c: tailStretched(base(600, 2), 1.4), evidence: 'spread' },
    // everything 50 % slower: p95 rose with the median, its level is the evidence
    { what: 'a whole-distribution shift is judged by the level', c: base(600, 2, 1.5), evidence: 'level' },
  ])('p(95): $what', ({ c, evidence }) => {
    const p95 = run(latency, contextOf(runOf(c), runOf(base(600, 1)))).find((a) => a.scope?.value === 'GET /a' && a.statistic === 'p(95)')!;
    expect(p95.beyond).toBe(true);
    expect(p95.pValue!).toBeLessThan(0.001);
    expect(p95.intervalExcludesNoChange).toBe(true);
    if (evidence === 'spread') expect(p95.details?.tail?.fromMedian).toBeGreaterThan(0.2);
    else expect(p95.details?.tail).toBeUndefined();
    // Whichever test decided, the interval is p95's own: centred (on the log scale) on the change shown.
    const { lower, upper } = p95.interval!;
    expect((Math.log1p(lower) + Math.log1p(upper)) / 2).toBeCloseTo(Math.log1p(p95.change!), 9);
  });

  it('the mean is tested too when asked', () => {
    const config = { stages: { smoke: { regression: { latency: { statistics: ['avg'] } } } } };
    const out = run(latency, contextOf(runOf(base(400, 2, 1.5)), runOf(base(400, 1)), config)).map(summary);
    expect(out.find((a) => a.scope === 'GET /a')).toMatchObject({ statistic: 'avg', beyond: true, significant: true });
  });

  it('is not asked without a baseline', () => {
    expect(run(latency, contextOf(runOf(base(400, 1)), undefined))).toEqual([]);
  });
});

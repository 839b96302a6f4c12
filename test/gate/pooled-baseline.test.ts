import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { historyEntry, type HistoryEntry, type HistoryLevel } from '../../src/document/history-entry.js';
import { RunView } from '../../src/document/run-view.js';
import { compareRuns } from '../../src/gate/compare.js';
import { poolBaseline, withSharedErrors, type PooledPercentile } from '../../src/gate/pooled-baseline.js';
import { percentileEstimate, percentileRiseOfEstimates, type PercentileEstimate } from '../../src/stats/percentile-rise-test.js';
import { poolLogEstimates } from '../../src/stats/log-quantile.js';
import { totalCount } from '../../src/stats/distribution.js';
import { driftingRuns, sufficient } from '../stats/helpers.js';
import { findingMessage } from '../../src/report/words.js';
import { lognormal, syntheticRun } from './synthetic.js';

const policy = resolvePolicy(parseConfig({}), 'smoke');
const A = { tag: 'name', value: 'GET /a' };

/** A stored run whose GET /a has p(95) at e^p95 (se 0.05) and its median at e^median (se 0.03); undefined or null: not kept. */
function entry(k: number, p95: number | undefined, median: number | null = 2): HistoryEntry {
  const quantiles = [...(median !== null ? [{ q: 0.5, log: median, se: 0.03 }] : []), ...(p95 !== undefined ? [{ q: 0.95, log: p95, se: 0.05 }] : [])];
  const level: HistoryLevel = { scope: A, count: 230, logMean: 2.1, se: 0.02, ...(quantiles.length > 0 ? { quantiles } : {}) };
  const start = new Date(Date.UTC(2026, 11, 1 + k, 9)).toISOString();
  return { sha: `c${k}`, start, end: start.replace('09:00:00', '09:00:20'), durationSeconds: 20, p50: 7, p95: 20, p99: 30, throughput: 20, errorRate: 0, levels: [level] };
}
const metaOf = (e: HistoryEntry) => ({ start: e.start, end: e.end });

describe('poolBaseline', () => {
  it('averages the baseline run and the runs before it, up to baselineRuns, newest first', () => {
    const history = [3.0, 3.1, 3.2, 3.3, 3.4].map((p, k) => entry(k, p));
    const pooled = poolBaseline(history, metaOf(history[4]!), { ...policy, baselineRuns: 3 });
    const p = pooled.of(A, 0.95)!;
    expect(pooled.found).toBe(true);
    expect(p.shas).toEqual(['c4', 'c3', 'c2']);
    expect(p.estimate.runs).toBe(3);
    expect(p.estimate.level.log).toBeCloseTo(3.3, 12);
    expect(p.estimate.level.se).toBeCloseTo(0.05 / Math.sqrt(3), 12);
    // the spread ln(p95/median) of each run, averaged: 3.3 − 2
    expect(p.estimate.spread?.log).toBeCloseTo(1.3, 12);
    expect(p.baselineRunLog).toBe(3.4);
    // what each run's sampling error was, for withSharedErrors
    expect(p.perRun.level).toEqual([{ se: 0.05, count: 230 }, { se: 0.05, count: 230 }, { se: 0.05, count: 230 }]);
    expect(p.perRun.spread).toHaveLength(3);
  });

  it('pools from the baseline run, not from newer stored runs', () => {
    const history = [3.0, 3.0, 3.0, 3.5].map((p, k) => entry(k, p));
    expect(poolBaseline(history, metaOf(history[2]!), policy).of(A, 0.95)?.shas).toEqual(['c2', 'c1', 'c0']);
  });

  it('stops at a code change on the baseline branch: a step beyond noise', () => {
    // 3.0 → 3.5 is 0.5 against √(0.05² + 0.05² + 2·0.03²) = 0.086 → beyond 3 SDs: only the runs after it count.
    const history = [3.0, 3.0, 3.5, 3.52, 3.49].map((p, k) => entry(k, p));
    const p = poolBaseline(history, metaOf(history[4]!), policy).of(A, 0.95)!;
    expect(p.shas).toEqual(['c4', 'c3', 'c2']);
    expect(p.estimate.level.log).toBeCloseTo((3.5 + 3.52 + 3.49) / 3, 12);
  });

  it.each([
    { what: 'the history does not hold the baseline run', history: [entry(0, 3), entry(1, 3)], baseline: metaOf(entry(7, 3)), found: false },
    { what: 'one stored run: nothing to average', history: [entry(0, 3)], baseline: metaOf(entry(0, 3)), found: true },
    { what: 'entries without percentiles (written before they were kept)', history: [entry(0, undefined, null), entry(1, undefined, null)], baseline: metaOf(entry(1, 3)), found: true },
    { what: 'the run before the baseline has no p(95): one run only', history: [entry(0, 3), entry(1, undefined), entry(2, 3)], baseline: metaOf(entry(2, 3)), found: true },
  ])('pools nothing when $what', ({ history, baseline, found }) => {
    const pooled = poolBaseline(history, baseline, policy);
    expect(pooled.found).toBe(found);
    expect(pooled.of(A, 0.95)).toBeUndefined();
  });

  it('pools nothing with baselineRuns 1, and never another scope or percentile', () => {
    const history = [entry(0, 3), entry(1, 3)];
    expect(poolBaseline(history, metaOf(history[1]!), { ...policy, baselineRuns: 1 }).of(A, 0.95)).toBeUndefined();
    const pooled = poolBaseline(history, metaOf(history[1]!), policy);
    expect(pooled.of({ tag: 'name', value: 'GET /b' }, 0.95)).toBeUndefined();
    expect(pooled.of(A, 0.99)).toBeUndefined();
    expect(pooled.of(undefined, 0.95)).toBeUndefined();
  });

  it('without a median in every run the spread is left out, the level still pooled', () => {
    const history = [entry(0, 3, null), entry(1, 3)];
    const p = poolBaseline(history, metaOf(history[1]!), policy).of(A, 0.95)!;
    expect(p.estimate.runs).toBe(2);
    expect(p.estimate.spread).toBeUndefined();
  });
});

describe('compareRuns with percentiles in the history', () => {
  const day = 86_400_000;
  const run = (seed: number, k: number, tail = 1) =>
    syntheticRun({
      startMs: Date.UTC(2026, 10, 20, 9) + k * day,
      endpoints: {
        'GET /a': { latencies: lognormal(300, 50, 0.3, seed).map((v) => (v > 50 ? 50 + (v - 50) * tail : v)) },
        'GET /b': { latencies: lognormal(300, 20, 0.3, seed + 1) },
      },
    });
  const stored = [1, 2, 3, 4, 5].map((s, k) => run(s * 10, k));
  const history = stored.map((d, k) => historyEntry(d, `c${k}`));
  const baseline = stored[4]!;

  it("compares a percentile with its geometric mean over the stored runs, and the row and the sentence say so", () => {
    const report = compareRuns({ baseline, current: run(99, 6, 2), policy, history });
    const f = report.findings.find((x) => x.kind === 'latency' && x.statistic === 'p(95)' && x.scope?.value === 'GET /a')!;
    const p95s = stored.map((d) => new RunView(d).value('http_req_duration{name:GET /a}', 'p(95)')!);
    const mean = Math.exp(p95s.reduce((s, x) => s + Math.log(x), 0) / p95s.length);
    expect(f.details?.pooledBaseline).toEqual({ runs: 5, shas: ['c4', 'c3', 'c2', 'c1', 'c0'], baselineRun: p95s[4] });
    expect(f.baseline).toBeCloseTo(mean, 9);
    expect(f.change).toBeCloseTo(f.current! / mean - 1, 12);
    expect(report.scopes.find((s) => s.scope?.value === 'GET /a')!.baseline!.p95).toBe(f.baseline);
    expect(findingMessage(f)).toContain('is the geometric mean of 5 stored runs (the baseline run alone:');
    expect(report.notes.join('\n')).toContain('Percentile baselines are the geometric mean of 5 stored runs of the baseline branch');
    // The typical latency is not pooled: it is tested on the two runs' requests.
    expect([...new Set(report.findings.filter((x) => x.details?.pooledBaseline).map((x) => x.statistic))]).toEqual(['p(95)']);
  });

  it('the same code again passes against the pooled baseline', () => {
    expect(compareRuns({ baseline, current: run(99, 6), policy, history }).outcome).toBe('pass');
  });

  it('a history of another series (its stored p95 is not the baseline run\'s) is not pooled', () => {
    const other = history.map((e) => ({ ...e, levels: e.levels!.map((l) => ({ ...l, quantiles: l.quantiles?.map((x) => ({ ...x, log: x.log + 0.1 })) })) }));
    const report = compareRuns({ baseline, current: run(99, 6, 2), policy, history: other });
    expect(report.findings.some((x) => x.details?.pooledBaseline)).toBe(false);
    expect(report.notes.join('\n')).not.toContain('Percentile baselines');
  });

  it('says so when the history does not hold the baseline run', () => {
    const report = compareRuns({ baseline, current: run(99, 6), policy, history: history.slice(0, 4) });
    expect(report.findings.some((x) => x.details?.pooledBaseline)).toBe(false);
    expect(report.notes).toContain('The stored history does not hold the baseline run: percentiles are compared with the baseline run alone.');
  });
});

describe('withSharedErrors', () => {
  /** A pooled baseline of K runs of `count` requests with these level se's (spread se's half of them). */
  const pooledOf = (ses: readonly number[], count = 230): PooledPercentile => {
    const levels = ses.map((se, k) => ({ log: 3 + k * 0.01, se }));
    const spreads = ses.map((se) => ({ log: 0.5, se: se / 2 }));
    return {
      estimate: { level: poolLogEstimates(levels), spread: poolLogEstimates(spreads), runs: ses.length },
      shas: ses.map((_, k) => `c${k}`),
      baselineRunLog: 3,
      perRun: { level: ses.map((se) => ({ se, count })), spread: ses.map((se) => ({ se: se / 2, count })) },
    };
  };
  const current = (se: number): PercentileEstimate => ({ level: { log: 3.3, se }, spread: { log: 0.8, se: se / 2 }, runs: 1 });

  it('changes nothing when every run has the same error', () => {
    const pooled = pooledOf([0.05, 0.05, 0.05, 0.05, 0.05]);
    const shared = withSharedErrors(pooled, current(0.05), 230);
    expect(shared.current.level.se).toBeCloseTo(0.05, 12);
    expect(shared.baseline.level.se).toBeCloseTo(pooled.estimate.level.se, 12);
    expect(shared.baseline.spread!.se).toBeCloseTo(pooled.estimate.spread!.se, 12);
    expect(shared.current.spread!.se).toBeCloseTo(0.025, 12);
  });

  it('a current run that drew a wide error of its own gets the runs\' common one; the logs stay', () => {
    // v = 230·(5·0.05² + 0.15²)/6 → the current run's se √(v/230) = √(0.035/6) = 0.0764, the mean of five runs' √(v·5/230)/5
    const shared = withSharedErrors(pooledOf([0.05, 0.05, 0.05, 0.05, 0.05]), current(0.15), 230);
    expect(shared.current.level.se).toBeCloseTo(Math.sqrt(0.035 / 6), 12);
    expect(shared.baseline.level.se).toBeCloseTo(Math.sqrt(0.035 / 6) / Math.sqrt(5), 12);
    expect(shared.current.level.log).toBe(3.3);
    expect(shared.current.spread!.log).toBe(0.8);
    expect(shared.baseline.level.log).toBeCloseTo(3.02, 12);
    expect(shared.baseline.runs).toBe(5);
  });

  it('scales the common error to each run\'s size: a current run of 4× the requests has half the se', () => {
    const shared = withSharedErrors(pooledOf([0.1, 0.1], 100), current(0.05), 400);
    expect(shared.current.level.se).toBeCloseTo(0.05, 12);
    expect(shared.baseline.level.se).toBeCloseTo(0.1 / Math.SQRT2, 12);
  });

  it('without a spread on both sides only the level is shared', () => {
    const pooled = pooledOf([0.05, 0.08]);
    const shared = withSharedErrors({ ...pooled, perRun: { level: pooled.perRun.level } }, { level: { log: 3.3, se: 0.05 }, runs: 1 }, 230);
    expect(shared.current.spread).toBeUndefined();
    expect(shared.baseline.spread).toEqual(pooled.estimate.spread);
  });

  // Seeded drifting log-normal runs of 230 requests (median 20 ms, log-SD 0.35, 3 % drift): five stored
  // runs and a current one, as bench:accuracy's smoke endpoints.
  const trialsOf = (seed: number, tail: number, trials: number): { own: number[]; shared: number[] } => {
    const sample = driftingRuns(seed);
    const own: number[] = [];
    const shared: number[] = [];
    const estimate = (d: ReturnType<typeof sample>) => sufficient(percentileEstimate(d, 0.95, totalCount(d), 'baseline'));
    for (let i = 0; i < trials; i++) {
      const runs = Array.from({ length: 5 }, () => estimate(sample(230)));
      const pooled: PooledPercentile = {
        estimate: { level: poolLogEstimates(runs.map((r) => r.level)), spread: poolLogEstimates(runs.map((r) => r.spread!)), runs: 5 },
        shas: [],
        baselineRunLog: runs[0]!.level.log,
        perRun: { level: runs.map((r) => ({ se: r.level.se, count: 230 })), spread: runs.map((r) => ({ se: r.spread!.se, count: 230 })) },
      };
      const c = estimate(sample(230, tail));
      const options = { noise: 0.03, shapeNoise: 0.015 };
      own.push(sufficient(percentileRiseOfEstimates(pooled.estimate, c, options)).pGreater);
      const s = withSharedErrors(pooled, c, 230);
      shared.push(sufficient(percentileRiseOfEstimates(s.baseline, s.current, options)).pGreater);
    }
    return { own, shared };
  };

  it('under no change, p < 0.05 at most about 5 % of the time (1000 seeded trials)', () => {
    const { shared } = trialsOf(21, 1, 1000);
    const rate = shared.filter((p) => p < 0.05).length / shared.length;
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.07);
  });

  it('a +30 % tail is confirmed more often than with the current run\'s own error (300 seeded trials, p < 0.05 / 22)', () => {
    const { own, shared } = trialsOf(22, 1.3, 300);
    const bar = 0.05 / 22;
    const ownRate = own.filter((p) => p < bar).length / own.length;
    const sharedRate = shared.filter((p) => p < bar).length / shared.length;
    // 80 % with its own error, 90 % shared (seeded)
    expect(sharedRate).toBeGreaterThan(ownRate + 0.05);
  });
});

import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { historyEntry, type HistoryEntry, type HistoryLevel } from '../../src/document/history-entry.js';
import { RunView } from '../../src/document/run-view.js';
import { compareRuns } from '../../src/gate/compare.js';
import { poolBaseline } from '../../src/gate/pooled-baseline.js';
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

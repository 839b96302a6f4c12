import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { historyEntry, type HistoryEntry, type HistoryLevel } from '../../src/document/history-entry.js';
import { compareRuns } from '../../src/gate/compare.js';
import { NOISE_FLOOR_SHARE, learnNoise, levelNoise } from '../../src/gate/learned-noise.js';
import { lognormal, syntheticRun } from './synthetic.js';

const policy = resolvePolicy(parseConfig({}), 'smoke');
const endpoint = (value: string, logMean: number, se = 0.02, count = 200): HistoryLevel => ({ scope: { tag: 'name', value }, count, logMean, se });
const whole = (logMean: number, se = 0.01): HistoryLevel => ({ count: 400, logMean, se });

function entry(k: number, levels: HistoryLevel[] | undefined): HistoryEntry {
  return { sha: `c${k}`, start: '2026-12-01T09:00:00Z', end: '2026-12-01T09:00:20Z', durationSeconds: 20, p50: 10, p95: 20, p99: 30, throughput: 20, errorRate: 0, ...(levels ? { levels } : {}) };
}

describe('learnNoise', () => {
  it.each([
    { what: 'no history', history: [] as HistoryEntry[] },
    { what: 'one stored run: no step between runs', history: [entry(0, [whole(1)])] },
    { what: 'entries written before levels were stored', history: [entry(0, undefined), entry(1, undefined), entry(2, undefined)] },
  ])('keeps runToRunNoise with $what', ({ history }) => {
    const n = learnNoise(history, policy);
    expect(n.pooled).toEqual({ noise: policy.runToRunNoise, source: 'default', steps: 0 });
    expect(n.of({ tag: 'name', value: 'GET /a' }).noise).toBe(policy.runToRunNoise);
  });

  it('keeps runToRunNoise when learning is switched off', () => {
    const off = resolvePolicy(parseConfig({ noiseLearning: { enabled: false } }), 'smoke');
    const history = [0, 1, 2].map((k) => entry(k, [endpoint('GET /a', 0.01 * k)]));
    expect(learnNoise(history, off).pooled.source).toBe('default');
  });

  it('shrinks each step\'s mean excess toward the default, then each endpoint toward the pool (worked by hand)', () => {
    // Two endpoints, three runs. Steps of GET /a: 0.05 then −0.03 with se 0.02 → excesses (0.0025 − 0.0008)/2 = 0.00085
    // and (0.0009 − 0.0008)/2 = 0.00005; GET /b is flat: −0.0004 twice. Step means: 0.000225 and −0.000175.
    const history = [
      entry(0, [endpoint('GET /a', 0), endpoint('GET /b', 1)]),
      entry(1, [endpoint('GET /a', 0.05), endpoint('GET /b', 1)]),
      entry(2, [endpoint('GET /a', 0.02), endpoint('GET /b', 1)]),
    ];
    const n = learnNoise(history, policy);
    const pooled = (4 * 0.0009 + 0.000225 - 0.000175) / 6;
    expect(n.runs).toBe(3);
    expect(n.pooled.source).toBe('history');
    expect(n.pooled.steps).toBe(2);
    expect(n.pooled.noise).toBeCloseTo(Math.sqrt(pooled), 10);
    expect(n.of({ tag: 'name', value: 'GET /a' }).noise).toBeCloseTo(Math.sqrt((4 * pooled + 0.00085 + 0.00005) / 6), 10);
    expect(n.of({ tag: 'name', value: 'GET /b' }).noise).toBeCloseTo(Math.sqrt((4 * pooled - 0.0008) / 6), 10);
    // An endpoint the history never saw: the pooled figure.
    expect(n.of({ tag: 'name', value: 'GET /new' })).toEqual({ ...n.pooled, steps: 0 });
  });

  it('sets aside a step too large for noise (a code change on the baseline branch) instead of learning from it', () => {
    const flat = [0, 1, 2, 3].map((k) => entry(k, [endpoint('GET /a', 0)]));
    const jump = [0, 1, 2, 3].map((k) => entry(k, [endpoint('GET /a', k >= 2 ? Math.log(1.5) : 0)]));
    const a = learnNoise(flat, policy);
    const b = learnNoise(jump, policy);
    expect(b.setAside).toBe(1);
    expect(a.setAside).toBe(0);
    expect(b.of({ tag: 'name', value: 'GET /a' }).steps).toBe(2);
    expect(b.of({ tag: 'name', value: 'GET /a' }).noise).toBeLessThan(policy.runToRunNoise);
  });

  it('learns a quiet machine\'s small noise from a long history, and a noisy one\'s large noise', () => {
    const history = (wobble: (k: number) => number) => Array.from({ length: 21 }, (_, k) => entry(k, [endpoint('GET /a', wobble(k), 0.01), endpoint('GET /b', 2 + wobble(k), 0.01)]));
    const quiet = learnNoise(history(() => 0), policy).pooled.noise;
    const noisy = learnNoise(history((k) => (k % 2 === 0 ? 0.05 : -0.05)), policy).pooled.noise;
    expect(quiet).toBeLessThan(0.015);
    expect(noisy).toBeGreaterThan(0.05);
  });

  it('never goes below its floor share of the default and is always finite (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })), { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (runs) => {
      const history = runs.map((levels, k) => entry(k, levels.map(([l, s], i) => endpoint(`e${i}`, l, s))));
      const n = learnNoise(history, policy);
      for (const f of [n.pooled, n.of({ tag: 'name', value: 'e0' }), n.of()]) {
        expect(Number.isFinite(f.noise)).toBe(true);
        expect(f.noise).toBeGreaterThanOrEqual(NOISE_FLOOR_SHARE * policy.runToRunNoise - 1e-15);
      }
    }));
  });
});

describe('levelNoise', () => {
  it.each([
    { what: 'a 1 ms level: the additive jitter dominates', rel: 0.03, ms: 1, unit: 'ms', noise: Math.hypot(0.03, 0.05) },
    { what: 'a 100 ms level: hardly moved', rel: 0.03, ms: 100, unit: 'ms', noise: Math.hypot(0.03, 0.0005) },
    { what: 'not a latency in ms: relative only', rel: 0.03, ms: 1, unit: 'bytes', noise: 0.03 },
    { what: 'no level (0 ms or unknown): relative only', rel: 0.03, ms: 0, unit: 'ms', noise: 0.03 },
  ])('$what', ({ rel, ms, unit, noise }) => {
    expect(levelNoise(rel, 0.05, ms, unit)).toBeCloseTo(noise, 12);
  });

  it('a sub-millisecond A/A shift of an endpoint on a busy machine is noise, not a regression', () => {
    // Recorded once with real k6 on a loaded 2-core machine: 0.93 ms → 1.31 ms, same code. With 3 % alone
    // two runs differ by 4.2 % (SD); with the 0.05 ms jitter at ~1 ms, by 8 %.
    expect(Math.SQRT2 * levelNoise(0.03, 0.05, 0.93, 'ms')).toBeGreaterThan(0.08);
  });
});

describe('compareRuns with a history', () => {
  const run = (seed: number) => syntheticRun({ endpoints: { 'GET /a': { latencies: lognormal(300, 50, 0.3, seed) }, 'GET /b': { latencies: lognormal(300, 20, 0.3, seed + 1) } } });
  const stored = [1, 2, 3, 4, 5, 6].map((s) => run(s * 10));

  it('learns the noise from the stored runs and says so in the report', () => {
    const history = stored.map((d, k) => historyEntry(d, `c${k}`));
    const report = compareRuns({ baseline: stored[5]!, current: run(99), policy, history });
    expect(report.noise?.source).toBe('history');
    expect(report.noise?.runs).toBe(6);
    expect(report.noise?.default).toBe(policy.runToRunNoise);
    // Same code every time: the learned figure is below the 3 % default.
    expect(report.noise!.pooled).toBeLessThan(policy.runToRunNoise);
    expect(report.noise!.lowest).toBeLessThanOrEqual(report.noise!.highest);
  });

  it('does not learn from stored runs of another latency metric, and says so', () => {
    // Entries a store wrote under a config that judged http_req_waiting.
    const waiting = stored.map((d, k) => historyEntry(d, `c${k}`, 'http_req_waiting'));
    const report = compareRuns({ baseline: stored[5]!, current: run(99), policy, history: waiting });
    expect(report.noise?.source).toBe('default');
    expect(report.notes).toContain("6 of 6 stored runs measured another latency metric (http_req_waiting, not http_req_duration): their figures are not used for the run-to-run noise or the percentiles' baseline.");
    // Entries without a metric are the tool's own latency: used when the config names that same metric.
    const explicit = resolvePolicy(parseConfig({ latencyMetric: 'http_req_duration' }), 'smoke');
    const own = stored.map((d, k) => historyEntry(d, `c${k}`));
    expect(compareRuns({ baseline: stored[5]!, current: run(99), policy: explicit, history: own }).noise?.source).toBe('history');
  });

  it('reports the default without a history, and no noise without a baseline', () => {
    expect(compareRuns({ baseline: stored[0]!, current: run(99), policy }).noise?.source).toBe('default');
    expect(compareRuns({ current: run(99), policy }).noise).toBeUndefined();
  });
});

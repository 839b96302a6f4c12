import { describe, expect, it } from 'vitest';
import { generateRun, trialRng, type MachineModel, type RunPlan } from '../../scripts/bench-accuracy/noise.js';
import { ENDPOINTS, MACHINES, tableScenarios } from '../../scripts/bench-accuracy/scenarios.js';
import { percentileSorted } from '../../scripts/bench-accuracy/stats.js';
import { seededRng } from '../../src/stats/random.js';

/** A machine that adds nothing: only the endpoint's own log-normal spread. */
const STILL: MachineModel = {
  runDriftSd: 0,
  endpointDriftSd: 0,
  logSdScale: 1,
  ar: { binMs: 100, phi: 0, sd: 0 },
  pauses: { timeShare: 0, meanDurationMs: 3 },
  slowMode: { probability: 0, minSeconds: 0, maxSeconds: 0, minLogShift: 0, maxLogShift: 0 },
};
const big: RunPlan = { seconds: 20, endpoints: [{ name: 'e', count: 20_000, medianMs: 20, logSd: 0.3 }] };
const sorted = (xs: Float64Array): Float64Array => Float64Array.from(xs).sort();

describe('generateRun', () => {
  it('is reproducible from its seed', () => {
    const a = generateRun(MACHINES.noisy, { seconds: 20, endpoints: ENDPOINTS }, seededRng(7));
    const b = generateRun(MACHINES.noisy, { seconds: 20, endpoints: ENDPOINTS }, seededRng(7));
    expect(a).toEqual(b);
    expect(trialRng(3, 5)()).toBe(trialRng(3, 5)());
    expect(trialRng(3, 5)()).not.toBe(trialRng(3, 6)());
  });

  it('draws log-normal latencies with the endpoint median, in time order', () => {
    const e = generateRun(STILL, big, seededRng(1)).endpoints[0]!;
    const s = sorted(e.ms);
    expect(percentileSorted(s, 0.5)).toBeGreaterThan(19.7);
    expect(percentileSorted(s, 0.5)).toBeLessThan(20.3);
    // p95 / median of a log-normal: e^(1.645·0.3) = 1.638.
    expect(percentileSorted(s, 0.95) / percentileSorted(s, 0.5)).toBeCloseTo(1.638, 1);
    for (let i = 1; i < e.t.length; i++) expect(e.t[i]!).toBeGreaterThan(e.t[i - 1]!);
  });

  it('stretches only the upper tail: median kept, p90, p95 and p99 × 1.3', () => {
    const before = sorted(generateRun(STILL, big, seededRng(2)).endpoints[0]!.ms);
    const after = sorted(generateRun(STILL, { ...big, changes: { e: { tail: 1.3 } } }, seededRng(2)).endpoints[0]!.ms);
    expect(percentileSorted(after, 0.5) / percentileSorted(before, 0.5)).toBeCloseTo(1, 2);
    expect(percentileSorted(after, 0.9) / percentileSorted(before, 0.9)).toBeCloseTo(1.3, 2);
    expect(percentileSorted(after, 0.95) / percentileSorted(before, 0.95)).toBeCloseTo(1.3, 5);
    // Ramping from the median: p75 × 1 + 0.3·0.674/1.282.
    expect(percentileSorted(after, 0.75) / percentileSorted(before, 0.75)).toBeCloseTo(1.158, 2);
    expect(percentileSorted(after, 0.99) / percentileSorted(before, 0.99)).toBeCloseTo(1.3, 5);
  });

  it('raises a smoke-sized run\'s sampled p95 by the full 30 % on the quiet machine, unlike a stretch full only at p95', () => {
    // The same draws with and without the change (a change consumes no randomness): the ratio of each run's
    // p95. A stretch that reaches full size at p95 itself gives less wherever a run's p95 lands below it.
    const endpoint = ENDPOINTS.find((e) => e.name === 'GET /api/tenants')!;
    const plan: RunPlan = { seconds: 20, endpoints: [endpoint] };
    const meanRatio = (tailFullFrom?: number): number => {
      let logs = 0;
      for (let k = 1; k <= 200; k++) {
        const before = sorted(generateRun(MACHINES.quiet, plan, seededRng(k)).endpoints[0]!.ms);
        const after = sorted(generateRun(MACHINES.quiet, { ...plan, changes: { [endpoint.name]: { tail: 1.3, ...(tailFullFrom ? { tailFullFrom } : {}) } } }, seededRng(k)).endpoints[0]!.ms);
        logs += Math.log(percentileSorted(after, 0.95) / percentileSorted(before, 0.95));
      }
      return Math.exp(logs / 200);
    };
    // Pauses are added after the stretch and stay as they were: a little under 1.3.
    expect(meanRatio()).toBeGreaterThan(1.29);
    expect(meanRatio(0.95)).toBeLessThan(1.29);
  });

  it('slows the last third only, and fails requests at the given rate', () => {
    const plain = generateRun(STILL, big, seededRng(3)).endpoints[0]!;
    const changed = generateRun(STILL, { ...big, changes: { e: { lastThird: 1.5 } } }, seededRng(3)).endpoints[0]!;
    for (let i = 0; i < plain.ms.length; i += 997) {
      expect(changed.ms[i]! / plain.ms[i]!).toBeCloseTo(plain.t[i]! >= 40_000 / 3 ? 1.5 : 1, 10);
    }
    const failing = generateRun(STILL, { ...big, changes: { e: { errorRate: 0.02 } } }, seededRng(4)).endpoints[0]!;
    const rate = failing.failed.reduce((s, f) => s + f, 0) / failing.failed.length;
    expect(rate).toBeGreaterThan(0.017);
    expect(rate).toBeLessThan(0.023);
  });
});

describe('the scenarios', () => {
  const rows = tableScenarios(1);
  it('have the trial counts the issue asks for', () => {
    expect(rows.filter((s) => s.id.startsWith('aa-')).map((s) => s.trials)).toEqual([300, 300]);
    expect(rows.filter((s) => !s.id.startsWith('aa-')).every((s) => s.trials === 100)).toBe(true);
  });

  it('lengthen every iteration when a slow endpoint is added (5 closed-loop VUs)', () => {
    const added = rows.find((s) => s.id === 'new-endpoint')!.current(0);
    const login = added.endpoints.find((e) => e.name === 'POST /api/auth/login')!;
    expect(added.endpoints).toHaveLength(ENDPOINTS.length + 1);
    // 435 ms an iteration before; the new endpoint adds its mean, 250·e^0.08 = 271 ms, so about 0.62 of the requests.
    expect(login.count).toBeGreaterThan(135);
    expect(login.count).toBeLessThan(150);
  });
});

import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import { compareRuns } from '../../../src/gate/compare.js';
import { endOfRun } from '../../../src/gate/detectors/end-of-run.js';
import { latency } from '../../../src/gate/detectors/latency.js';
import { buildReport } from '../../../src/gate/report.js';
import { headlineOf } from '../../../src/report/words.js';
import { lognormal, syntheticRun } from '../synthetic.js';
import { contextOf, run, summary } from './context.js';

const ENDPOINTS = ['GET /a', 'GET /b', 'GET /c'];
/** Requests spread evenly over `seconds`; those in the time span [from, to) (fractions of the run) `factor` times slower on `slow`. */
interface Spec {
  readonly seconds?: number;
  readonly perEndpoint?: number;
  readonly seed: number;
  readonly slow?: { readonly endpoint: string; readonly factor: number; readonly from: number; readonly to?: number };
}
function runOf({ seconds = 30, perEndpoint = 600, seed, slow }: Spec) {
  const endpoints = Object.fromEntries(ENDPOINTS.map((name, e) => {
    const latencies = lognormal(perEndpoint, 20 + 10 * e, 0.3, seed * 10 + e).map((v, i) => {
      const at = (i + 0.5) / perEndpoint;
      return slow && slow.endpoint === name && at >= slow.from && at < (slow.to ?? 1) ? v * slow.factor : v;
    });
    return [name, { latencies }];
  }));
  return syntheticRun({ endpoints, seconds });
}
const policy = (config: unknown = {}, stage = 'smoke') => resolvePolicy(parseConfig(config), stage);

describe('end-of-run detector', () => {
  it.each([
    { what: 'the same code twice', slow: undefined, beyond: [] as string[] },
    { what: 'GET /b +50 % from two thirds of the run on', slow: { endpoint: 'GET /b', factor: 1.5, from: 2 / 3 }, beyond: ['GET /b'] },
    { what: 'GET /c +50 % over the whole run', slow: { endpoint: 'GET /c', factor: 1.5, from: 0 }, beyond: ['GET /c'] },
    { what: 'GET /a +50 % in the middle third only (not the end)', slow: { endpoint: 'GET /a', factor: 1.5, from: 1 / 3, to: 2 / 3 }, beyond: [] },
  ])('$what', ({ slow, beyond }) => {
    const out = run(endOfRun, contextOf(runOf({ seed: 2, ...(slow ? { slow } : {}) }), runOf({ seed: 1 }))).map(summary);
    // One typical-latency question per judged scope: the whole run and every endpoint.
    expect(out.map((a) => [a.kind, a.statistic, a.scope])).toEqual([['latency', 'med', 'all'], ...ENDPOINTS.map((e) => ['latency', 'med', e])]);
    expect(out.filter((a) => a.beyond && a.significant).map((a) => a.scope)).toEqual(beyond);
  });

  it('flags a step in the last third that the whole-run comparison absorbs, naming only that endpoint and where it started', () => {
    const baseline = runOf({ seconds: 20, perEndpoint: 230, seed: 1 });
    const current = runOf({ seconds: 20, perEndpoint: 230, seed: 2, slow: { endpoint: 'GET /b', factor: 1.5, from: 2 / 3 } });
    const report = compareRuns({ baseline, current, policy: policy() });
    // A third of the run warns, never fails: the stage is flagged for a reviewer.
    expect(report.outcome).toBe('warn');
    const flagged = report.findings.filter((f) => f.outcome === 'warn' || f.outcome === 'fail');
    expect(flagged.map((f) => [f.scope?.value, f.details?.compared, f.outcome, f.reason.code])).toEqual([['GET /b', 'end-of-run', 'warn', 'confirmed-end']]);
    expect(headlineOf(buildReport([report], new Date(0)))).toContain('1 slowdown in the last third of the run in smoke: GET /b');
    const cp = flagged[0]!.details!.changePoint!;
    // The step is at 13.3 s; 1 s windows (counted from the run's first request) put it at about 13 or 14 s.
    expect(cp.atSeconds).toBeGreaterThan(12.5);
    expect(cp.atSeconds).toBeLessThan(14.5);
    expect(cp.after / cp.before).toBeGreaterThan(1.3);
    // The whole-run typical latency of the same endpoint sees about a third of it.
    const whole = run(latency, contextOf(current, baseline)).find((a) => a.scope?.value === 'GET /b' && a.statistic === 'med')!;
    expect(whole.change!).toBeLessThan(0.2);
  });

  it('the same code twice passes with no end-of-run finding worth a line', () => {
    const report = compareRuns({ baseline: runOf({ seed: 1 }), current: runOf({ seed: 2 }), policy: policy() });
    expect(report.outcome).toBe('pass');
    expect(report.findings.filter((f) => f.details?.compared === 'end-of-run')).toEqual([]);
  });

  it.each([
    { what: 'a run of 15 one-second windows (5 at the end)', spec: { seconds: 15, seed: 2 }, asked: [] as string[] },
    // 45 requests an endpoint, 15 at the end (minSamples 20); the whole run has 45 there and is asked.
    { what: 'an endpoint with fewer requests at the end than minSamples', spec: { seconds: 30, perEndpoint: 45, seed: 2 }, asked: ['all'] },
  ])('asks nothing of $what (the whole-run question covers it)', ({ spec, asked }) => {
    const slow = { endpoint: 'GET /b', factor: 3, from: 2 / 3 };
    const ctx = contextOf(runOf({ ...spec, slow }), runOf({ ...spec, seed: 1 }));
    expect(run(endOfRun, ctx).map((a) => a.scope?.value ?? 'all')).toEqual(asked);
  });

  it('asks nothing when the policy does not ask for the typical latency', () => {
    const config = { stages: { smoke: { regression: { latency: { statistics: ['p(95)'] } } } } };
    expect(run(endOfRun, contextOf(runOf({ seed: 2 }), runOf({ seed: 1 }), config))).toEqual([]);
  });

  it('a changed request mix: the endpoints are asked, the whole run (re-formed from them) is not', () => {
    const baseline = runOf({ seed: 1 });
    const current = syntheticRun({ endpoints: { 'GET /a': { latencies: lognormal(600, 20, 0.3, 21) }, 'GET /new': { latencies: lognormal(600, 50, 0.3, 22) } }, seconds: 30 });
    const report = compareRuns({ baseline, current, policy: policy() });
    expect(report.mix).toBeDefined();
    const ctx = { ...contextOf(current, baseline), mix: report.mix! };
    expect(run(endOfRun, ctx).map((a) => a.scope?.value ?? 'all')).toEqual(['GET /a']);
  });

  it('asks nothing on a first run', () => {
    expect(run(endOfRun, contextOf(runOf({ seed: 2 }), undefined))).toEqual([]);
  });

  it.each([
    // 120 s, warm-up 60 s: the last third after warm-up is 100–120 s; without warm-up it is 80–120 s.
    { what: 'respects the warm-up: a slow 80–100 s is before the end', warmupSeconds: 60, beyond: [] as string[] },
    { what: 'without a warm-up the same 80–100 s is half the end', warmupSeconds: 0, beyond: ['GET /b'] },
  ])('endurance: $what', ({ warmupSeconds, beyond }) => {
    const spec = { seconds: 120, perEndpoint: 2400 };
    const slow = { endpoint: 'GET /b', factor: 3, from: 80 / 120, to: 100 / 120 };
    const config = { stages: { endurance: { endurance: { warmupSeconds } } } };
    const out = run(endOfRun, contextOf(runOf({ ...spec, seed: 2, slow }), runOf({ ...spec, seed: 1 }), config, 'endurance')).map(summary);
    expect(out.filter((a) => a.beyond).map((a) => a.scope)).toEqual(beyond);
  });

  it('an endurance run no longer than its warm-up is not asked', () => {
    const ctx = contextOf(runOf({ seconds: 30, seed: 2 }), runOf({ seconds: 30, seed: 1 }), {}, 'endurance');
    expect(run(endOfRun, ctx)).toEqual([]);
  });
});

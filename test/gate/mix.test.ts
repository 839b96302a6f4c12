import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { MixedRunView } from '../../src/document/mixed-run-view.js';
import { requestMix } from '../../src/document/request-mix.js';
import { RunView } from '../../src/document/run-view.js';
import { compareRuns } from '../../src/gate/compare.js';
import { designEffectOfWindows } from '../../src/document/run-level.js';
import { run } from './fixtures.js';
import { lognormal, syntheticRun } from './synthetic.js';

const counts = (o: Readonly<Record<string, number | undefined>>) => new Map(Object.entries(o).flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as const])));

describe('requestMix', () => {
  it.each([
    { what: 'the same endpoints and shares', b: { a: 500, b: 500 }, c: { a: 480, b: 520 }, added: [], removed: [], shifted: [], changed: false },
    { what: 'a new endpoint: 1 in 11 requests', b: { a: 500, b: 500 }, c: { a: 500, b: 500, new: 100 }, added: ['new'], removed: [], shifted: [], changed: true },
    { what: 'an endpoint gone', b: { a: 500, b: 500, old: 10 }, c: { a: 500, b: 500 }, added: [], removed: ['old'], shifted: [], changed: true },
    // a: 50 % → 75 % (1.5×, +25 points) and b: 50 % → 25 % (2×)
    { what: 'shares moved a lot', b: { a: 500, b: 500 }, c: { a: 750, b: 250 }, added: [], removed: [], shifted: ['a', 'b'], changed: true },
    // rare: 0.1 % → 0.3 % is 3× but 0.2 points: not a mix change
    { what: 'a rare endpoint tripled', b: { a: 999, rare: 1 }, c: { a: 997, rare: 3 }, added: [], removed: [], shifted: [], changed: false },
  ])('$what', ({ b, c, added, removed, shifted, changed }) => {
    const mix = requestMix('name', counts(b), counts(c));
    expect({ added: mix.added, removed: mix.removed, shifted: mix.shifted, changed: mix.changed }).toEqual({ added, removed, shifted, changed });
    expect(mix.entries.reduce((s, e) => s + e.baselineShare, 0)).toBeCloseTo(1, 12);
    expect(mix.entries.reduce((s, e) => s + e.currentShare, 0)).toBeCloseTo(1, 12);
  });

  it('says what share a new endpoint has', () => {
    const mix = requestMix('name', counts({ a: 500, b: 500 }), counts({ a: 500, b: 500, new: 100 }));
    expect(mix.entries.find((e) => e.value === 'new')).toEqual({ value: 'new', baselineCount: 0, currentCount: 100, baselineShare: 0, currentShare: 100 / 1100 });
  });
});

const endpoints = (names: readonly string[], seed: number, n = 200) => Object.fromEntries(names.map((name, i) => [name, { latencies: lognormal(n, 40 + 15 * i, 0.35, seed + i) }]));
const TEN = Array.from({ length: 10 }, (_, i) => `GET /e${i}`);

describe('MixedRunView', () => {
  it('with each endpoint at its own share it is the whole run itself, to the histograms\' 3 significant digits', () => {
    const doc = syntheticRun({ endpoints: endpoints(TEN.slice(0, 4), 7) });
    const raw = new RunView(doc);
    const parts = TEN.slice(0, 4).map((v) => ({ name: `http_req_duration{name:${v}}`, share: 0.25 }));
    const mixed = new MixedRunView(doc, 'http_req_duration', parts);
    // The whole run's own histogram and the endpoints' histograms bucket the same requests on their own ranges.
    expect(mixed.value('http_req_duration', 'count')).toBe(raw.value('http_req_duration', 'count'));
    for (const key of ['min', 'max', 'med', 'p(95)', 'p(99)']) {
      const r = raw.value('http_req_duration', key)!;
      expect(Math.abs(mixed.value('http_req_duration', key)! / r - 1)).toBeLessThan(1e-3);
    }
    expect(mixed.value('http_req_duration', 'avg')).toBeCloseTo(raw.value('http_req_duration', 'avg')!, 9);
    expect(designEffectOfWindows(mixed.windows('http_req_duration', 'trend'))).toBeCloseTo(designEffectOfWindows(raw.windows('http_req_duration', 'trend')), 9);
    // Other scopes read through.
    expect(mixed.value('http_req_duration{name:GET /e1}', 'p(95)')).toBe(raw.value('http_req_duration{name:GET /e1}', 'p(95)'));
  });
});

describe('a changed request mix', () => {
  const policy = resolvePolicy(parseConfig({}), 'load');

  it('the recorded A/A pair has the same mix: nothing is re-formed, the numbers are exactly today\'s', async () => {
    const baseline = await run('smoke-baseline');
    const current = await run('smoke-aa');
    const report = compareRuns({ baseline, current, policy: resolvePolicy(parseConfig({}), 'smoke') });
    expect(report.mix).toBeUndefined();
    const whole = report.scopes[0]!;
    expect(whole.current!.p95).toBe(new RunView(current).value('http_req_duration', 'p(95)'));
    expect(whole.baseline!.p95).toBe(new RunView(baseline).value('http_req_duration', 'p(95)'));
    expect(report.findings.filter((f) => f.kind === 'throughput' && f.outcome === 'inconclusive')).toEqual([]);
  });

  it('a new, five times slower endpoint (1 in 11 requests) fails nothing and is reported as the mix change', () => {
    const baseline = syntheticRun({ endpoints: endpoints(TEN, 1) });
    const current = syntheticRun({ endpoints: { ...endpoints(TEN, 500), 'GET /api/new-feature': { latencies: lognormal(200, 400, 0.35, 99) } } });
    const report = compareRuns({ baseline, current, policy });
    expect(report.mix).toMatchObject({ added: ['GET /api/new-feature'], removed: [], changed: true });
    expect(report.findings.filter((f) => f.outcome === 'fail')).toEqual([]);
    // The whole run compares the ten shared endpoints: 2,000 current requests, not 2,200.
    expect(report.scopes[0]!.current!.count).toBe(2000);
    expect(report.findings.find((f) => f.kind === 'throughput')).toMatchObject({ outcome: 'inconclusive', shortfall: 'mix-changed' });
  });

  it('absolute SLOs are still checked on the run as measured, new endpoint included', () => {
    const baseline = syntheticRun({ endpoints: endpoints(TEN.slice(0, 2), 1) });
    const current = syntheticRun({ endpoints: { ...endpoints(TEN.slice(0, 2), 500), 'GET /api/new-feature': { latencies: lognormal(200, 900, 0.2, 99) } } });
    const report = compareRuns({ baseline, current, policy: resolvePolicy(parseConfig({}), 'smoke') });
    const slo = report.findings.find((f) => f.kind === 'threshold' && f.metric === 'http_req_duration')!;
    expect(slo.current).toBe(new RunView(current).value('http_req_duration', 'p(95)'));
    expect(slo.outcome).toBe('fail');
  });

  it('a real regression of a shared endpoint still shows on the whole run', () => {
    const baseline = syntheticRun({ endpoints: endpoints(TEN.slice(0, 2), 1, 1000) });
    const slow = endpoints(TEN.slice(0, 2), 500, 1000);
    const current = syntheticRun({
      endpoints: {
        ...Object.fromEntries(Object.entries(slow).map(([k, v]) => [k, { latencies: v.latencies.map((x) => x * 1.6) }])),
        'GET /api/new-feature': { latencies: lognormal(100, 5, 0.35, 99) },
      },
    });
    const report = compareRuns({ baseline, current, policy });
    expect(report.mix?.added).toEqual(['GET /api/new-feature']);
    expect(report.findings.some((f) => f.outcome === 'fail' && f.scope === undefined && f.kind === 'latency')).toBe(true);
  });
});

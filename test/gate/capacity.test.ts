import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../src/config/threshold.js';
import { K6_ROLES } from '../../src/document/roles.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import { RunView } from '../../src/document/run-view.js';
import { capacityOf, compareCapacity } from '../../src/gate/capacity.js';
import { capacityText } from '../../src/report/capacity-words.js';
import { seededRng } from '../../src/stats/random.js';

const START = Date.UTC(2026, 11, 3, 9, 0, 0);

interface Ramp {
  /** Virtual users at second s. */
  readonly vus: (s: number) => number;
  /** Requests per second served at v VUs. */
  readonly rps: (v: number) => number;
  /** Median latency (ms) at a request rate. */
  readonly latency: (rps: number) => number;
  /** Share of failed requests at a request rate. */
  readonly errors?: (rps: number) => number;
  readonly seconds?: number;
  readonly gauge?: boolean;
}

/** A ramping run as k6 records one: requests, their latencies and failures, and the vus gauge each second. */
function rampRun(spec: Ramp) {
  const rng = seededRng(7);
  const builder = new RunBuilder({ groupBy: ['name'], window: 10 });
  const duration = builder.defineMetric({ name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
  const reqs = builder.defineMetric({ name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
  const failed = builder.defineMetric({ name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
  const vus = builder.defineMetric({ name: 'vus', type: 'gauge', contains: 'default', thresholds: [], submetrics: [] });
  const tags = { name: 'GET /api/alerts' };
  const [d, r, f, v] = [builder.targets(duration, tags), builder.targets(reqs, tags), builder.targets(failed, tags), builder.targets(vus, {})];
  for (let s = 0; s < (spec.seconds ?? 180); s++) {
    const users = spec.vus(s);
    const rate = spec.rps(users);
    if (spec.gauge !== false) builder.point(v, START + s * 1000 + 1, users);
    const n = Math.round(rate);
    for (let k = 0; k < n; k++) {
      const t = START + s * 1000 + ((k + 0.5) * 1000) / n;
      const z = Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
      builder.point(d, t, spec.latency(rate) * Math.exp(0.3 * z));
      builder.point(r, t, 1);
      builder.point(f, t, rng() < (spec.errors?.(rate) ?? 0) ? 1 : 0);
    }
  }
  return new RunView(builder.finish({ tool: 'k6', stage: 'stress', sources: [{ file: 'ramp.ndjson', format: 'k6-ndjson', lines: 0, partial: false }] }));
}

const ROLES = K6_ROLES;
const SLO = [
  { metric: 'http_req_duration', expressions: [parseThreshold('p(95)<100')] },
  { metric: 'http_req_failed', expressions: [parseThreshold('rate<0.01')] },
];
/** 1 → 90 VUs over 180 s, 5 req/s per VU up to what the service serves (`max`), latency ×(1 + overload) past `knee` req/s. */
function service(knee: number, max = Number.POSITIVE_INFINITY): Ramp {
  return {
    vus: (s) => 1 + Math.floor(s / 2),
    rps: (v) => Math.min(5 * v, max),
    latency: (rate) => 20 * (rate <= knee ? 1 : 1 + (rate - knee) / 10),
  };
}

describe('capacity of a growing load', () => {
  it('finds the highest rate held within the SLOs, and the knee after it', () => {
    const c = capacityOf(rampRun(service(200)), ROLES, SLO)!;
    expect(c.rule).toEqual({ latency: { statistic: 0.95, belowMs: 100, from: 'slo' }, errorRate: 0.01, errorRateFrom: 'slo' });
    // p95 ≈ 20·(1 + (r − 200)/10)·e^(1.645·0.3) ≈ 32.8·(…) crosses 100 ms near r ≈ 220 req/s.
    expect(c.sustainedRps).toBeGreaterThan(170);
    expect(c.sustainedRps).toBeLessThan(230);
    expect(c.sustainedVus).toBeGreaterThan(34);
    expect(c.sustainedVus).toBeLessThan(47);
    expect(c.knee?.broke).toBe('latency');
    expect(c.knee!.rps).toBeGreaterThan(c.sustainedRps!);
    expect(c.windowsMet).toBeLessThan(c.windows);
  });

  it('compares with the baseline: a service that breaks away earlier has less capacity', () => {
    const r = compareCapacity(rampRun(service(300)), rampRun(service(150)), ROLES, SLO)!;
    expect(r.baseline!.sustainedRps).toBeGreaterThan(r.current.sustainedRps!);
    expect(r.change).toBeLessThan(-0.2);
    expect(capacityText(r)).toMatch(/^Capacity [\d.]+ → [\d.]+ req\/s \(−[\d.]+ %\), at [\d.]+ → [\d.]+ VUs — the highest rate held for 3 windows of 10 s in a row with p95 < 100 ms and under 1.00 % failed requests; latency broke away at [\d.]+ VUs \([\d.]+ req\/s\), [\d\w ]+ in\.$/);
  });

  it('names errors when they break the rule first', () => {
    const ramp = { ...service(10_000), errors: (rate: number) => (rate > 250 ? 0.2 : 0) };
    const c = capacityOf(rampRun(ramp), ROLES, SLO)!;
    expect(c.knee?.broke).toBe('errors');
    expect(c.sustainedRps).toBeLessThanOrEqual(260);
  });

  it('without SLOs holds the latency to twice its level at the lowest load', () => {
    const c = capacityOf(rampRun(service(200)), ROLES, [])!;
    expect(c.rule).toMatchObject({ latency: { from: 'break-away' }, errorRate: 0.01, errorRateFrom: 'default' });
    expect(c.rule.latency!.belowMs).toBeGreaterThan(2 * 20);
    expect(c.rule.latency!.belowMs).toBeLessThan(2 * 40);
    expect(c.knee?.broke).toBe('latency');
    expect(capacityText({ current: c })).toContain('(twice its level at the lowest load: the stage has no latency SLO)');
  });

  it("holds both runs to the baseline's break-away level, so the capacities are measured with one yardstick", () => {
    const slowStart = { ...service(300), latency: (rate: number) => 60 * (rate <= 300 ? 1 : 1 + (rate - 300) / 10) };
    const r = compareCapacity(rampRun(service(300)), rampRun(slowStart), ROLES, [])!;
    expect(r.current.rule).toEqual(r.baseline!.rule);
    // Three times as slow from the start: against the baseline's yardstick it holds nothing the baseline held.
    expect(r.current.sustainedRps ?? 0).toBeLessThan(r.baseline!.sustainedRps! / 2);
  });

  it('reads the request rate as the load when the run has no vus gauge', () => {
    const c = capacityOf(rampRun({ ...service(200), gauge: false }), ROLES, SLO)!;
    expect(c.sustainedVus).toBeUndefined();
    expect(c.sustainedRps).toBeGreaterThan(170);
  });

  it('says so when no run of windows met the rule', () => {
    const c = capacityOf(rampRun(service(0)), ROLES, [{ metric: 'http_req_duration', expressions: [parseThreshold('p(95)<10')] }])!;
    expect(c.sustainedRps).toBeUndefined();
    expect(c.knee).toBeUndefined();
    expect(capacityText({ current: c })).toMatch(/Capacity none req\/s — .* — no 3 windows in a row met the rule \(0 of \d+ did\)\.$/);
  });

  it.each([
    ['a constant load', { vus: () => 20, rps: (v: number) => 5 * v, latency: () => 20 }],
    ['a run shorter than its windows', { ...service(200), seconds: 20 }],
  ])('has no capacity for %s', (_what, ramp) => {
    expect(capacityOf(rampRun(ramp), ROLES, SLO)).toBeUndefined();
  });
});

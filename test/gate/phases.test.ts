import { describe, expect, it } from 'vitest';
import { RunBuilder } from '../../src/document/run-builder.js';
import { RunView } from '../../src/document/run-view.js';
import { phaseBreakdown } from '../../src/gate/phases.js';

const START = Date.UTC(2026, 11, 1, 9, 0, 0);

/** A k6-like run of one endpoint: each request's duration parts, and its connect time where `connecting` gives one. */
function run(requests: number, connectMs: (i: number) => number | undefined): RunView {
  const builder = new RunBuilder({ groupBy: ['name'], window: 'auto' });
  const trend = (name: string) => builder.defineMetric({ name, type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
  const tags = { name: 'GET /api/alerts' };
  const [duration, sending, waiting, receiving] = ['http_req_duration', 'http_req_sending', 'http_req_waiting', 'http_req_receiving'].map((m) => builder.targets(trend(m), tags));
  const connecting = connectMs(0) === undefined ? undefined : builder.targets(trend('http_req_connecting'), tags);
  for (let i = 0; i < requests; i++) {
    const t = START + i * 100;
    builder.point(duration!, t, 10.2);
    builder.point(sending!, t, 0.1);
    builder.point(waiting!, t, 10);
    builder.point(receiving!, t, 0.1);
    if (connecting) builder.point(connecting, t, connectMs(i)!);
  }
  return new RunView(builder.finish({ tool: 'k6', stage: 'smoke', sources: [{ file: 'phases.ndjson', format: 'k6-ndjson', lines: 0, partial: false }] }));
}

describe('phaseBreakdown', () => {
  it('counts the share of requests that opened a connection, for the endpoint and the whole run', () => {
    // Keep-alive: 2 of 100 requests connect (a slow 0.3 ms each); without it every request connects (0.2 ms).
    const baseline = run(100, (i) => (i < 2 ? 0.3 : 0));
    const current = run(100, () => 0.2);
    const scoped = phaseBreakdown(baseline, current, 'http_req_duration', { name: 'GET /api/alerts' });
    expect(scoped?.connected).toEqual({ baseline: 0.02, current: 1 });
    expect(scoped?.phases.find((p) => p.phase === 'connecting')).toMatchObject({ baseline: expect.closeTo(0.006, 6), current: expect.closeTo(0.2, 6) });
    expect(phaseBreakdown(baseline, current, 'http_req_duration', {})?.connected).toEqual({ baseline: 0.02, current: 1 });
  });

  it('leaves the share out when a run has no connect times', () => {
    const p = phaseBreakdown(run(50, () => undefined), run(50, () => 0.2), 'http_req_duration', {});
    expect(p).toBeDefined();
    expect(p?.connected).toBeUndefined();
  });
});

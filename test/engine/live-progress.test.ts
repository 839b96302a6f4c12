import { describe, expect, it } from 'vitest';
import { formatElapsed, formatProgress, LiveProgress, type ProgressSnapshot } from '../../src/engine/live-progress.js';

const T0 = Date.parse('2026-11-27T09:48:39Z');
const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();
/** A point line as k6 v0.49 writes it. */
const point = (metric: string, seconds: number, value: number, tags = '{"name":"GET /x"}'): string =>
  `{"metric":"${metric}","type":"Point","data":{"time":"${at(seconds)}","value":${value},"tags":${tags}}}\n`;
const request = (seconds: number, ms: number, failed: 0 | 1): string =>
  point('http_reqs', seconds, 1) + point('http_req_duration', seconds, ms) + point('http_req_blocked', seconds, 0.1) + point('http_req_failed', seconds, failed);

describe('LiveProgress', () => {
  it('fed the points by recorderOf (the live ingest) gives the snapshots pushed bytes give; other metrics get no recorder', () => {
    const text = request(0, 10, 0) + request(0.5, 20, 0) + request(1, 30, 1) + point('vus', 1, 5, '{}') + request(2, 40, 0) + point('http_req_duration', 2, -1 / 0, '{}');
    const pushed = new LiveProgress();
    pushed.push(Buffer.from(text));
    const recorded = new LiveProgress();
    for (const line of text.split('\n').filter((l) => l !== '')) {
      const { metric, data } = JSON.parse(line.replace('-Infinity', '"-Infinity"')) as { metric: string; data: { time: string; value: number | string } };
      recorded.recorderOf(metric)?.(Date.parse(data.time), Number(data.value));
    }
    expect(recorded.take(15_000)).toEqual(pushed.take(15_000));
    expect(recorded.recorderOf('http_req_blocked')).toBeUndefined();
    expect(recorded.recorderOf('toString')).toBeUndefined();
  });

  it('measures each interval on the points’ own clock', () => {
    const live = new LiveProgress();
    live.push(Buffer.from('{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}\n'));
    live.push(Buffer.from(request(0, 10, 0) + request(0.5, 20, 0) + request(1, 30, 1) + request(2, 40, 0) + point('vus', 2, 5, '{}')));
    // 4 requests over 0 s → 2 s: 2 req/s; p95 of 10, 20, 30, 40 by nearest rank (the 4th) is 40; 1 of 4 failed.
    const first = live.take(15_000);
    expect(first).toMatchObject({ requests: 4, requestsPerSecond: 2, errorRate: 0.25, vus: 5, totalRequests: 4, started: true });
    expect(first.p95Ms).toBe(40);
    expect(formatProgress(first)).toBe('elapsed 15s · 2.0 req/s · p95 40 ms · errors 25.00 % · 5 VUs');

    // The next interval starts where the last one ended (2 s): 2 requests by 4 s is 1 req/s.
    live.push(Buffer.from(request(3, 100, 0) + request(4, 200, 0)));
    const second = live.take(30_000);
    expect(second).toMatchObject({ requests: 2, requestsPerSecond: 1, errorRate: 0, vus: 5, totalRequests: 6 });
    expect(formatProgress(second)).toBe('elapsed 30s · 1.0 req/s · p95 200 ms · errors 0.00 % · 5 VUs');

    // Nothing new: no requests over the wall-clock interval.
    const third = live.take(45_000);
    expect(third).toMatchObject({ requests: 0, requestsPerSecond: 0, p95Ms: undefined, errorRate: undefined, totalRequests: 6 });
    expect(formatProgress(third)).toBe('elapsed 45s · 0 req/s · p95 – · errors – · 5 VUs');
  });

  it('waits for the first point', () => {
    const live = new LiveProgress();
    const s = live.take(15_000);
    expect(s.started).toBe(false);
    expect(formatProgress(s)).toBe("elapsed 15s · waiting for k6's first results");
  });

  it('reads lines split across chunks, even inside a UTF-8 character', () => {
    const text = request(0, 10, 0) + point('http_reqs', 1, 1, '{"name":"GET /é"}') + point('http_req_duration', 1, 12, '{"name":"GET /é"}');
    const bytes = Buffer.from(text);
    const live = new LiveProgress();
    const cut = bytes.indexOf(Buffer.from('é')) + 1; // between the two bytes of é
    for (const part of [bytes.subarray(0, 7), bytes.subarray(7, cut), bytes.subarray(cut)]) live.push(part);
    expect(live.take(1000)).toMatchObject({ requests: 2, totalRequests: 2 });
  });

  it('reads k6 v2 lines (sorted keys) and skips other metrics, Metric lines and junk', () => {
    const live = new LiveProgress();
    live.push(Buffer.from(
      `{"data":{"tags":{"name":"a"},"time":"${at(0)}","value":1},"metric":"http_reqs","type":"Point"}\n` +
        `{"data":{"tags":{"name":"a"},"time":"${at(1)}","value":1},"metric":"http_reqs","type":"Point"}\n` +
        point('iterations', 1, 1) +
        '{"metric":"http_reqs" this is not JSON\n' +
        point('vus', 1, 1, '{}'),
    ));
    const s = live.take(2000);
    expect(s).toMatchObject({ requests: 2, requestsPerSecond: 2, vus: 1 });
    expect(formatProgress(s)).toBe('elapsed 2s · 2.0 req/s · p95 – · errors – · 1 VU');
  });

  it('gives p95 within 1 %', () => {
    const live = new LiveProgress();
    let text = '';
    for (let i = 1; i <= 1000; i++) text += point('http_req_duration', i / 100, i);
    live.push(Buffer.from(text));
    // Nearest rank: the 950th of 1 … 1000 is 950.
    const p95 = live.take(10_000).p95Ms!;
    expect(Math.abs(p95 - 950) / 950).toBeLessThan(0.01);
  });
});

describe('formatProgress', () => {
  const base: ProgressSnapshot = { elapsedMs: 90_000, requests: 6180, requestsPerSecond: 412, p95Ms: 183.2, errorRate: 0.0012, vus: 20, totalRequests: 9000, started: true };
  it.each([
    { what: 'the brief’s example', s: base, expected: 'elapsed 1m30s · 412 req/s · p95 183 ms · errors 0.12 % · 20 VUs' },
    { what: 'small numbers keep a decimal', s: { ...base, requestsPerSecond: 4.46, p95Ms: 3.21 }, expected: 'elapsed 1m30s · 4.5 req/s · p95 3.2 ms · errors 0.12 % · 20 VUs' },
    { what: 'no VU gauge yet', s: { ...base, vus: undefined }, expected: 'elapsed 1m30s · 412 req/s · p95 183 ms · errors 0.12 %' },
    { what: 'an unknown rate', s: { ...base, requestsPerSecond: undefined }, expected: 'elapsed 1m30s · – req/s · p95 183 ms · errors 0.12 % · 20 VUs' },
  ])('$what', ({ s, expected }) => {
    expect(formatProgress(s)).toBe(expected);
  });
});

describe('formatElapsed', () => {
  it.each([
    { ms: 0, expected: '0s' },
    { ms: 45_999, expected: '45s' },
    { ms: 90_000, expected: '1m30s' },
    { ms: 600_000, expected: '10m00s' },
    { ms: 3_600_000, expected: '1h00m00s' },
    { ms: 3_723_400, expected: '1h02m03s' },
    { ms: -5, expected: '0s' },
  ])('$ms ms → $expected', ({ ms, expected }) => {
    expect(formatElapsed(ms)).toBe(expected);
  });
});

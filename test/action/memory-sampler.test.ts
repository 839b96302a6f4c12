import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, queryPrometheusRange, sampleCommand, sampleEndpoint } from '../../src/engine/memory-sampler.js';

let server: Server;
let base = '';
let rss = 50_000_000;
let queries: URLSearchParams[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/metrics') {
      rss += 1_000_000;
      res.end(`# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes ${rss}\nnodejs_heap_size_used_bytes{a="b"} 1234\n`);
    } else if (u.pathname === '/api/v1/query_range') {
      queries.push(u.searchParams);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1700000000, '100'], [1700000005.5, '110']] }] } }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('memory sampling', () => {
  it('scrapes a real /metrics page every interval', async () => {
    const warnings: string[] = [];
    const s = sampleEndpoint(`${base}/metrics`, { warning: (m) => warnings.push(m) }, 30);
    await new Promise((r) => setTimeout(r, 200));
    const samples = await s.stop();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(samples[1]!.rssBytes).toBeGreaterThan(samples[0]!.rssBytes);
    expect(samples[0]!.heapUsedBytes).toBe(1234);
    expect(warnings).toEqual([]);
  });

  it('warns once and keeps going when the endpoint fails', async () => {
    const warnings: string[] = [];
    const s = sampleEndpoint(`${base}/nope`, { warning: (m) => warnings.push(m) }, 20);
    await new Promise((r) => setTimeout(r, 120));
    expect(await s.stop()).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/404/);
  });

  it('queries Prometheus over the stage window', async () => {
    queries = [];
    const samples = await queryPrometheusRange(base, 'process_resident_memory_bytes{job="api"}', 1_700_000_000_000, 1_700_000_060_000);
    expect(samples).toEqual([{ t: 1_700_000_000_000, rssBytes: 100 }, { t: 1_700_000_005_500, rssBytes: 110 }]);
    expect(queries[0]!.get('query')).toBe('process_resident_memory_bytes{job="api"}');
    expect(queries[0]!.get('start')).toBe('1700000000.000');
  });

  it('runs a command that prints bytes', async () => {
    const s = sampleCommand('echo 123456789', { warning: () => undefined }, 30);
    await new Promise((r) => setTimeout(r, 100));
    const samples = await s.stop();
    expect(samples[0]!.rssBytes).toBe(123456789);
  });

  it.each([
    { text: 'process_resident_memory_bytes 42\n', value: 42 },
    { text: 'process_resident_memory_bytes{pid="1"} 4.2e+07\n', value: 42_000_000 },
    { text: 'other 1\n', value: undefined },
  ])('reads $value from Prometheus text', ({ text, value }) => {
    expect(metricValue(text, 'process_resident_memory_bytes')).toBe(value);
  });
});

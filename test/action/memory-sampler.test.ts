import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricSum, metricValue, processFigures, queryPrometheusRange, sampleCommand, sampleEndpoint } from '../../src/engine/memory-sampler.js';

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
    const s = sampleCommand('echo 123456789', { warning: () => undefined }, { intervalMs: 30 });
    await new Promise((r) => setTimeout(r, 100));
    const samples = await s.stop();
    expect(samples[0]!.rssBytes).toBe(123456789);
  });

  it('runs the command without the runner\'s and the Action\'s secrets, with the stage variables', async () => {
    const token = 'ghs_canaryTOKEN0123456789';
    const dump = join(mkdtempSync(join(tmpdir(), 'perf-gate-memory-env-')), 'env.txt');
    const parent = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', 'INPUT_GITHUB-TOKEN': token, ACTIONS_RUNTIME_TOKEN: 'canary-runtime-0123456789', GH_TOKEN: 'canary-gh-0123456789', INNOCENT: token };
    const s = sampleCommand(`env > '${dump}'; echo 1000`, { warning: () => undefined }, { intervalMs: 1000, processEnv: parent, secrets: [token], set: { PERF_GATE_STAGE: 'load', BASE_URL: 'http://127.0.0.1:9' } });
    const samples = await s.stop();
    expect(samples[0]!.rssBytes).toBe(1000);
    const env = readFileSync(dump, 'utf8');
    for (const canary of [token, 'canary-runtime-0123456789', 'canary-gh-0123456789']) expect(env).not.toContain(canary);
    expect(env).toMatch(/^PERF_GATE_STAGE=load$/m);
    expect(env).toMatch(/^BASE_URL=http:\/\/127\.0\.0\.1:9$/m);
  });

  it.each([
    { text: 'process_resident_memory_bytes 42\n', value: 42 },
    { text: 'process_resident_memory_bytes{pid="1"} 4.2e+07\n', value: 42_000_000 },
    { text: 'other 1\n', value: undefined },
  ])('reads $value from Prometheus text', ({ text, value }) => {
    expect(metricValue(text, 'process_resident_memory_bytes')).toBe(value);
  });
});

describe('what a scrape tells besides memory', () => {
  it("reads CPU, GC, event-loop lag and open files from prom-client's default metrics", async () => {
    const { Registry, collectDefaultMetrics } = await import('prom-client');
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const figures = processFigures(await registry.metrics());
    expect(figures.cpuSeconds).toBeGreaterThan(0);
    expect(figures.eventLoopLagP99Seconds).toBeGreaterThanOrEqual(0);
    expect(figures.openFds).toBeGreaterThan(2);
    expect(figures.heapUsedBytes).toBeGreaterThan(0);
  });

  it('sums a metric over its label sets, and leaves out what a page does not have', () => {
    const page = [
      '# TYPE nodejs_gc_duration_seconds histogram',
      'nodejs_gc_duration_seconds_bucket{le="0.001",kind="minor"} 3',
      'nodejs_gc_duration_seconds_sum{kind="minor"} 0.25',
      'nodejs_gc_duration_seconds_sum{kind="major"} 1.5',
      'nodejs_gc_duration_seconds_count{kind="major"} 2',
      'process_cpu_seconds_total 4.5',
    ].join('\n');
    expect(metricSum(page, 'nodejs_gc_duration_seconds_sum')).toBeCloseTo(1.75, 12);
    expect(metricSum(page, 'absent_metric')).toBeUndefined();
    expect(processFigures(page)).toEqual({ cpuSeconds: 4.5, gcSeconds: 1.75 });
  });
});

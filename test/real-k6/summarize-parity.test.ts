/**
 * `perf-gate summarize` against k6's own `--summary-export` of the same run, on every real k6 of
 * PERF_GATE_TEST_K6: the recorded fixtures are k6 v0.49; this covers the versions perf-gate installs.
 * Counts and Rate metrics exact; trend statistics within the HDR histogram's 3 significant digits (k6
 * interpolates percentiles at p·(n−1) over the exact samples, perf-gate over the histogram).
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { K6_TEST_ENV, REAL_K6S, SKIPPED, warnIfSkipped, type RealK6 } from '../support/real-k6.js';

const run = promisify(execFile);

/** Every metric type, a custom trend that is not a time, and submetrics of thresholds. */
const SCRIPT = `import http from 'k6/http';
import { check, sleep } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
const bytes = new Trend('payload_bytes');
const ok = new Rate('answered_ok');
const items = new Counter('items_seen');
const last = new Gauge('last_status');
export const options = {
  vus: 2,
  duration: '2s',
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
  thresholds: { 'http_req_duration{name:fast}': ['p(95)<1000'], 'http_req_duration{name:slow}': ['p(99)<2000'], checks: ['rate>0.5'] },
};
export default function () {
  const r = http.get(__ENV.BASE_URL + '/fast', { tags: { name: 'fast' } });
  check(r, { 'is 200': (x) => x.status === 200 });
  bytes.add(r.body.length + (__ITER % 7));
  ok.add(r.status === 200);
  items.add(__ITER % 3);
  last.add(r.status);
  if (__ITER % 4 === 0) http.get(__ENV.BASE_URL + '/slow', { tags: { name: 'slow' } });
  sleep(0.01);
}
`;

/** Trends that are not times: perf-gate keeps them to 3 decimals (VALUE_SCALE), times to 1 ns. */
const NON_TIME_TRENDS = new Set(['payload_bytes']);

interface Ours {
  metrics: Record<string, { type: 'trend' | 'counter' | 'rate' | 'gauge'; values: Record<string, number> }>;
}

let dir: string;
let target: Server;
let baseUrl: string;

warnIfSkipped('real k6: summarize parity');

describe.skipIf(REAL_K6S.length === 0)(`perf-gate summarize agrees with k6's --summary-export${REAL_K6S.length === 0 ? ` (${SKIPPED})` : ''}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'perf-gate-real-parity-'));
    writeFileSync(join(dir, 'parity.js'), SCRIPT);
    let n = 0;
    // Latencies spread over a few ms (deterministic), '/slow' answering 500: failed requests too.
    target = createServer((req, res) => {
      setTimeout(() => {
        res.statusCode = req.url === '/slow' ? 500 : 200;
        res.end(req.url === '/slow' ? 'slow' : 'hello');
      }, (n++ * 7) % 6);
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  if (REAL_K6S.length === 0) it.skip(SKIPPED, () => undefined);
  it.each(REAL_K6S.map((k6): [string, RealK6] => [k6.version, k6]))('k6 v%s', async (_version, k6) => {
    const ndjson = join(dir, `v${k6.version}.ndjson`);
    const exported = join(dir, `v${k6.version}.summary-export.json`);
    await run(k6.path, ['run', '--quiet', '--out', `json=${ndjson}`, `--summary-export=${exported}`, '-e', `BASE_URL=${baseUrl}`, join(dir, 'parity.js')], { env: { ...process.env, ...K6_TEST_ENV } });
    const theirs = (JSON.parse(readFileSync(exported, 'utf8')) as { metrics: Record<string, Record<string, unknown>> }).metrics;
    const r = await cli('summarize', '--json', ndjson);
    expect(r.code, r.stderr).toBe(0);
    const ours = (JSON.parse(r.stdout) as Ours).metrics;

    const names = Object.keys(theirs);
    expect(names).toEqual(expect.arrayContaining(['http_req_duration{name:fast}', 'http_req_duration{name:slow}', 'payload_bytes', 'answered_ok', 'items_seen', 'last_status']));
    for (const name of names) {
      const k6Values = Object.fromEntries(Object.entries(theirs[name]!).filter(([key]) => key !== 'thresholds')) as Record<string, number>;
      const mine = ours[name];
      expect(mine, `perf-gate has ${name}`).toBeDefined();
      const got = (key: string): number => {
        const v = mine!.values[key];
        expect(v, `${name} ${key}`).toBeDefined();
        return v!;
      };
      switch (mine!.type) {
        case 'trend': {
          const floor = NON_TIME_TRENDS.has(name) ? 1e-3 : 1e-6;
          for (const [key, expected] of Object.entries(k6Values)) {
            const value = got(key);
            const why = `${name} ${key}: perf-gate ${value}, k6 ${expected}`;
            if (key === 'count' || key === 'min' || key === 'max') expect(value, why).toBe(expected);
            else if (key === 'avg') expect(Math.abs(value - expected), why).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-12);
            else expect(Math.abs(value - expected), why).toBeLessThanOrEqual(1e-3 * Math.abs(expected) + floor);
          }
          break;
        }
        case 'counter': {
          expect(got('count'), `${name} count`).toBe(k6Values['count']);
          // Per second: k6 divides by the test's duration, perf-gate by its first to last sample, which
          // lies inside it (k6 adds its start-up and graceful stop): shorter, by under a second.
          const k6Seconds = k6Values['count']! / k6Values['rate']!;
          const ourSeconds = got('count') / got('rate');
          expect(ourSeconds, `${name}: ${ourSeconds} s vs k6 ${k6Seconds} s`).toBeLessThanOrEqual(k6Seconds + 1e-9);
          expect(k6Seconds - ourSeconds, `${name}: ${ourSeconds} s vs k6 ${k6Seconds} s`).toBeLessThan(1);
          break;
        }
        case 'rate':
          expect(got('rate'), `${name} rate`).toBe(k6Values['value']);
          expect(got('passes'), `${name} passes`).toBe(k6Values['passes']);
          expect(got('fails'), `${name} fails`).toBe(k6Values['fails']);
          break;
        case 'gauge':
          for (const key of ['value', 'min', 'max']) expect(got(key), `${name} ${key}`).toBe(k6Values[key]);
          break;
      }
    }
  });
});

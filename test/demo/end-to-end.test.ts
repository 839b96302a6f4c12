import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { resolvePolicy } from '../../src/config/policy.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { RunView } from '../../src/document/run-view.js';
import { measureExampleApi } from '../../scripts/demo/example-api.js';
import { compareRuns } from '../../src/gate/compare.js';

// Real server (examples/isectech-api), real HTTP, the embedded engine: the whole loop, no stand-ins.
const quiet = { info: () => undefined, warning: () => undefined };
const config = parseConfig({ stages: { endurance: { endurance: { warmupSeconds: 1 } } } });
// The server and the embedded engine share one process, so CPU contention on the machine adds event-loop
// delay to every request: on a loaded CI runner the same code measured twice at the API's own latencies
// drifted by 30 % on its 6 ms endpoint (A/A failed).
// Latencies ×3 make the simulated time dominate that delay (measured under two busy loops: the 6 ms
// endpoint drifted 35 % at ×1, 8 % at ×3). At ×3 a 12 s run made about 2,200 requests; 15 s runs keep the
// dashboard (2 of 14 weights) near 390, an estimate from that count, not a measured figure.
const measure = (faults: Parameters<typeof measureExampleApi>[0], stage = 'smoke') =>
  measureExampleApi(faults, { seconds: 15, stage, log: quiet, latencyScale: 3 });
let baseline: Promise<RunDocument> | undefined;
const base = () => (baseline ??= measure({}));
const failing = (r: ReturnType<typeof compareRuns>) => r.findings.filter((f) => f.outcome === 'fail');

describe('end to end: example API + embedded engine + gate', () => {
  it('an A/A comparison passes', async () => {
    const report = compareRuns({ baseline: await base(), current: await measure({}), policy: resolvePolicy(config, 'smoke') });
    expect(failing(report)).toEqual([]);
    expect(report.outcome).not.toBe('fail');
  });

  // +50 %, not +30 %: at +30 % the dashboard's median rose 23–37 % in 10 runs against one baseline on a
  // quiet machine, and one stayed a warning (confirmed, but not beyond the 20 % limit with 70 %): with
  // about 390 requests a change that near the limit is missed about 1 time in 10 by design, which made
  // this test flaky in CI. At +50 % the rise was 48–62 %, far from the fail line (about +24 %). How
  // often +30 % is caught is the accuracy benchmark's question (npm run bench:accuracy), not this test's.
  it('+50 % on one endpoint fails naming that endpoint only', async () => {
    const report = compareRuns({ baseline: await base(), current: await measure({ latency: { '/api/dashboard': 1.5 } }), policy: resolvePolicy(config, 'smoke') });
    // The whole-run p95 may move too (the dashboard is among the slowest requests); of the endpoints,
    // only the slowed one may fail.
    const endpoints = [...new Set(failing(report).flatMap((f) => (f.scope ? [f.scope.value] : [])))];
    expect(endpoints).toEqual(['GET /api/dashboard/metrics']);
  });

  it('an error injection fails on error rate', async () => {
    const report = compareRuns({ baseline: await base(), current: await measure({ errorRate: { '/api/reports/export': 0.2 } }), policy: resolvePolicy(config, 'smoke') });
    expect(failing(report).some((f) => f.kind === 'error-rate' && f.scope?.value === 'POST /api/reports/export')).toBe(true);
  });

  it('a leak fails the endurance stage on memory', async () => {
    const steady = await measure({}, 'endurance');
    const leaking = await measure({ leakBytesPerRequest: 32 * 1024 }, 'endurance');
    const report = compareRuns({ baseline: steady, current: leaking, policy: resolvePolicy(config, 'endurance') });
    const kinds = failing(report).map((f) => f.kind);
    expect(kinds).toContain('memory');
  });

  it('the security checks hold under load: another tenant stays forbidden', async () => {
    const view = new RunView(await base());
    const forbidden = view.errors({ name: 'GET /api/tenants/{id}/settings (other tenant)' });
    expect(forbidden!.total).toBeGreaterThan(20);
    expect(forbidden!.failed).toBe(0); // every answer was the expected 403
    expect(view.scope('http_req_duration{name:GET /api/tenants/{id}/settings (other tenant)}')).toBeDefined();
  });
});

describe('perf-gate run with the embedded engine', () => {
  it('runs a stage against the example API, compares with a baseline and writes the reports', async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    const { cli } = await import('../cli/run-cli.js');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-run-'));
    const config = join(dir, 'perf-gate.yml');
    writeFileSync(config, readFileSync('examples/isectech/perf-gate.yml', 'utf8').replace('duration: 30s', 'duration: 3s'));
    const server = await startServer({ port: 0, seed: 3 });
    try {
      const first = await cli('run', '--config', config, '--stage', 'smoke', '--engine', 'auto', '--target-url', server.url, '-o', join(dir, 'a'));
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/engine embedded \(k6 is not on PATH\)/);
      const second = await cli('run', '--config', config, '--stage', 'smoke', '--target-url', server.url, '--baseline', join(dir, 'a', 'smoke.run.json'), '-o', join(dir, 'b'));
      expect(second.code, second.stdout).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'b', 'report.json'), 'utf8'));
      expect(report.verdict).not.toBe('inconclusive');
      expect(readFileSync(join(dir, 'b', 'report.html'), 'utf8')).toMatch(/<svg/);
    } finally {
      await server.close();
    }
  });

  it('says what to do when there is nothing to run', async () => {
    const { cli } = await import('../cli/run-cli.js');
    const r = await cli('run', '--stage', 'smoke', '--engine', 'embedded');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a `workload:`/);
  });
});

/**
 * A judged run into a real Prometheus (Debian's 2.42, `.ci/run` installs it; PERF_GATE_TEST_PROMETHEUS
 * names it, else /usr/bin/prometheus when present, else these tests are skipped and say so): started on a
 * free 127.0.0.1 port with the remote-write receiver and an empty store, sent a recorded run through
 * `perf-gate compare --prometheus-remote-write`, then asked with PromQL over its HTTP API for what the report
 * says. The OpenMetrics file of the same run passes `promtool check metrics`, and every query of the Grafana
 * dashboard (examples/grafana) answers with data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { compareRecorded } from '../export/recorded.js';

const PROMETHEUS = process.env['PERF_GATE_TEST_PROMETHEUS'] || (existsSync('/usr/bin/prometheus') ? '/usr/bin/prometheus' : undefined);
if (PROMETHEUS === undefined) console.warn('real Prometheus: skipped — no prometheus (set PERF_GATE_TEST_PROMETHEUS, or install Debian\'s prometheus)');

const ENV = { GITHUB_REPOSITORY: 'acme/api', GITHUB_REF_NAME: 'main', GITHUB_SHA: 'abc1234def5678abc1234def5678abc1234def56' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Runs `fn` with `vars` in process.env (the in-process CLI reads the CI's identity from there). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe.skipIf(PROMETHEUS === undefined)('a run in a real Prometheus', () => {
  let prometheus: ChildProcess;
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-prometheus-'));
  let log = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\n');
    prometheus = spawn(PROMETHEUS!, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--web.enable-remote-write-receiver'], { stdio: ['ignore', 'pipe', 'pipe'] });
    prometheus.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    for (let i = 0; i < 150; i++) {
      const ready = await fetch(`${base}/-/ready`).then((r) => r.ok, () => false);
      if (ready) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`Prometheus did not get ready in 30 s:\n${log.slice(-2000)}`);
  }, 60_000);
  afterAll(() => {
    prometheus?.kill('SIGTERM');
  });

  async function query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
    const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await res.json()) as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    expect(body.status, `${promql}: ${body.error}`).toBe('success');
    return body.data.result;
  }

  it('receives the run and answers PromQL with what the report says, labelled with the repository, branch, commit, stage, endpoint and tool', async () => {
    const file = join(dir, 'run.prom');
    const r = await withEnv(ENV, () =>
      cli('compare', '--baseline', 'test/fixtures/k6/smoke-baseline.ndjson.gz', '--current', 'test/fixtures/k6/smoke-regressed.ndjson.gz', '--stage', 'smoke', '--prometheus-remote-write', `${base}/api/v1/write`, '--openmetrics', file),
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/perf-gate: pushed \d+ Prometheus samples to http:\/\/127\.0\.0\.1:\d+/);
    const report = await compareRecorded('smoke-baseline', 'smoke-regressed');
    const alerts = report.stages[0]!.scopes.find((s) => s.scope?.value === 'POST /api/alerts')!;
    const [p95] = await query('perf_gate_latency_seconds{percentile="p95", endpoint="POST /api/alerts"}');
    expect(p95!.metric).toEqual({ __name__: 'perf_gate_latency_seconds', repository: 'acme/api', branch: 'main', commit: ENV.GITHUB_SHA, stage: 'smoke', tool: 'k6', endpoint: 'POST /api/alerts', percentile: 'p95' });
    expect(Number(p95!.value[1])).toBeCloseTo(alerts.current!.p95! / 1000, 9);
    const fails = await query('perf_gate_verdict{stage="smoke"} == 2');
    expect(fails.map((x) => x.metric['endpoint']).sort()).toEqual(report.stages[0]!.scopes.filter((s) => s.outcome === 'fail').map((s) => s.scope?.value ?? 'all requests').sort());
    const [stage] = await query('perf_gate_stage_verdict{repository="acme/api"}');
    expect(stage!.value[1]).toBe('2');
    // The same samples as text: Prometheus's own checker takes them.
    const promtool = join(dirname(PROMETHEUS!), 'promtool');
    if (existsSync(promtool)) {
      const check = spawnSync(promtool, ['check', 'metrics'], { input: readFileSync(file), encoding: 'utf8' });
      expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    }
  }, 60_000);

  it('answers every query of the Grafana dashboard with data', async () => {
    const dashboard = JSON.parse(readFileSync('examples/grafana/perf-gate-dashboard.json', 'utf8')) as { panels: { targets?: { expr: string }[] }[]; templating: { list: { query?: string }[] } };
    const fill = (q: string): string => q.replace(/\$repository/g, 'acme/api').replace(/\$branch/g, '.*').replace(/\$stage/g, '.*');
    for (const expr of dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr))) {
      expect((await query(fill(expr))).length, expr).toBeGreaterThan(0);
    }
    for (const v of dashboard.templating.list.filter((x) => x.query?.startsWith('label_values('))) {
      const m = /^label_values\((.+),\s*([a-z_]+)\)$/.exec(v.query!)!;
      const res = await fetch(`${base}/api/v1/series?match[]=${encodeURIComponent(fill(m[1]!))}`);
      const series = ((await res.json()) as { data: Record<string, string>[] }).data;
      expect(series.some((s) => s[m[2]!] !== undefined), v.query).toBe(true);
    }
  });

  it('says what is wrong when the receiver refuses, with no credential in the message, and keeps the verdict', async () => {
    const token = 'prom-SECRET-token-0123456789';
    const r = await withEnv({ ...ENV, PERF_GATE_PROMETHEUS_BEARER_TOKEN: token }, () =>
      cli('compare', '--baseline', 'test/fixtures/k6/smoke-baseline.ndjson.gz', '--current', 'test/fixtures/k6/smoke-baseline.ndjson.gz', '--stage', 'smoke', '--prometheus-remote-write', `${base}/api/v1/no-such-path`),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/perf-gate: warning: Prometheus remote-write to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/no-such-path answered 404 Not Found.* — check the path/);
    expect(r.stderr + r.stdout).not.toContain(token);
  });

  it('refuses a URL that is not one before reading anything, and one that carries a password', async () => {
    const bad = await cli('compare', '--baseline', 'x', '--current', 'y', '--prometheus-remote-write', 'prometheus:9090');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^perf-gate: --prometheus-remote-write: must be http:\/\/ or https:\/\//);
    const secret = await cli('compare', '--baseline', 'x', '--current', 'y', '--prometheus-remote-write', 'http://u:p4ss@127.0.0.1:9/api/v1/write');
    expect(secret.code).toBe(2);
    expect(secret.stderr).not.toContain('p4ss');
  });
});

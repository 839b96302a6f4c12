import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { compareRuns } from '../../src/gate/compare.js';
import type { StageReport } from '../../src/gate/verdict.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { K6, run } from './fixtures.js';

const policy = (stage: string) => resolvePolicy(parseConfig({}), stage);
const failing = (r: StageReport) => r.findings.filter((f) => f.outcome === 'fail');
const endpoints = (r: StageReport) => [...new Set(failing(r).map((f) => f.scope?.value).filter((v) => v !== undefined))].sort();

describe('compare on recorded k6 runs', () => {
  it('passes the A/A pair (same code run twice)', async () => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('smoke-aa'), policy: policy('smoke') });
    expect(failing(report)).toEqual([]);
    expect(report.findings.filter((f) => f.outcome === 'warn')).toEqual([]);
    expect(report.outcome).toBe('pass');
    // The dashboard's p95 moves about +20 % with nothing changed; it must be reported as noise, not decided on.
    const dash = report.scopes.find((s) => s.scope?.value === 'GET /api/dashboard/metrics')!;
    expect(dash.current!.p95! / dash.baseline!.p95! - 1).toBeGreaterThan(0.15);
    expect(dash.outcome).toBe('pass');
  });

  it('fails the regressed run, naming the /api/alerts endpoints and no other', async () => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('smoke-regressed'), policy: policy('smoke') });
    expect(report.outcome).toBe('fail');
    expect(endpoints(report)).toEqual(['DELETE /api/alerts/{id}', 'GET /api/alerts', 'POST /api/alerts', 'PUT /api/alerts/{id}']);
    for (const f of failing(report)) {
      expect(f.kind).toBe('latency');
      expect(f.change!).toBeGreaterThan(0.2);
      expect(f.confidence.level).toBe('confirmed');
      expect(f.pValue!).toBeLessThan(0.05);
    }
  });

  it('fails the error injection on error rate', async () => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('smoke-errors'), policy: policy('smoke') });
    expect(report.outcome).toBe('fail');
    const errorFindings = failing(report).filter((f) => f.kind === 'error-rate');
    expect(errorFindings.map((f) => f.scope?.value ?? 'all')).toContain('POST /api/alerts');
    // k6's own threshold rate<0.001 of the smoke stage is crossed as well.
    expect(failing(report).some((f) => f.kind === 'threshold' && f.metric === 'http_req_failed')).toBe(true);
  });

  it.each(['smoke', 'load'])('names POST /api/alerts by its new failure signature, status 500, in %s', async (stage) => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('smoke-errors'), policy: policy(stage) });
    const signatures = failing(report).filter((f) => f.kind === 'failure-signature');
    expect(signatures.find((f) => f.scope?.value === 'POST /api/alerts')?.details?.signature).toMatchObject({ status: '500', errorCode: '1500', failed: 14 });
    // The PUTs of alerts the failed POSTs never created answer 404, a new signature as well; nothing else.
    expect(signatures.map((f) => `${f.scope?.value} ${f.details?.signature?.status}`).sort()).toEqual(['POST /api/alerts 500', 'PUT /api/alerts/{id} 404']);
  });

  it('finds no new failure signature between the A/A pair', async () => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('smoke-aa'), policy: policy('load') });
    expect(report.findings.filter((f) => f.kind === 'failure-signature')).toEqual([]);
    expect(report.outcome).toBe('pass');
  });

  it('fails the leaking endurance run on memory against the steady one', async () => {
    const report = compareRuns({
      baseline: await run('endurance-steady', { memory: true }),
      current: await run('endurance-leak', { memory: true }),
      policy: policy('endurance'),
    });
    expect(report.outcome).toBe('fail');
    const kinds = failing(report).map((f) => f.kind);
    expect(kinds).toContain('memory');
    expect(kinds).toContain('leak');
    expect(report.memory!.current!.slopeMBPerHour!).toBeGreaterThan(1000);
  });

  it('passes the steady endurance run against itself, heap step and all', async () => {
    const steady = await run('endurance-steady', { memory: true });
    const report = compareRuns({ baseline: steady, current: steady, policy: policy('endurance') });
    expect(failing(report)).toEqual([]);
    expect(report.findings.find((f) => f.kind === 'leak')!.outcome).toBe('pass');
  });

  it('reads the aborted run as partial and says so', async () => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('aborted'), policy: policy('smoke') });
    expect(report.currentRun.partial).toBe(true);
    expect(report.notes.join(' ')).toMatch(/partial/);
  });

  it('without a baseline is inconclusive but still applies absolute thresholds', async () => {
    const ok = compareRuns({ current: await run('smoke-baseline'), policy: policy('smoke') });
    expect(ok.outcome).toBe('inconclusive');
    const bad = compareRuns({ current: await run('smoke-errors'), policy: policy('smoke') });
    expect(bad.outcome).toBe('fail');
  });

  it('never puts NaN or Infinity in a report', async () => {
    const report = compareRuns({ baseline: await run('smoke-baseline'), current: await run('aborted'), policy: policy('smoke') });
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/NaN|Infinity|null/);
  });
});

describe('a partial baseline says which file broke off and where', () => {
  it('names the file and the cut-off line, as a partial current run does', async () => {
    const aborted = await ingestFiles([`${K6}aborted.ndjson.gz`], { groupBy: ['name'] });
    const report = compareRuns({ baseline: aborted, current: await run('smoke-aa'), policy: policy('smoke') });
    expect(report.baselineRun?.partial).toBe(true);
    expect(report.notes).toContain('The baseline run is partial (its load test was cut short): it covers only what was measured.');
    expect(report.notes.some((n) => /^Baseline: .*aborted\.ndjson\.gz: line 4140 is cut off \(k6 was stopped while writing it\)/.test(n))).toBe(true);
  });
});

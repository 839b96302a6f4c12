/**
 * End to end: the registry's JMeter entry runs examples/jmeter/isectech.jmx against the example API
 * (examples/isectech-api) with the stand-in JMeter (test/support/stand-in-jmeter.mjs — not JMeter: no real
 * JMeter can run here, see its header), from a config's stage workload and the target URL, and the JTL it
 * hands over is a JMeter CSV with a row for every endpoint of the plan, named as the k6 script names them.
 * The JTL is checked as a file: ingesting it (src/ingest/jmeter/) and gating it come with the JTL reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../examples/isectech-api/src/index.js';
import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import { recordingLog } from '../support.js';
import { ISECTECH_PLAN, isectechPlanEngine, JTL_COLUMNS, readJtl, STAND_IN_JMETER, tempDir } from './support.js';

/** The samplers of the plan, by their names: the k6 script's `name` tags (examples/k6/isectech.js). */
const ENDPOINTS = [
  'POST /api/auth/login',
  'GET /api/alerts (no token)',
  'POST /api/auth/refresh',
  'GET /api/alerts',
  'POST /api/alerts',
  'PUT /api/alerts/{id}',
  'DELETE /api/alerts/{id}',
  'GET /api/tenants',
  'GET /api/tenants/{id}/settings',
  'GET /api/tenants/{id}/settings (other tenant)',
  'POST /api/tenants/switch',
  'GET /api/dashboard/metrics',
  'POST /api/reports/export',
  'POST /api/auth/logout',
];
/** The security answers the plan asserts as expected: a success, with the refusing status. */
const EXPECTED_REFUSALS: Record<string, string> = { 'GET /api/alerts (no token)': '401', 'GET /api/tenants/{id}/settings (other tenant)': '403' };

let server: RunningServer;

describe('examples/jmeter/isectech.jmx against the example API (stand-in JMeter)', () => {
  beforeAll(async () => {
    const { startServer } = await import('../../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 11 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('names every sampler as the k6 script names the request', () => {
    const plan = readFileSync(ISECTECH_PLAN, 'utf8');
    const samplers = [...plan.matchAll(/testclass="HTTPSamplerProxy" testname="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    expect(samplers).toEqual(ENDPOINTS);
    const k6 = readFileSync(join(import.meta.dirname, '../../../examples/k6/isectech.js'), 'utf8');
    for (const name of samplers) expect(k6).toContain(`'${name}'`);
  });

  it('runs the stage\'s shape against the target and writes a JMeter CSV JTL with every endpoint, each answered as expected', async () => {
    const config = parseConfig({ stages: { smoke: { workload: { connections: 3, rampUp: '1s', duration: '4s' } } } });
    const prepared = await isectechPlanEngine(config, server.url);
    expect(prepared.why).toBe(`JMeter 5.6.3 PERF_GATE_JMETER=${STAND_IN_JMETER}`);

    const workDir = tempDir('perf-gate-jmeter-isectech-');
    const startedAt = Date.now();
    const out = await prepared.engine.run({ stage: 'smoke', policy: resolvePolicy(config, 'smoke'), workDir, signal: new AbortController().signal, log: recordingLog() });
    const endedAt = Date.now();
    const jtl = join(workDir, 'smoke.jtl');
    expect(out).toMatchObject({ measured: { kind: 'files', files: [jtl] }, toolVersion: '5.6.3', cancelled: false });
    expect(out.notes).toEqual([`JMeter ran ${ISECTECH_PLAN} with -Jthreads=3 -Jrampup=1 -Jduration=4 (from the config's workload:).`]);

    const { header, rows } = readJtl(jtl);
    expect(header).toBe(JTL_COLUMNS);
    const byLabel = new Map<string, typeof rows>();
    for (const r of rows) byLabel.set(r.label!, [...(byLabel.get(r.label!) ?? []), r]);
    expect([...byLabel.keys()].sort()).toEqual([...ENDPOINTS].sort());
    for (const [label, samples] of byLabel) {
      const expected = EXPECTED_REFUSALS[label];
      for (const s of samples) {
        expect({ label, success: s.success, code: expected !== undefined ? s.responseCode : s.responseCode!.slice(0, 1) }).toEqual({ label, success: 'true', code: expected ?? '2' });
      }
    }
    // Three threads, started over the ramp-up, each its own name; timestamps (ms, start of the sample) within the run.
    expect(new Set(rows.map((r) => r.threadName))).toEqual(new Set(['users 1-1', 'users 1-2', 'users 1-3']));
    expect(Math.max(...rows.map((r) => Number(r.grpThreads)))).toBe(3);
    for (const r of rows) {
      const t = Number(r.timeStamp);
      expect(t).toBeGreaterThanOrEqual(startedAt);
      expect(t + Number(r.elapsed)).toBeLessThanOrEqual(endedAt);
      expect(Number(r.Latency)).toBeLessThanOrEqual(Number(r.elapsed));
      expect(r.URL!.startsWith(`${server.url}/api/`)).toBe(true);
    }
  });
});

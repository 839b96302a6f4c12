import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, type Faults } from '../../examples/isectech-api/src/index.js';
import { parseConfig } from '../config/schema.js';
import { resolvePolicy } from '../config/policy.js';
import type { RunDocument } from '../document/run-document.js';
import { WorkloadSchema, type WorkloadInput } from '../config/workload.js';
import { runEmbedded } from '../engine/embedded/run-embedded.js';
import { sampleEndpoint } from '../engine/memory-sampler.js';
import { compareRuns } from '../gate/compare.js';
import { buildReport } from '../gate/report.js';
import { renderHtml, renderJson, renderMarkdown, renderText } from '../report/index.js';

/** How long each of the two runs loads the service: the whole demo stays well under two minutes. */
const SECONDS = Number(process.env['PERF_GATE_DEMO_SECONDS'] ?? 15);

/** The customer's traffic mix against the example API: CRUD on alerts, tenants, dashboard, export, a security check. */
export function workload(baseUrl: string): WorkloadInput {
  const tenant = { 'x-tenant': 'acme' };
  return {
    baseUrl,
    login: { path: '/api/auth/login', body: { user: 'alice', password: 'alice-pass' } },
    requests: [
      { name: 'GET /api/alerts', path: '/api/alerts?limit=20', headers: tenant, weight: 4 },
      { name: 'POST /api/alerts', method: 'POST', path: '/api/alerts', body: { title: 'disk almost full', severity: 'high' }, headers: tenant, weight: 2, expectStatus: 201 },
      { name: 'GET /api/tenants', path: '/api/tenants', weight: 2 },
      { name: 'GET /api/tenants/{id}/settings', path: '/api/tenants/acme/settings', weight: 2 },
      // Security under load: another tenant's settings must stay forbidden.
      { name: 'GET /api/tenants/{id}/settings (other tenant)', path: '/api/tenants/globex/settings', weight: 1, expectStatus: 403 },
      { name: 'GET /api/dashboard/metrics', path: '/api/dashboard/metrics', weight: 2 },
      { name: 'POST /api/reports/export', method: 'POST', path: '/api/reports/export', body: { format: 'csv' }, weight: 1 },
    ],
    connections: 16,
    duration: SECONDS,
    tags: { tenant: 'acme' },
  };
}

/**
 * Starts the example API with the given faults, loads it with the embedded engine for `seconds` while
 * sampling its memory from /metrics, stops it, and returns the run document.
 */
export async function measureExampleApi(faults: Partial<Faults>, options: { seconds: number; stage: string; log: { info(m: string): void; warning(m: string): void }; progressIntervalMs?: number }): Promise<RunDocument> {
  const server = await startServer({ port: 0, seed: 7, faults: { latency: {}, errorRate: {}, leakBytesPerRequest: 0, ...faults } });
  const memory = sampleEndpoint(`${server.url}/metrics`, options.log, 500);
  try {
    options.log.info(`example API on ${server.url}, ${options.seconds} s of load`);
    const doc = await runEmbedded(WorkloadSchema.parse({ ...workload(server.url), duration: options.seconds }), { stage: options.stage, log: options.log, progressIntervalMs: options.progressIntervalMs ?? 5000 });
    return { ...doc, memory: { source: `${server.url}/metrics`, samples: await memory.stop() } };
  } finally {
    await memory.stop();
    await server.close();
  }
}

async function measure(label: string, faults: Partial<Faults>, out: string): Promise<RunDocument> {
  console.log(`\n▶ ${label}`);
  const log = { info: (m: string) => console.log(`  ${m}`), warning: (m: string) => console.warn(`  warning: ${m}`) };
  const run = await measureExampleApi(faults, { seconds: SECONDS, stage: 'endurance', log });
  writeFileSync(join(out, `${label}.run.json`), `${JSON.stringify(run)}\n`);
  return run;
}

export async function demo(outDir = 'demo-out'): Promise<number> {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  console.log('perf-gate demo: the example API, measured twice with the embedded load engine (no k6 needed).');
  const baseline = await measure('baseline', {}, out);
  const current = await measure('current', {
    // One regression of each kind the gate must catch.
    latency: { '/api/dashboard': 1.5 },
    errorRate: { '/api/reports/export': 0.1 },
    leakBytesPerRequest: 32 * 1024,
  }, out);
  const config = parseConfig({ stages: { endurance: { endurance: { warmupSeconds: 2 } } } });
  const report = buildReport([compareRuns({ baseline, current, policy: resolvePolicy(config, 'endurance') })], new Date());
  writeFileSync(join(out, 'report.json'), renderJson(report));
  writeFileSync(join(out, 'report.md'), renderMarkdown(report, { title: 'perf-gate demo' }));
  writeFileSync(join(out, 'report.html'), renderHtml(report, [{ stage: 'endurance', baseline, current }], { title: 'perf-gate demo' }));
  console.log(`\n${renderText(report, { color: Boolean(process.stdout.isTTY) })}`);
  console.log(`Reports in ${out}: report.md, report.json, report.html (charts), and the two run documents. ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
  return 0;
}

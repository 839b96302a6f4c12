/**
 * The example API (examples/isectech-api) measured through the stage pipeline, as `perf-gate run` would
 * measure it: the embedded engine drives the customer's traffic mix while its memory is sampled from
 * /metrics, then the run is judged against the baseline store given.
 */
import { tmpdir } from 'node:os';
import { startServer, type Faults } from '../../examples/isectech-api/src/index.js';
import { defaultConfig, type PerfGateConfig } from '../../src/config/schema.js';
import { WorkloadSchema, type WorkloadInput } from '../../src/config/workload.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { createEmbeddedEngine } from '../../src/engine/embedded/embedded-engine.js';
import { endpointMemory } from '../../src/engine/memory-sources.js';
import { noBaseline } from '../../src/pipeline/no-baseline.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import type { BaselineStore } from '../../src/pipeline/ports.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';

/** The customer's traffic mix against the example API: CRUD on alerts, tenants, dashboard, export, a security check. */
export function workload(baseUrl: string, seconds: number): WorkloadInput {
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
    duration: seconds,
    tags: { tenant: 'acme' },
  };
}

export interface ExampleRunOptions {
  readonly seconds: number;
  readonly stage: string;
  readonly log: { info(m: string): void; warning(m: string): void };
  readonly progressIntervalMs?: number;
  /** Multiplies the API's simulated latencies (default 1); see the example API's `latencyScale`. */
  readonly latencyScale?: number;
  /** The policy the run is judged under (default: perf-gate's defaults). */
  readonly config?: PerfGateConfig;
  /** Where the baseline is read from (default: none, the run is judged alone). */
  readonly baselines?: BaselineStore;
}

/**
 * Starts the example API with the given faults, runs one stage of load on it through the pipeline
 * (embedded engine, memory from /metrics every 500 ms, the baseline store), stops it, and returns the
 * pipeline's result: the stage's run and report.
 */
export async function runExampleApi(faults: Partial<Faults>, options: ExampleRunOptions): Promise<PipelineResult> {
  const server = await startServer({ port: 0, seed: 7, latencyScale: options.latencyScale ?? 1, faults: { latency: {}, errorRate: {}, leakBytesPerRequest: 0, ...faults } });
  const log = { info: (m: string) => options.log.info(m), warning: (m: string) => options.log.warning(m), debug: () => undefined };
  try {
    log.info(`example API on ${server.url}, ${options.seconds} s of load`);
    const engine = createEmbeddedEngine(new Map([[options.stage, WorkloadSchema.parse(workload(server.url, options.seconds))]]), { progressIntervalMs: options.progressIntervalMs ?? 5000 });
    return await runPipeline(
      { stages: planStages(options.config ?? defaultConfig(), [options.stage]), workDir: tmpdir(), signal: new AbortController().signal, cancelledNote: '' },
      { engine, memory: endpointMemory(`${server.url}/metrics`, log, 500), baselines: options.baselines ?? noBaseline, clock: { now: () => new Date() }, log },
    );
  } finally {
    await server.close();
  }
}

/** The run document of one stage of load on the example API (see {@link runExampleApi}). */
export async function measureExampleApi(faults: Partial<Faults>, options: ExampleRunOptions): Promise<RunDocument> {
  const { runs } = await runExampleApi(faults, options);
  return runs[0]!.current;
}

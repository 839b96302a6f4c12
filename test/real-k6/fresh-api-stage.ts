/**
 * One stage of examples/k6/isectech.js with the real k6 (the first of PERF_GATE_TEST_K6) through the stage
 * pipeline, against a fresh example API process per run (a second run on the same server would meet the
 * data the first wrote), with the faults given and, when asked, its /metrics scraped while the load runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/schema.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { endpointMemory } from '../../src/engine/memory-sources.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';
import { fakeStore, fixedClock, recordingLog } from '../pipeline/fakes.js';
import { setFaults, startApiProcess, type ApiProcess } from '../support/example-api-process.js';
import { K6_TEST_ENV, MAIN_K6 } from '../support/real-k6.js';

export interface FreshApiOptions {
  /** The API's seed for its latency and error draws. */
  readonly seed: number;
  /** The script's knobs (`-e NAME=value`). */
  readonly knobs: Readonly<Record<string, string>>;
  /** Scrape the API's /metrics every this many ms while the load runs (memory, CPU, event loop). */
  readonly scrapeMs?: number;
  /** The config the stage is judged with (default: the defaults). */
  readonly config?: Record<string, unknown>;
}

export class FreshApiStages {
  private api: ApiProcess | undefined;

  constructor(private readonly options: FreshApiOptions) {}

  /** `stage` on a fresh API with `faults`, judged against `baseline` when given. */
  async run(stage: string, faults: unknown, baseline?: RunDocument): Promise<PipelineResult['runs'][number] & { readonly full: PipelineResult['report'] }> {
    await this.api?.close();
    const api = await startApiProcess(this.options.seed);
    this.api = api;
    await setFaults(api, faults);
    const engine = createK6Engine({ k6: MAIN_K6!, script: 'examples/k6/isectech.js', baseUrl: api.url, env: this.options.knobs, flags: [], secrets: [], processEnv: { ...process.env, ...K6_TEST_ENV } });
    const memory = this.options.scrapeMs !== undefined ? endpointMemory(`${api.url}/metrics`, { warning: () => {} }, this.options.scrapeMs) : undefined;
    const result = await runPipeline(
      { stages: planStages(parseConfig(this.options.config ?? {}), [stage]), workDir: mkdtempSync(join(tmpdir(), `perf-gate-real-${stage}-`)), signal: new AbortController().signal, cancelledNote: 'cancelled' },
      { engine, ...(memory ? { memory } : {}), baselines: fakeStore({ [stage]: baseline ? { baseline, history: [] } : { history: [] } }), clock: fixedClock('2026-12-03T10:00:00Z'), log: recordingLog() },
    );
    return { ...result.runs[0]!, full: result.report };
  }

  async close(): Promise<void> {
    await this.api?.close();
    this.api = undefined;
  }
}

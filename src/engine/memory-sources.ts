/**
 * The memory sources of the Action's `memory-source` input and the CLI's `--memory-url`, behind the
 * pipeline's MemorySampler port: a Prometheus `/metrics` page or a command polled while the stage runs,
 * or a Prometheus `query_range` over the stage's window afterwards.
 */
import type { MemorySampler } from '../pipeline/ports.js';
import { queryPrometheusRange, sampleCommand, sampleEndpoint, type SamplerLog } from './memory-sampler.js';

/** Scrapes `url` (`process_resident_memory_bytes`) every `intervalMs` while the stage runs. */
export function endpointMemory(url: string, log: SamplerLog, intervalMs?: number): MemorySampler {
  return { source: url, start: () => sampleEndpoint(url, log, intervalMs) };
}

export interface CommandMemoryOptions {
  /** What the command's environment is built from (`childEnv`). */
  readonly processEnv: NodeJS.ProcessEnv;
  /** Values that must not reach the command (the github-token). */
  readonly secrets: readonly string[];
  /** The stage's variables, as its script gets them (`PERF_GATE_STAGE`, `BASE_URL`, the `env` input). */
  readonly variablesOf: (stage: string) => Readonly<Record<string, string>>;
  readonly intervalMs?: number;
}

/** Runs `command` (it prints the resident bytes) every few seconds while the stage runs, without secrets. */
export function commandMemory(command: string, log: SamplerLog, options: CommandMemoryOptions): MemorySampler {
  return {
    source: `command: ${command}`,
    start: (stage) =>
      sampleCommand(command, log, {
        processEnv: options.processEnv,
        secrets: options.secrets,
        set: options.variablesOf(stage),
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
      }),
  };
}

/**
 * Asks Prometheus for `query` over the stage's window once the stage ended: how a deployed service is
 * watched. A failed query is one warning and no samples: memory is evidence, the load test is the job.
 */
export function prometheusQueryMemory(url: string, query: string, log: SamplerLog): MemorySampler {
  return {
    source: `${url} ${query}`,
    start: () => ({
      async stop(window) {
        if (!window) return [];
        try {
          return await queryPrometheusRange(url, query, window.startMs, window.endMs);
        } catch (err) {
          log.warning(`memory-source: ${err instanceof Error ? err.message : String(err)}`);
          return [];
        }
      },
    }),
  };
}

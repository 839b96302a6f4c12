import { k6Variables } from '../engine/k6-run.js';
import { commandMemory, endpointMemory, prometheusQueryMemory } from '../engine/memory-sources.js';
import type { MemorySampler } from '../pipeline/ports.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';

/**
 * The `memory-source` input as the pipeline's memory sampler. A command gets what the stage's script
 * gets (`PERF_GATE_STAGE`, `BASE_URL`, the `env` input) and no secret.
 */
export function memorySampler(io: ActionIo, inputs: ActionInputs, secrets: readonly string[]): MemorySampler | undefined {
  const m = inputs.memorySource;
  if (!m) return undefined;
  switch (m.kind) {
    case 'prometheus-endpoint':
      return endpointMemory(m.url, io);
    case 'prometheus-query':
      return prometheusQueryMemory(m.url, m.query, io);
    case 'command':
      return commandMemory(m.command, io, {
        processEnv: io.env,
        secrets,
        variablesOf: (stage) => Object.fromEntries(k6Variables({ stage, ...(inputs.targetUrl ? { baseUrl: inputs.targetUrl } : {}), env: { ...inputs.env }, secrets }).vars),
      });
  }
}

/**
 * The embedded engine behind the pipeline's LoadEngine port: each stage's workload (the config's
 * `workload:`, the target URL, the stage's own `workload:` over it) run in this process by `runEmbedded`,
 * which builds the run document itself.
 */
import { formatConfigIssue, ConfigError, type ConfigPathSegment } from '../../config/errors.js';
import type { PerfGateConfig } from '../../config/schema.js';
import { configErrorMap, toConfigIssues } from '../../config/schema-issues.js';
import { WorkloadSchema, type Workload } from '../../config/workload.js';
import type { EngineSetup, LoadEngine, LoadEngineEntry, LoadOutput, StageLoad } from '../../pipeline/ports.js';
import { runEmbedded } from './run-embedded.js';

export interface EmbeddedEngineOptions {
  /** Milliseconds between progress lines (default 15 000). */
  readonly progressIntervalMs?: number;
}

/** The embedded engine over one workload per stage. */
export function createEmbeddedEngine(workloads: ReadonlyMap<string, Workload>, options: EmbeddedEngineOptions = {}): LoadEngine {
  return {
    name: 'embedded',
    async run({ stage, policy, signal, log, watch }: StageLoad): Promise<LoadOutput> {
      const planned = workloads.get(stage);
      if (!planned) throw new Error(`the embedded engine has no workload for stage ${stage}`);
      // A sequential stage runs up to its budget unless a look stops it; the workload's own duration is then not the stage's.
      const workload = watch ? { ...planned, duration: watch.maxSeconds, rampUp: Math.min(planned.rampUp, watch.maxSeconds / 2) } : planned;
      let stoppedByLook = false;
      const tracked = watch && {
        ...watch,
        look: async (run: Parameters<typeof watch.look>[0], at: number) => {
          const stop = await watch.look(run, at);
          if (stop) stoppedByLook = true;
          return stop;
        },
      };
      const document = await runEmbedded(workload, {
        stage,
        log,
        groupBy: policy.groupBy,
        signal,
        ...(tracked ? { watch: tracked } : {}),
        ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
      });
      // It stops the load itself when the signal fires, and its document says so in its warnings.
      return {
        measured: { kind: 'document', document },
        cancelled: signal.aborted,
        scriptThresholds: [],
        notes: [],
        ...(watch ? { watch: { kind: stoppedByLook ? 'stopped' : 'ran' } as const } : {}),
      };
    },
  };
}

/** The registry's embedded engine: ready when the config has a `workload:` that every stage can run. */
export const embeddedEngine = {
  name: 'embedded',
  async prepare(setup: EngineSetup) {
    if (!setup.config.workload) {
      return { ready: false, why: 'needs a `workload:` in the config (requests, connections, duration)', fix: 'see docs/embedded-engine.md' } as const;
    }
    // Every stage's workload is checked before the first one runs.
    const workloads = new Map(setup.stages.map((stage) => [stage, stageWorkload(setup.config, stage, setup)]));
    const options = setup.progressIntervalMs !== undefined ? { progressIntervalMs: setup.progressIntervalMs } : {};
    return { ready: true, engine: createEmbeddedEngine(workloads, options), why: 'a `workload:` in the config' } as const;
  },
} as const satisfies LoadEngineEntry;

/**
 * The embedded engine's workload of a stage: the config's `workload:`, the target URL as its `baseUrl`,
 * then the stage's `workload:` override. A problem names where the value came from (the target-URL
 * setting, or the key of the config file) and the value.
 *
 * @throws ConfigError one line listing every problem.
 */
export function stageWorkload(config: PerfGateConfig, stage: string, setup: Pick<EngineSetup, 'targetUrl' | 'names'>): Workload {
  const override = config.stages[stage]?.workload ?? {};
  const merged = { ...config.workload!, ...(setup.targetUrl !== undefined ? { baseUrl: setup.targetUrl } : {}), ...override };
  const parsed = WorkloadSchema.safeParse(merged, { error: configErrorMap });
  if (parsed.success) return parsed.data;
  const file = setup.names.config;
  const lines = toConfigIssues(parsed.error.issues).map((issue) => {
    const key = issue.path[0];
    if (key === 'baseUrl' && setup.targetUrl !== undefined) return `${setup.names.targetUrl}: ${issue.message}`;
    const path: ConfigPathSegment[] = typeof key === 'string' && key in override ? ['stages', stage, 'workload', ...issue.path] : ['workload', ...issue.path];
    return formatConfigIssue({ path, message: issue.message }, file);
  });
  throw new ConfigError([`the workload of stage ${stage} cannot run: ${lines.join('; ')}`], { file });
}

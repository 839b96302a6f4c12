/**
 * The shape of `perf-gate.yml` and the one function that turns what a user wrote into a typed
 * {@link PerfGateConfig}, listing every problem with its path, the value and what to do. Pure: the
 * file is read in load.ts. The reference for users is docs/config.md.
 */
import { z } from 'zod';
import { ConfigError, formatValue, type ConfigIssue } from './errors.js';
import type { LatencyStatistic } from './latency-statistic.js';
import { formatMetricSelector, tryParseMetricSelector } from './metric-selector.js';
import {
  fraction,
  latencyStatistics,
  milliseconds,
  metricSelectorText,
  nonEmptyText,
  seconds,
  textList,
  wholeNumber,
  windowSeconds,
} from './schema-fields.js';
import { configErrorMap, toConfigIssues } from './schema-issues.js';
import { PRESET_NAMES, isPresetName } from './stages.js';
import { didYouMean, listNames } from './suggest.js';
import { tryParseThreshold, type ThresholdExpression } from './threshold.js';
import { DEFAULT_MAX_SCOPES } from '../document/scope-cardinality.js';
import { WorkloadSchema, type Workload } from './workload.js';

export type MultipleComparisons = 'holm' | 'bh' | 'none';

/** What an endpoint of the baseline that the current run no longer has makes of the verdict. */
export type MissingEndpoint = 'warn' | 'fail' | 'ignore';

/** What the gate does about what it could not see. */
export interface CoverageConfig {
  /** An endpoint of the baseline with no request in the current run: warn (default), fail, or only count it in the headline. */
  missing: MissingEndpoint;
}

/** The thresholds of one metric or submetric. */
export interface ThresholdSet {
  /** Canonical k6 submetric syntax: `http_req_duration{name:GET /api/alerts}`. */
  metric: string;
  /** In the order written; an empty list removes an inherited metric's thresholds. */
  expressions: ThresholdExpression[];
  /**
   * Where the set comes from: the user's config file (default), a stage preset, or the k6 script's own
   * `options.thresholds`. A config threshold on what no run has is an error; a preset's or script's is
   * only noted (the user never wrote it here).
   */
  origin?: 'config' | 'preset' | 'script';
}

/** A stage's regression limits as written: every field optional, merged over the base stage's. */
export interface RegressionConfig {
  latency?: { maxIncrease?: number; statistics?: LatencyStatistic[] };
  throughput?: { maxDecrease?: number };
  errorRate?: { maxIncrease?: number; absoluteFloor?: number };
  failureSignatures?: { warnCount?: number; failCount?: number; failRate?: number };
  memory?: { maxIncrease?: number };
}

/** A stage's endurance rules as written: every field optional, merged over the base's or the endurance defaults. */
export interface EnduranceConfig {
  memoryGrowth?: number;
  degradation?: number;
  leak?: boolean;
  /** Seconds. */
  warmupSeconds?: number;
}

/** A stage's sequential gate as written (seconds): look while the load runs, stop once the answer is known. */
export interface SequentialConfig {
  /** The planned length of the stage. */
  duration: number;
  /** The budget when the answer is still open at the planned length (default: the planned length). */
  maxDuration?: number;
  /** Time between looks (default a quarter of the planned length). */
  lookEvery?: number;
}

/** One entry under `stages:`, as written (validated, percentages and durations already converted). */
export interface StageConfig {
  extends?: string;
  thresholds?: ThresholdSet[];
  regression?: RegressionConfig;
  endurance?: EnduranceConfig;
  sequential?: SequentialConfig;
  /** How this stage loads the service with the embedded engine, over the top-level `workload`. */
  workload?: WorkloadOverride;
}

/** The load shape a stage sets for the embedded engine (durations in seconds). */
export interface WorkloadOverride {
  connections?: number;
  arrivalRate?: number;
  duration?: number;
  rampUp?: number;
}

/** A validated `perf-gate.yml`: top-level settings with their defaults applied, stages as written. */
export interface PerfGateConfig {
  version: 1;
  groupBy: string[];
  /** Seconds, or 'auto'. */
  window: 'auto' | number;
  /** At most this many values per `groupBy` tag get scopes of their own; the rest go into `(other)`. */
  maxScopes: number;
  alpha: number;
  multipleComparisons: MultipleComparisons;
  /** How sure a confirmed change must be beyond its limit to fail (one-sided confidence, 0.5 to < 1). */
  limitConfidence: number;
  runToRunNoise: number;
  /** Additive run-to-run noise of a latency, in ms (scheduling and timer jitter), on top of runToRunNoise. */
  runToRunNoiseMs: number;
  /** Run-to-run noise of a percentile's distance from the median (the tail's shape), log-scale SD per run. */
  tailShapeNoise: number;
  minSamples: number;
  coverage: CoverageConfig;
  /** Run-to-run noise learned from the baseline branch's history, shrunk toward runToRunNoise. */
  noiseLearning: NoiseLearningConfig;
  /**
   * A percentile's baseline is its mean over up to this many stored runs of the baseline branch: the
   * baseline run and those before it, back to the last code change (gate/pooled-baseline.ts). 1: the
   * baseline run alone.
   */
  baselineRuns: number;
  /** The trend judged as request latency; absent: the tool's own (k6: http_req_duration). */
  latencyMetric?: string;
  acceptLabel: string;
  /** What the embedded engine sends (`perf-gate run` without k6): requests, login, load shape. */
  workload?: Workload;
  stages: Record<string, StageConfig>;
  /** The file the config was read from (set by the loader, not a key of the file); absent for the defaults. */
  file?: string;
}

/**
 * Learning the run-to-run noise from stored runs of the baseline branch: `enabled` (default true) and
 * `priorRuns`, how many runs' worth of evidence runToRunNoise counts as (default 4: a history of 4 steps
 * weighs as much as the default, a history of 20 steps dominates it).
 */
export interface NoiseLearningConfig {
  enabled: boolean;
  priorRuns: number;
}

/** The top-level defaults (docs/config.md lists them too). */
export const CONFIG_DEFAULTS = {
  version: 1,
  groupBy: ['name'],
  window: 'auto',
  maxScopes: DEFAULT_MAX_SCOPES,
  alpha: 0.05,
  multipleComparisons: 'holm',
  limitConfidence: 0.7,
  runToRunNoise: 0.03,
  runToRunNoiseMs: 0.05,
  tailShapeNoise: 0.015,
  minSamples: 20,
  coverage: { missing: 'warn' },
  noiseLearning: { enabled: true, priorRuns: 4 },
  baselineRuns: 5,
  acceptLabel: 'perf-gate:accept',
} as const satisfies Omit<PerfGateConfig, 'stages' | 'groupBy' | 'latencyMetric'> & { groupBy: readonly string[] };

const THRESHOLD_FORMS = `a k6 threshold such as 'p(95)<500' or { threshold: 'p(95)<500', abortOnFail: true }`;

const thresholdText = z.string().transform((source, ctx): ThresholdExpression => {
  const parsed = tryParseThreshold(source);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error, input: source });
    return z.NEVER;
  }
  return parsed;
});

const thresholdObject = z
  .strictObject({
    threshold: thresholdText,
    abortOnFail: z.boolean().optional(),
    delayAbortEval: z
      .string()
      .regex(/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/, { error: (iss) => `expected a k6 duration such as "10s", got ${formatValue(iss.input)}` })
      .optional(),
  })
  .transform((o): ThresholdExpression => ({ ...o.threshold, abortOnFail: o.abortOnFail ?? false }));

const thresholdEntry = z.union([thresholdText, thresholdObject], {
  error: (iss) => (iss.code === 'invalid_union' ? `expected ${THRESHOLD_FORMS}, got ${formatValue(iss.input)}` : undefined),
});

const thresholdList = z
  .union([thresholdEntry, z.array(thresholdEntry)], {
    error: (iss) => (iss.code === 'invalid_union' ? `expected a list of k6 thresholds such as ['p(95)<500'], got ${formatValue(iss.input)}` : undefined),
  })
  .transform((v) => (Array.isArray(v) ? v : [v]));

const metricKey = z.string().check((ctx) => {
  const parsed = tryParseMetricSelector(ctx.value);
  if ('error' in parsed) ctx.issues.push({ code: 'custom', message: parsed.error, input: ctx.value });
});

const thresholdsSchema = z.record(metricKey, thresholdList).transform((record, ctx): ThresholdSet[] => {
  const sets: ThresholdSet[] = [];
  const firstKey = new Map<string, string>();
  for (const [key, expressions] of Object.entries(record)) {
    const parsed = tryParseMetricSelector(key);
    if ('error' in parsed) continue; // reported by metricKey
    const metric = formatMetricSelector(parsed);
    const earlier = firstKey.get(metric);
    if (earlier !== undefined) {
      ctx.addIssue({ code: 'custom', path: [key], message: `the same metric as "${earlier}" — put all its thresholds in one list`, input: key });
      continue;
    }
    firstKey.set(metric, key);
    sets.push({ metric, expressions });
  }
  return sets;
});

const regressionSchema = z.strictObject({
  latency: z.strictObject({ maxIncrease: fraction({ min: 0, minExclusive: true }, '20%').optional(), statistics: latencyStatistics().optional() }).optional(),
  throughput: z.strictObject({ maxDecrease: fraction({ min: 0, minExclusive: true, max: 1 }, '15%').optional() }).optional(),
  errorRate: z
    .strictObject({
      maxIncrease: fraction({ min: 0, minExclusive: true }, '50%').optional(),
      absoluteFloor: fraction({ min: 0, max: 1 }, '0.1%').optional(),
    })
    .optional(),
  failureSignatures: z
    .strictObject({
      warnCount: wholeNumber({ min: 1 }).optional(),
      failCount: wholeNumber({ min: 1 }).optional(),
      failRate: fraction({ min: 0, max: 1 }, '1%').optional(),
    })
    .optional(),
  memory: z.strictObject({ maxIncrease: fraction({ min: 0, minExclusive: true }, '25%').optional() }).optional(),
});

const enduranceSchema = z.strictObject({
  memoryGrowth: fraction({ min: 0, minExclusive: true }, '5%').optional(),
  degradation: fraction({ min: 0, minExclusive: true }, '10%').optional(),
  leak: z.boolean().optional(),
  warmupSeconds: seconds({ min: 0 }).optional(),
});

const workloadOverrideSchema = z.strictObject({
  connections: wholeNumber({ min: 1 }).optional(),
  arrivalRate: wholeNumber({ min: 1 }).optional(),
  duration: seconds({ min: 0 }).optional(),
  rampUp: seconds({ min: 0 }).optional(),
});

const sequentialSchema = z
  .strictObject({
    // Below 4 s a look would see a second of data: nothing the gate could judge.
    duration: seconds({ min: 4 }),
    maxDuration: seconds({ min: 4 }).optional(),
    lookEvery: seconds({ min: 1 }).optional(),
  })
  .check((ctx) => {
    const { duration, maxDuration, lookEvery } = ctx.value;
    if (maxDuration !== undefined && maxDuration < duration) {
      ctx.issues.push({ code: 'custom', path: ['maxDuration'], message: `must be at least the planned duration (${duration} s), got ${maxDuration} s: it is how long the stage may run on when the answer is still open`, input: maxDuration });
    }
    if (lookEvery !== undefined && lookEvery > duration) {
      ctx.issues.push({ code: 'custom', path: ['lookEvery'], message: `must be at most the planned duration (${duration} s), got ${lookEvery} s: a look after the planned end is no earlier stop`, input: lookEvery });
    }
  });

const stageSchema = z.strictObject({
  extends: nonEmptyText('a stage name').optional(),
  thresholds: thresholdsSchema.optional(),
  regression: regressionSchema.optional(),
  endurance: enduranceSchema.optional(),
  sequential: sequentialSchema.optional(),
  workload: workloadOverrideSchema.optional(),
});

const STAGE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const stageName = z.string().check((ctx) => {
  if (!STAGE_NAME.test(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: `stage names use letters, digits, '_', '-' and '.', got ${formatValue(ctx.value)}`,
      input: ctx.value,
    });
  }
});

const configSchema = z.strictObject({
  version: z
    .literal(1, { error: (iss) => `this perf-gate reads config version 1, got ${formatValue(iss.input)} — write 'version: 1'` })
    .default(CONFIG_DEFAULTS.version),
  groupBy: textList('a tag name', 'tag names').default([...CONFIG_DEFAULTS.groupBy]),
  window: windowSeconds().default(CONFIG_DEFAULTS.window),
  maxScopes: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.maxScopes),
  alpha: fraction({ min: 0, minExclusive: true, max: 1, maxExclusive: true }, '5%').default(CONFIG_DEFAULTS.alpha),
  multipleComparisons: z.enum(['holm', 'bh', 'none']).default(CONFIG_DEFAULTS.multipleComparisons),
  limitConfidence: fraction({ min: 0.5, max: 1, maxExclusive: true }, '70%').default(CONFIG_DEFAULTS.limitConfidence),
  runToRunNoise: fraction({ min: 0 }, '3%').default(CONFIG_DEFAULTS.runToRunNoise),
  runToRunNoiseMs: milliseconds({ min: 0 }).default(CONFIG_DEFAULTS.runToRunNoiseMs),
  tailShapeNoise: fraction({ min: 0 }, '1.5%').default(CONFIG_DEFAULTS.tailShapeNoise),
  minSamples: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.minSamples),
  coverage: z
    .strictObject({ missing: z.enum(['warn', 'fail', 'ignore']).default(CONFIG_DEFAULTS.coverage.missing) })
    .default({ ...CONFIG_DEFAULTS.coverage }),
  noiseLearning: z
    .strictObject({
      enabled: z.boolean().default(CONFIG_DEFAULTS.noiseLearning.enabled),
      priorRuns: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.noiseLearning.priorRuns),
    })
    .default({ ...CONFIG_DEFAULTS.noiseLearning }),
  baselineRuns: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.baselineRuns),
  latencyMetric: metricSelectorText().optional(),
  acceptLabel: nonEmptyText('a label name').default(CONFIG_DEFAULTS.acceptLabel),
  workload: WorkloadSchema.optional(),
  // `stages:` or `smoke:` with nothing under them (YAML null) mean "no changes".
  stages: z.preprocess((v) => (v === null ? {} : v), z.record(stageName, z.preprocess((v) => (v === null ? {} : v), stageSchema))).default({}),
});

/** The result of {@link validateConfig}. */
export type ConfigValidation = { ok: true; config: PerfGateConfig } | { ok: false; issues: ConfigIssue[] };

/**
 * Checks what a user wrote (the parsed YAML/JSON) and converts it into a {@link PerfGateConfig}. An empty
 * document (`null`, `undefined`) is the default config. Collects every problem, including cross-stage
 * ones (`extends` naming an unknown stage, or a cycle).
 *
 * @example validateConfig({ stages: { smoke: { regresion: {} } } })
 *   // { ok: false, issues: [{ path: ['stages', 'smoke', 'regresion'], message: "unknown key — did you mean 'regression'?" }] }
 */
export function validateConfig(raw: unknown): ConfigValidation {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ path: [], message: `expected a mapping of perf-gate settings (version, groupBy, stages, …), got ${formatValue(input)}` }],
    };
  }
  const result = configSchema.safeParse(input, { error: configErrorMap });
  const issues = [...(result.success ? [] : toConfigIssues(result.error.issues)), ...extendsIssues(input)];
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  return { ok: true, config: result.data };
}

/**
 * {@link validateConfig}, throwing on problems.
 *
 * @param file names the source in the error lines, e.g. `perf-gate.yml`.
 * @throws {ConfigError} listing every problem, one line each.
 */
export function parseConfig(raw: unknown, file?: string): PerfGateConfig {
  const result = validateConfig(raw);
  if (!result.ok) throw ConfigError.fromIssues(result.issues, file);
  return result.config;
}

/** The default config: what an absent or empty `perf-gate.yml` means. */
export function defaultConfig(): PerfGateConfig {
  return parseConfig({});
}

/** Stages `extends` may name: the presets, then the config's own stages. */
export function stageNames(stages: Readonly<Record<string, unknown>>): string[] {
  return [...PRESET_NAMES, ...Object.keys(stages).filter((name) => !isPresetName(name))];
}

/** `extends` must name a known stage and must not loop. Works on the raw input, so it runs even when other fields are wrong. */
function extendsIssues(input: object): ConfigIssue[] {
  const stages: unknown = (input as { stages?: unknown }).stages;
  if (typeof stages !== 'object' || stages === null || Array.isArray(stages)) return [];
  const record = stages as Record<string, unknown>;
  const known = stageNames(record);
  const parentOf = (name: string): string | undefined => {
    const stage = record[name];
    if (typeof stage !== 'object' || stage === null) return undefined;
    const parent = (stage as { extends?: unknown }).extends;
    return typeof parent === 'string' ? parent : undefined;
  };

  const issues: ConfigIssue[] = [];
  const reportedCycle = new Set<string>();
  for (const name of Object.keys(record)) {
    const parent = parentOf(name);
    if (parent === undefined) continue;
    if (!known.includes(parent)) {
      const suggestion = didYouMean(parent, known);
      issues.push({
        path: ['stages', name, 'extends'],
        message: `unknown stage '${parent}'${suggestion === undefined ? '.' : ` — did you mean '${suggestion}'?`} Known stages: ${listNames(known, 'and')}`,
      });
      continue;
    }
    const chain = [name];
    for (let next: string | undefined = parent; next !== undefined; next = parentOf(next)) {
      if (next === name) {
        if (!chain.some((member) => reportedCycle.has(member))) {
          chain.forEach((member) => reportedCycle.add(member));
          issues.push({
            path: ['stages', name, 'extends'],
            message: `'${name}' extends itself (${[...chain, name].join(' → ')}) — remove one 'extends' to break the cycle`,
          });
        }
        break;
      }
      if (chain.includes(next)) break; // a cycle further up; reported from one of its members
      chain.push(next);
    }
  }
  return issues;
}

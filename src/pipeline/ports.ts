/**
 * The ports of the stage pipeline (run-pipeline.ts): what it asks of the world, as small interfaces. The
 * Action, the CLI and the demo each plug in adapters — k6 or the embedded engine, a Prometheus page or a
 * command for memory, the baseline branch, a file or nothing — and tests plug in fakes. Types only.
 */
import type { PerfGateConfig } from '../config/schema.js';
import type { StagePolicy } from '../config/policy.js';
import type { ThresholdExpression } from '../config/threshold.js';
import type { MemorySample, RunDocument, ShardRecord } from '../document/run-document.js';
import type { HistoryEntry } from '../document/history-entry.js';
import type { ShardFigures } from '../document/shard-figures.js';
import type { IngestOptions } from '../ingest/index.js';
import type { ProgressSnapshot } from '../engine/live-progress.js';

/** Where log lines go: `@actions/core` in the Action, stderr in the CLI, a recorder in tests. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** The figures of each progress line while a load runs, for a live view (`perf-gate run --serve`). */
  progress?(snapshot: ProgressSnapshot): void;
  /** Runs `fn` under a heading (`core.group` in the Action); without it, `fn` runs as is. */
  group?<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** What time it is: when a stage's load ended (the rollback clock) and when the report was made. */
export interface Clock {
  now(): Date;
}

/** One stage's load, as the pipeline asks an engine for it. */
export interface StageLoad {
  readonly stage: string;
  /** The stage's policy: how the engine's own output is grouped (`groupBy`), if it builds a document. */
  readonly policy: StagePolicy;
  /** A folder for the engine's files (k6's NDJSON and `--summary-export`), named after the stage. */
  readonly workDir: string;
  /** Aborting it stops the load gracefully; what ran is still returned (`cancelled: true`). */
  readonly signal: AbortSignal;
  readonly log: Log;
  /**
   * How the pipeline reads the engine's output files (`ingestFiles`' options, stage-ingest.ts): an engine
   * that builds the run document while the load runs (k6's live output) builds it with these, so the
   * document is the one the files would give. Absent: such an engine hands over files instead.
   */
  readonly ingest?: IngestOptions;
  /**
   * Looks at the run while the load runs (a sequential stage, pipeline/sequential-watch.ts). An engine that
   * can build the run so far (k6's live output) calls `look` at each of `atSeconds` and stops the load
   * gracefully when it answers true; one that cannot runs the load as it is and says so (`LoadOutput.watch`).
   */
  readonly watch?: LoadWatch;
}

/** How a sequential stage looks at its load while it runs. */
export interface LoadWatch {
  /** When to look, in seconds since the load started, ascending. */
  readonly atSeconds: readonly number[];
  /** The longest the load may run (seconds): the script is told so (`PERF_GATE_STAGE_DURATION`), and stopped at it. */
  readonly maxSeconds: number;
  /** Judges the run so far; true stops the load now. A rejection is a bug of the caller: the load then runs on. */
  look(run: RunDocument, atSeconds: number): boolean | Promise<boolean>;
}

/** A script's own threshold (k6 `options.thresholds`), judged like the config's SLOs. */
export interface ScriptThreshold {
  readonly metric: string;
  readonly expressions: readonly ThresholdExpression[];
}

/** What a load engine measured in a stage. */
export interface LoadOutput {
  /**
   * The tool's output files for the pipeline to ingest (shards of one run: k6 `--out json`), or a run
   * document the engine built itself (the embedded engine).
   */
  readonly measured: { readonly kind: 'files'; readonly files: readonly string[] } | { readonly kind: 'document'; readonly document: RunDocument };
  /** The tool's version, recorded as `meta.toolVersion` (an engine-built document has its own). */
  readonly toolVersion?: string;
  /** The signal fired while the load ran: the output covers the part before it. */
  readonly cancelled: boolean;
  /** Why the load ended before the stage did when something else stopped it (k6 killed): kept in the run's warnings. */
  readonly stoppedEarly?: string;
  /** Thresholds the load script declared, if the tool reports them. */
  readonly scriptThresholds: readonly ScriptThreshold[];
  /** Lines for the stage's report (`k6 exited 99: …`). */
  readonly notes: readonly string[];
  /**
   * What became of the load's `watch`: `stopped` when a look (or the budget) stopped it, `ran` when it
   * ended on its own, `unwatched` when this engine could not look (with why). Absent: no watch was asked.
   */
  readonly watch?: { readonly kind: 'stopped' | 'ran' } | { readonly kind: 'unwatched'; readonly why: string };
  /** The load was one shard of a distributed test (`EngineSetup.shard`): recorded as `meta.shard`. */
  readonly shard?: ShardRecord;
  /** The run is the merge of a distributed test's shards: what each shard and region contributed, for the report. */
  readonly shards?: ShardFigures;
}

/** Run one shard of a distributed test (docs/distributed.md): engines that can slice their load take it. */
export interface ShardSetup {
  /** `i/N`. */
  readonly spec: string;
  /** k6's `--execution-segment-sequence` for unequal shards; default N equal segments. */
  readonly sequence?: string;
  /** ISO 8601: the wall-clock time every shard waits for before its load starts. */
  readonly startAt?: string;
  /** The shard's region, recorded and given to k6 as `--tag region=…`. */
  readonly region?: string;
}

/**
 * A load tool behind the pipeline: k6, the embedded engine, JMeter, later Artillery.
 *
 * @throws LoadFailedError (engine/load-failed.ts) when the tool failed and measured nothing usable.
 */
export interface LoadEngine {
  /** The tool, as `meta.tool` names it: `k6`, `embedded`, `jmeter`. */
  readonly name: string;
  run(load: StageLoad): Promise<LoadOutput>;
}

/** What the caller knows about the load it wants run; each engine takes what it needs. */
export interface EngineSetup {
  readonly config: PerfGateConfig;
  readonly stages: readonly string[];
  /** The load script, for engines that run one (k6; Artillery's YAML). */
  readonly script?: string;
  /** The JMeter test plan (`.jmx`), for the jmeter engine (engine/jmeter/). */
  readonly plan?: string;
  /** The system under test: `BASE_URL` for a script, `baseUrl` of the embedded workload. */
  readonly targetUrl?: string;
  /** Variables for the script (`-e NAME=value`); the memory command gets them too. */
  readonly env: Readonly<Record<string, string>>;
  /** The tool's own extra flags, already split. */
  readonly flags: readonly string[];
  /** Values that must not reach a child process (the github-token). */
  readonly secrets: readonly string[];
  /** What a child's environment is built from (`childEnv`): `process.env`, or the Action's `io.env`. */
  readonly processEnv: NodeJS.ProcessEnv;
  /**
   * How k6 hands over its output: `live` (default) through a FIFO read while k6 runs, nothing on disk;
   * `file`, a `<stage>.ndjson` read after k6 exits (also the fallback where no FIFO can be made).
   */
  readonly k6Output?: 'live' | 'file';
  /** Milliseconds between progress lines while a load runs (default 15 000; `--serve` asks for 2 000). */
  readonly progressIntervalMs?: number;
  /** A copy of k6's raw NDJSON per stage (`{stage}` in it is the stage's name), gzipped for a `.gz` name; none by default. */
  readonly rawOutput?: string;
  /** Run one shard of a distributed test; engines that cannot slice their load refuse it. */
  readonly shard?: ShardSetup;
  /** Executables the caller installed, by engine name (the Action's `ensureK6`); others are looked up on PATH. */
  readonly installed?: Readonly<Record<string, { readonly path: string; readonly version: string }>>;
  /**
   * How the caller names its settings in messages: `--script` or `'script'`, `--target-url` or
   * `'target-url'`, the config file; `--plan` or `'plan'` and the extra flags (`'jmeter-flags'`) when the
   * caller has them (default `--plan`, `the extra flags`).
   */
  readonly names: { readonly script: string; readonly targetUrl: string; readonly config: string; readonly plan?: string; readonly flags?: string };
}

/** Whether an engine can run here, and the engine when it can. */
export type EnginePreparation =
  | { readonly ready: true; readonly engine: LoadEngine; readonly why: string }
  | { readonly ready: false; readonly why: string; readonly fix: string };

/**
 * One entry of the load-engine registry (pipeline/engines.ts): its name and how to get it ready.
 * `prepare` runs once, before any load: it finds the tool and checks every stage's input, throwing a
 * user's error (a ConfigError naming the key) for input that cannot run.
 */
export interface LoadEngineEntry {
  readonly name: string;
  prepare(setup: EngineSetup): Promise<EnginePreparation>;
}

/** A source of the service's memory while a stage runs. */
export interface MemorySampler {
  /** Names the source in the run document (`memory.source`). */
  readonly source: string;
  /** Starts sampling as the stage's load starts. */
  start(stage: string): MemorySampling;
}

export interface MemorySampling {
  /**
   * Ends sampling and returns the samples. `window` is when the stage's load ran (a query of a past
   * window needs it); without it (the load failed) a sampler returns what it has and asks nothing more.
   */
  stop(window?: { readonly startMs: number; readonly endMs: number }): Promise<MemorySample[]>;
}

/** A stage's stored baseline and the history of earlier runs (empty for a first run). */
export interface StoredBaseline {
  readonly baseline?: RunDocument;
  readonly history: readonly HistoryEntry[];
}

/** What became of a baseline write, with the line to log. */
export type BaselineWrite =
  /** The run is the stage's baseline now; or a newer stored one was kept. */
  | { readonly status: 'written' | 'kept'; readonly message: string }
  /** Not written, and no later stage can be either (no permission): stop writing. */
  | { readonly status: 'refused'; readonly message: string }
  /** Not written; the stored baseline is unchanged. */
  | { readonly status: 'failed'; readonly message: string };

/** Where baselines are kept: the GitHub branch, a file, or nowhere. */
export interface BaselineStore {
  /**
   * @throws Error whose message says what could not be read (the pipeline then judges without a baseline).
   */
  read(stage: string): Promise<StoredBaseline>;
  write(stage: string, run: RunDocument): Promise<BaselineWrite>;
}

import { checkRemoteWriteUrl, type RemoteWriteAuth } from '../pipeline/prometheus-push.js';
import { z } from 'zod';
import type { FailOn } from '../gate/should-fail.js';
import { abSettings } from '../ab/ab-settings.js';
import { shardPlan, ShardSpecError, startAtWait } from '../engine/k6-shard.js';
import { engineForInputs, LOAD_ENGINE_NAMES, type LoadEngineName } from '../pipeline/engines.js';
import type { ShardSetup } from '../pipeline/ports.js';
import { parseStageList } from '../pipeline/stage-list.js';
import { reservedFlagProblems } from '../engine/jmeter/jmeter-args.js';
import { DEFAULT_START_TOLERANCE_S } from '../document/shard-check.js';

/**
 * Every input of the Action, parsed and cross-checked in one place into one typed value. Errors name the
 * input and echo the value: `'fail-on' must be one of fail, warn, never — got 'error'`.
 */
export interface ActionInputs {
  /** The load engine: `k6` (default), `jmeter` (default when only 'plan' is given), or another of the registry. */
  readonly engine: LoadEngineName;
  /** The load script: k6's JavaScript (required with engine k6) or Artillery's YAML. */
  readonly script?: string;
  /** The JMeter test plan (.jmx), for engine jmeter. */
  readonly plan?: string;
  /** Extra flags for `jmeter` (engine jmeter), already split. */
  readonly jmeterFlags: readonly string[];
  readonly stages: readonly string[];
  readonly config?: string;
  readonly targetUrl?: string;
  /** A/B mode: the baseline service, and the rounds to run against it and targetUrl. */
  readonly ab?: { readonly baselineUrl: string; readonly pairs: number; readonly roundDurationS: number };
  readonly k6Flags: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly k6Version: string;
  readonly baseline: BaselineSource;
  readonly updateBaseline: 'auto' | 'always' | 'never';
  readonly memorySource?: MemorySource;
  readonly comment: 'always' | 'on-change' | 'never';
  readonly jobSummary: boolean;
  readonly failOn: FailOn;
  readonly githubToken: string;
  readonly rollback?: Rollback;
  readonly acceptLabel?: string;
  /** How k6 hands over its output: live through a FIFO (default), or a file read after k6 exits. */
  readonly k6Output: 'live' | 'file';
  /** A copy of k6's raw NDJSON per stage (`{stage}` replaced), gzipped for `.gz`; none by default. */
  readonly rawOutput?: string;
  /** `shard` (`i/N`) with `segment-sequence`, `start-at`, `region`: one shard of a distributed test (docs/distributed.md). */
  readonly shard?: ShardSetup;
  /**
   * Merge mode (`shards`, the merge/ sub-action): the folder of the shard jobs' run documents, merged and
   * judged instead of a load. `stages` is then empty when the input was not set: the folder's stages.
   */
  readonly merge?: { readonly dir: string; readonly allowMissingShards: boolean; readonly startToleranceSeconds: number };
  /** `max-duration`: the sequential stages' budget (a duration), checked against the stages once they are planned. */
  readonly maxDuration?: string;
  /** `open-issue`: on the default branch, one GitHub issue per stage and endpoint that regressed, closed when it returns. */
  readonly openIssue: boolean;
  /** `notify-webhook`: a Slack-compatible incoming webhook told of a failing run on the default branch (a secret). */
  readonly notifyWebhook?: string;
  /** `prometheus-remote-write-url` and its credentials: the judged run pushed to Prometheus (docs/prometheus.md). */
  readonly prometheus?: { readonly url: string; readonly auth: RemoteWriteAuth };
}

export type BaselineSource = { readonly kind: 'branch'; readonly branch: string } | { readonly kind: 'file'; readonly path: string } | { readonly kind: 'none' };

export type MemorySource =
  | { readonly kind: 'prometheus-endpoint'; readonly url: string }
  | { readonly kind: 'prometheus-query'; readonly url: string; readonly query: string }
  | { readonly kind: 'command'; readonly command: string };

export type Rollback =
  | { readonly kind: 'workflow'; readonly workflow: string; readonly ref?: string; readonly inputs: Readonly<Record<string, string>> }
  | { readonly kind: 'repository-dispatch'; readonly eventType: string };

export class InputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} problems with the inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const DEFAULT_BASELINE_BRANCH = 'perf-gate-baselines';

/**
 * @param getInput returns the raw input ('' when not set), as `@actions/core.getInput` does.
 * @param splitArgs splits `k6-flags` and `jmeter-flags` like a shell would (from the k6 runner).
 * @throws InputError listing every problem at once.
 */
export function parseInputs(getInput: (name: string) => string, splitArgs: (s: string) => string[], defaultK6Version: string): ActionInputs {
  const problems: string[] = [];
  const raw = (name: string): string => getInput(name).trim();
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = raw(name);
    if (v === '') return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`'${name}' must be one of ${allowed.join(', ')} — got '${v}'`);
    return fallback;
  };

  const script = raw('script') || undefined;
  const plan = raw('plan') || undefined;
  const engine = parseEngine(raw('engine'), script, plan, problems);
  const merge = parseMerge(raw, problems);
  if (script === undefined && SCRIPT_ENGINES.includes(engine) && !merge) {
    problems.push(engine === 'k6' ? "'script' is required: the k6 script to run, e.g. 'perf/script.js' (or 'plan' with a JMeter test plan)" : `'script' is required with engine ${engine}: the test script to run`);
  }
  if (plan === undefined && engine === 'jmeter') problems.push("'plan' is required with engine jmeter: the JMeter test plan to run, e.g. 'perf/plan.jmx'");
  if (plan !== undefined && engine !== 'jmeter') problems.push(`'plan' is a JMeter test plan, but 'engine' is ${engine} — set 'engine: jmeter', or leave out 'plan'`);

  // Merge mode without 'stages' judges every stage the shards wrote.
  const { stages, problems: stageProblems } = merge && raw('stages') === '' ? { stages: [], problems: [] } : parseStageList(raw('stages') || 'smoke', "'stages'");
  problems.push(...stageProblems);

  const targetUrl = raw('target-url') || undefined;
  if (targetUrl !== undefined && !isHttpUrl(targetUrl)) problems.push(`'target-url' must be an http(s) URL — got '${targetUrl}'`);

  const ab = parseAb(raw, targetUrl, problems);

  let k6Flags: string[] = [];
  try {
    k6Flags = splitArgs(raw('k6-flags'));
  } catch (err) {
    problems.push(`'k6-flags': ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const f of k6Flags) {
    if (/^--out(=|$)|^-o$/.test(f)) problems.push(`'k6-flags' must not set --out: perf-gate adds its own --out json=… (got '${f}')`);
  }
  if (k6Flags.length > 0 && engine !== 'k6') problems.push(`'k6-flags' go to k6, but 'engine' is ${engine} — got '${raw('k6-flags')}'`);

  let jmeterFlags: string[] = [];
  try {
    jmeterFlags = splitArgs(raw('jmeter-flags'));
  } catch (err) {
    problems.push(`'jmeter-flags': ${err instanceof Error ? err.message : String(err)}`);
  }
  problems.push(...reservedFlagProblems(jmeterFlags, "'jmeter-flags'"));
  if (jmeterFlags.length > 0 && engine !== 'jmeter') problems.push(`'jmeter-flags' go to JMeter, but 'engine' is ${engine} — got '${raw('jmeter-flags')}'`);

  const env = parseEnv(raw('env'), problems);

  const k6Version = (raw('k6-version') || defaultK6Version).replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(k6Version)) problems.push(`'k6-version' must be an exact version like '${defaultK6Version}' (no 'latest': an unpinned k6 can change under you) — got '${raw('k6-version')}'`);

  const baseline = parseBaseline(raw('baseline'), problems);
  const updateBaseline = choice('update-baseline', ['auto', 'always', 'never'] as const, 'auto');
  if (baseline.kind === 'none' && raw('update-baseline') === 'always') problems.push("'update-baseline' is 'always' but 'baseline' is 'none': there is nowhere to write it");

  const memorySource = parseMemorySource(raw('memory-source'), problems);
  const comment = choice('comment', ['always', 'on-change', 'never'] as const, 'always');
  const jobSummary = parseBoolean('job-summary', raw('job-summary'), true, problems);
  const failOn = choice('fail-on', ['fail', 'warn', 'never'] as const, 'fail');
  const githubToken = raw('github-token');
  const rollback = parseRollback(raw, problems);
  const acceptLabel = raw('accept-label') || undefined;
  const k6Output = choice('k6-output', ['live', 'file'] as const, 'live');
  const rawOutput = raw('raw-output') || undefined;
  if (rawOutput !== undefined && stages.length > 1 && !rawOutput.includes('{stage}')) {
    problems.push(`'raw-output' is written by each of the ${stages.length} stages: put {stage} in it, e.g. 'perf/{stage}.ndjson.gz' — got '${rawOutput}'`);
  }

  const shard = parseShard(raw, { engine, ab: ab !== undefined }, problems);
  const openIssue = parseBoolean('open-issue', raw('open-issue'), false, problems);
  const prometheus = parsePrometheus(raw, problems);
  const notifyWebhook = raw('notify-webhook') || undefined;
  if (notifyWebhook !== undefined && !/^https?:\/\/[^\s/]+/.test(notifyWebhook)) problems.push("'notify-webhook' must be an http(s) URL (a Slack-compatible incoming webhook), but it is not (the value is a secret and not shown)");

  if (problems.length > 0) throw new InputError(problems);
  return {
    ...(shard ? { shard } : {}),
    ...(merge ? { merge } : {}),
    ...(raw('max-duration') !== '' ? { maxDuration: raw('max-duration') } : {}),
    engine,
    ...(script !== undefined ? { script } : {}),
    ...(plan !== undefined ? { plan } : {}),
    jmeterFlags,
    stages,
    ...(raw('config') ? { config: raw('config') } : {}),
    ...(targetUrl ? { targetUrl } : {}),
    ...(ab ? { ab } : {}),
    k6Flags,
    env,
    k6Version,
    baseline,
    updateBaseline,
    ...(memorySource ? { memorySource } : {}),
    comment,
    jobSummary,
    failOn,
    githubToken,
    ...(rollback ? { rollback } : {}),
    ...(acceptLabel ? { acceptLabel } : {}),
    k6Output,
    ...(rawOutput ? { rawOutput } : {}),
    openIssue,
    ...(notifyWebhook ? { notifyWebhook } : {}),
    ...(prometheus ? { prometheus } : {}),
  };
}

/** `prometheus-remote-write-url` with a bearer token or a user name and password (not both), checked before any load. */
function parsePrometheus(raw: (name: string) => string, problems: string[]): ActionInputs['prometheus'] {
  const url = raw('prometheus-remote-write-url');
  const token = raw('prometheus-bearer-token');
  const username = raw('prometheus-username');
  const password = raw('prometheus-password');
  if (url === '') {
    if (token !== '' || username !== '' || password !== '') problems.push("'prometheus-bearer-token', 'prometheus-username' and 'prometheus-password' go with 'prometheus-remote-write-url', which is not set");
    return undefined;
  }
  try {
    checkRemoteWriteUrl(url, "'prometheus-remote-write-url'");
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    return undefined;
  }
  if (token !== '' && (username !== '' || password !== '')) problems.push("'prometheus-bearer-token' and 'prometheus-username'/'prometheus-password' cannot both be set: the receiver takes one kind of credential");
  if (password !== '' && username === '') problems.push("'prometheus-password' needs 'prometheus-username'");
  const auth: RemoteWriteAuth = token !== '' ? { kind: 'bearer', token } : username !== '' ? { kind: 'basic', username, password } : { kind: 'none' };
  return { url, auth };
}

/**
 * `shard`, `segment-sequence`, `start-at` and `region`: one shard of a distributed test, checked before
 * any load (k6 only: the slice is k6's execution segment). The others without `shard` are a mistake.
 */
function parseShard(raw: (name: string) => string, context: { engine: LoadEngineName; ab: boolean }, problems: string[]): ShardSetup | undefined {
  const spec = raw('shard');
  const sequence = raw('segment-sequence');
  const startAt = raw('start-at');
  const region = raw('region');
  if (spec === '') {
    const stray = (['segment-sequence', 'start-at', 'region'] as const).filter((name) => raw(name) !== '');
    if (stray.length > 0) problems.push(`${stray.map((n) => `'${n}'`).join(', ')} ${stray.length === 1 ? 'belongs' : 'belong'} to a shard: set 'shard' (i/N) too`);
    return undefined;
  }
  if (context.engine !== 'k6') problems.push(`'shard' runs a slice of a k6 test with k6's execution segments, but 'engine' is ${context.engine}`);
  if (context.ab) problems.push("'shard' and 'baseline-url' cannot be combined: A/B rounds run in one job, shards in many");
  try {
    shardPlan(spec, sequence === '' ? undefined : sequence, { shard: "'shard'", sequence: "'segment-sequence'" });
  } catch (err) {
    if (!(err instanceof ShardSpecError)) throw err;
    problems.push(err.message);
  }
  if (startAt !== '') {
    const wait = startAtWait(startAt, new Date(), "'start-at'");
    if ('problem' in wait) problems.push(wait.problem);
  }
  return { spec, ...(sequence !== '' ? { sequence } : {}), ...(startAt !== '' ? { startAt } : {}), ...(region !== '' ? { region } : {}) };
}

/** Inputs that drive a load, which merge mode does not run: set there, they would be silently ignored. */
const LOAD_INPUTS = ['script', 'plan', 'engine', 'shard', 'segment-sequence', 'start-at', 'region', 'baseline-url', 'k6-flags', 'jmeter-flags', 'memory-source', 'raw-output', 'env', 'target-url', 'max-duration'] as const;

/**
 * `shards` with `allow-missing-shards` and `start-tolerance`: merge mode, where the shard jobs' documents
 * are merged and judged instead of a load (docs/distributed.md). Inputs of a load are refused beside it.
 */
function parseMerge(raw: (name: string) => string, problems: string[]): ActionInputs['merge'] {
  const dir = raw('shards');
  const allow = raw('allow-missing-shards');
  const tolerance = raw('start-tolerance');
  if (dir === '') {
    const stray = (['allow-missing-shards', 'start-tolerance'] as const).filter((name) => raw(name) !== '');
    if (stray.length > 0) problems.push(`${stray.map((n) => `'${n}'`).join(', ')} ${stray.length === 1 ? 'belongs' : 'belong'} to merge mode: set 'shards' (the folder of the shard documents) too`);
    return undefined;
  }
  const load = LOAD_INPUTS.filter((name) => raw(name) !== '');
  if (load.length > 0) problems.push(`'shards' merges and judges the shard jobs' run documents and runs no load, so ${load.map((n) => `'${n}'`).join(', ')} would do nothing — leave ${load.length === 1 ? 'it' : 'them'} to the shard jobs`);
  const startToleranceSeconds = tolerance === '' ? DEFAULT_START_TOLERANCE_S : Number(tolerance);
  if (!Number.isFinite(startToleranceSeconds) || startToleranceSeconds < 0) problems.push(`'start-tolerance' must be a number of seconds ≥ 0 — got '${tolerance}'`);
  return { dir, allowMissingShards: parseBoolean('allow-missing-shards', allow, false, problems), startToleranceSeconds };
}

/** The engines whose input is 'script' (k6's JavaScript, Artillery's YAML). */
const SCRIPT_ENGINES: readonly string[] = ['k6', 'artillery'];

/**
 * `engine`: one of the registry's names; when not set, what the inputs name (jmeter for a 'plan' without a
 * 'script', artillery for a YAML 'script': engineForInputs), else k6 (the Action installs k6 itself, so
 * there is no `auto` to try engines in turn).
 */
function parseEngine(value: string, script: string | undefined, plan: string | undefined, problems: string[]): LoadEngineName {
  if (value === '') {
    const named = engineForInputs('auto', { plan, script });
    return named === 'auto' ? 'k6' : (named as LoadEngineName);
  }
  if ((LOAD_ENGINE_NAMES as readonly string[]).includes(value)) return value as LoadEngineName;
  problems.push(`'engine' must be one of ${LOAD_ENGINE_NAMES.join(', ')} — got '${value}'`);
  return 'k6';
}

/** `baseline-url`, `rounds` and `round-duration`: A/B mode when a baseline URL is given. */
function parseAb(raw: (name: string) => string, targetUrl: string | undefined, problems: string[]): ActionInputs['ab'] {
  const baselineUrl = raw('baseline-url');
  if (baselineUrl === '') return undefined;
  const before = problems.length;
  if (!isHttpUrl(baselineUrl)) problems.push(`'baseline-url' must be an http(s) URL — got '${baselineUrl}'`);
  if (targetUrl === undefined) problems.push("'baseline-url' needs 'target-url': A/B mode loads the baseline service and the candidate at 'target-url' in alternating rounds");
  const settings = abSettings(raw('rounds') || 'auto', raw('round-duration') || '20s', { rounds: "'rounds'", roundDuration: "'round-duration'" });
  if ('problems' in settings) problems.push(...settings.problems);
  return problems.length > before || 'problems' in settings ? undefined : { baselineUrl, ...settings };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function parseEnv(value: string, problems: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of value.split(/\r?\n/)) {
    const pair = line.trim();
    if (pair === '' || pair.startsWith('#')) continue;
    const i = pair.indexOf('=');
    const key = i > 0 ? pair.slice(0, i).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      problems.push(`'env' expects one KEY=value per line — got '${pair}'`);
      continue;
    }
    out[key] = pair.slice(i + 1);
  }
  return out;
}

function parseBoolean(name: string, value: string, fallback: boolean, problems: string[]): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  problems.push(`'${name}' must be true or false — got '${value}'`);
  return fallback;
}

function parseBaseline(value: string, problems: string[]): BaselineSource {
  if (value === '' || value === 'branch') return { kind: 'branch', branch: DEFAULT_BASELINE_BRANCH };
  if (value === 'none') return { kind: 'none' };
  if (value.startsWith('branch:')) {
    const branch = value.slice('branch:'.length).trim();
    if (/^[\w./-]+$/.test(branch) && !branch.includes('..')) return { kind: 'branch', branch };
    problems.push(`'baseline': '${branch}' is not a branch name`);
    return { kind: 'none' };
  }
  if (value.startsWith('file:')) {
    const path = value.slice('file:'.length).trim();
    if (path !== '') return { kind: 'file', path };
  }
  problems.push(`'baseline' must be 'branch' (default, the ${DEFAULT_BASELINE_BRANCH} branch), 'branch:<name>', 'file:<path>' or 'none' — got '${value}'`);
  return { kind: 'none' };
}

function parseMemorySource(value: string, problems: string[]): MemorySource | undefined {
  if (value === '') return undefined;
  const colon = value.indexOf(':');
  const kind = colon > 0 ? value.slice(0, colon) : value;
  const rest = colon > 0 ? value.slice(colon + 1).trim() : '';
  switch (kind) {
    case 'prometheus-endpoint':
      if (isHttpUrl(rest)) return { kind, url: rest };
      problems.push(`'memory-source': prometheus-endpoint needs the URL of a /metrics page — got '${rest}'`);
      return undefined;
    case 'prometheus-query': {
      const bar = rest.indexOf('|');
      const url = bar > 0 ? rest.slice(0, bar).trim() : rest;
      const query = bar > 0 ? rest.slice(bar + 1).trim() : 'process_resident_memory_bytes';
      if (isHttpUrl(url) && query !== '') return { kind, url, query };
      problems.push(`'memory-source': prometheus-query is '<prometheus base URL>|<promql>' — got '${rest}'`);
      return undefined;
    }
    case 'command':
      if (rest !== '') return { kind, command: rest };
      problems.push("'memory-source': command: needs a command that prints the resident memory in bytes");
      return undefined;
    default:
      problems.push(`'memory-source' must be 'prometheus-endpoint:<url>', 'prometheus-query:<url>|<promql>' or 'command:<cmd>' — got '${value}'`);
      return undefined;
  }
}

const RollbackInputsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

function parseRollback(raw: (name: string) => string, problems: string[]): Rollback | undefined {
  const workflow = raw('rollback-workflow');
  const event = raw('rollback-event');
  const ref = raw('rollback-ref');
  const inputsText = raw('rollback-inputs');
  if (workflow !== '' && event !== '') {
    problems.push(`set one of 'rollback-workflow' and 'rollback-event', not both — got '${workflow}' and '${event}'`);
    return undefined;
  }
  if (workflow === '' && (ref !== '' || inputsText !== '')) {
    problems.push(`'rollback-ref' and 'rollback-inputs' go with 'rollback-workflow', which is not set`);
    return undefined;
  }
  if (event !== '') {
    if (/^[\w.:-]{1,100}$/.test(event)) return { kind: 'repository-dispatch', eventType: event };
    problems.push(`'rollback-event' must be a repository_dispatch type (letters, digits, '.', ':', '-', '_') — got '${event}'`);
    return undefined;
  }
  if (workflow === '') return undefined;
  let inputs: Record<string, string> = {};
  if (inputsText !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(inputsText);
    } catch (err) {
      problems.push(`'rollback-inputs' must be a JSON object — ${err instanceof Error ? err.message : String(err)}: '${inputsText}'`);
      return undefined;
    }
    const r = RollbackInputsSchema.safeParse(parsed);
    if (!r.success) {
      problems.push(`'rollback-inputs' must be a JSON object of strings, numbers or booleans — got '${inputsText}'`);
      return undefined;
    }
    inputs = Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, String(v)]));
  }
  return { kind: 'workflow', workflow, ...(ref ? { ref } : {}), inputs };
}

/**
 * The thresholds a k6 script declares, read with `k6 inspect` before a shard's load (docs/distributed.md).
 * A shard runs with `--no-thresholds`, and then k6 lists none of them anywhere: its NDJSON declares only
 * the base metrics' ones and `--summary-export` none at all. `k6 inspect` prints the script's consolidated
 * options (init code run, nothing loaded), thresholds included, submetrics too; the shard records them so
 * the merged run is judged on them once.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tryParseThreshold, type ThresholdObject } from '../config/threshold.js';
import { childEnv } from './child-env.js';
import { k6Variables } from './k6-run.js';

const execFileAsync = promisify(execFile);

/** How long `k6 inspect` may take: it only runs the script's init code. */
const INSPECT_TIMEOUT_MS = 60_000;

export interface InspectOptions {
  readonly k6: string;
  readonly script: string;
  readonly stage: string;
  readonly baseUrl?: string;
  readonly env: Readonly<Record<string, string>>;
  /** The user's k6 flags: the few `inspect` shares with `run` are passed on (a `--config` file can hold thresholds). */
  readonly flags: readonly string[];
  readonly secrets: readonly string[];
  readonly processEnv: NodeJS.ProcessEnv;
}

/** The script's thresholds by metric (`http_req_duration{name:GET /x}` → `['p(95)<500']`), or why they could not be read. */
export type InspectedThresholds = { readonly thresholds: Readonly<Record<string, readonly string[]>> } | { readonly problem: string };

/**
 * Runs `k6 inspect` with the stage's variables (as `k6 run` gets them) in the same withheld environment,
 * and returns the thresholds of its options.
 */
export async function inspectThresholds(options: InspectOptions): Promise<InspectedThresholds> {
  const { vars } = k6Variables(options);
  const args = ['inspect', ...[...vars].flatMap(([name, value]) => ['-e', `${name}=${value}`]), ...sharedFlags(options.flags), options.script];
  const env = childEnv({ parent: options.processEnv, secrets: options.secrets, set: Object.fromEntries(vars) }).env;
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(options.k6, args, { encoding: 'utf8', timeout: INSPECT_TIMEOUT_MS, env, maxBuffer: 16 * 1024 * 1024 }));
  } catch (err) {
    const stderr = typeof (err as { stderr?: unknown }).stderr === 'string' ? (err as { stderr: string }).stderr.trim().split('\n').slice(-3).join(' ') : '';
    return { problem: `k6 inspect ${options.script} failed${stderr ? `: ${stderr}` : `: ${err instanceof Error ? err.message : String(err)}`}` };
  }
  return thresholdsOfOptions(stdout);
}

/**
 * The thresholds of `k6 inspect`'s JSON: each metric's list of expressions, k6's object form read as its
 * `threshold` text. Pure.
 */
export function thresholdsOfOptions(json: string): InspectedThresholds {
  let options: unknown;
  try {
    options = JSON.parse(json);
  } catch {
    return { problem: `k6 inspect printed no JSON (it begins '${json.slice(0, 60)}')` };
  }
  const raw = (options as { thresholds?: unknown } | null)?.thresholds;
  if (raw === undefined || raw === null) return { thresholds: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { problem: 'k6 inspect printed thresholds that are not an object of metrics' };
  const thresholds: Record<string, string[]> = {};
  for (const [metric, list] of Object.entries(raw as Record<string, unknown>)) {
    const items = Array.isArray(list) ? list : [list];
    const sources: string[] = [];
    for (const item of items) {
      const source = typeof item === 'string' ? item : typeof (item as ThresholdObject | null)?.threshold === 'string' ? (item as ThresholdObject).threshold : undefined;
      if (source === undefined) return { problem: `k6 inspect printed a threshold of ${metric} that is neither a string nor { threshold }` };
      if ('error' in tryParseThreshold(source)) return { problem: `the script's threshold '${source}' on ${metric} is not one perf-gate can judge` };
      sources.push(source);
    }
    if (sources.length > 0) thresholds[metric] = sources;
  }
  return { thresholds };
}

/** The flags of a user's `k6 run` that `k6 inspect` takes as well and that change the options it prints. */
function sharedFlags(flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if (/^(-c|--config|--compatibility-mode|-t|--type|-e|--env)$/.test(f) && i + 1 < flags.length) out.push(f, flags[++i]!);
    else if (/^(--config|--compatibility-mode|--type|--env)=/.test(f) || f === '--include-system-env-vars') out.push(f);
  }
  return out;
}

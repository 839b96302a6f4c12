import { exec } from 'node:child_process';
import type { MemorySample } from '../document/run-document.js';
import { childEnv } from './child-env.js';

/** A sampler polling while a stage runs; `stop` ends it and returns what was measured. */
export interface RunningSampler {
  stop(): Promise<MemorySample[]>;
}

export interface SamplerLog {
  warning(message: string): void;
}

/**
 * Scrapes a Prometheus `/metrics` page every few seconds for `process_resident_memory_bytes` (and the
 * Node.js heap when exposed). A failed scrape is skipped with one warning, not fatal: memory is evidence,
 * the load test is the job.
 */
export function sampleEndpoint(url: string, log: SamplerLog, intervalMs = 2000): RunningSampler {
  return poll(async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(1000, intervalMs)) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const text = await res.text();
    const rss = metricValue(text, 'process_resident_memory_bytes');
    if (rss === undefined) throw new Error(`${url} has no process_resident_memory_bytes`);
    return { t: Date.now(), rssBytes: rss, ...processFigures(text) };
  }, log, intervalMs, `memory-source ${url}`);
}

export interface SampleCommandOptions {
  /** Time between runs; default 2000 ms. */
  readonly intervalMs?: number;
  /** What the command's environment is built from (`childEnv`): default `process.env`, without the runner's and the Action's secrets. */
  readonly processEnv?: NodeJS.ProcessEnv;
  /** Values that must not reach the command (the github-token). */
  readonly secrets?: readonly string[];
  /** Variables the command is given, as the stage's script is (`PERF_GATE_STAGE`, `BASE_URL`, the `env` input). */
  readonly set?: Readonly<Record<string, string>>;
}

/**
 * Runs a command that prints the resident memory in bytes (first number in its output), every few
 * seconds, in a shell, with the environment of `childEnv` (no runner or Action secret).
 */
export function sampleCommand(command: string, log: SamplerLog, options: SampleCommandOptions = {}): RunningSampler {
  const intervalMs = options.intervalMs ?? 2000;
  const { env } = childEnv({ parent: options.processEnv ?? process.env, ...(options.secrets ? { secrets: options.secrets } : {}), ...(options.set ? { set: options.set } : {}) });
  return poll(
    () =>
      new Promise<MemorySample>((resolve, reject) => {
        exec(command, { timeout: Math.max(1000, intervalMs), env }, (err, stdout) => {
          if (err) return reject(err);
          const m = /\d+(?:\.\d+)?(?:e\+?\d+)?/i.exec(stdout);
          if (!m) return reject(new Error(`'${command}' printed no number`));
          resolve({ t: Date.now(), rssBytes: Number(m[0]) });
        });
      }),
    log,
    intervalMs,
    `memory-source command '${command}'`,
  );
}

/**
 * Asks Prometheus for a series over a past window (`query_range`): how a deployed service is watched,
 * after the stage ends. The query should return one series of bytes (the first is used).
 */
export async function queryPrometheusRange(baseUrl: string, query: string, startMs: number, endMs: number, stepSeconds = 5): Promise<MemorySample[]> {
  const u = new URL('api/v1/query_range', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  u.searchParams.set('query', query);
  u.searchParams.set('start', (startMs / 1000).toFixed(3));
  u.searchParams.set('end', (endMs / 1000).toFixed(3));
  u.searchParams.set('step', String(stepSeconds));
  const res = await fetch(u, { signal: AbortSignal.timeout(30_000) });
  const body = (await res.json().catch(() => undefined)) as { status?: string; error?: string; data?: { result?: { values?: [number, string][] }[] } } | undefined;
  if (!res.ok || body?.status !== 'success') throw new Error(`Prometheus query_range at ${u.origin} failed: ${body?.error ?? `HTTP ${res.status}`}`);
  const series = body.data?.result?.[0]?.values ?? [];
  return series.map(([t, v]) => ({ t: Math.round(t * 1000), rssBytes: Number(v) })).filter((s) => Number.isFinite(s.rssBytes));
}

/**
 * What a scrape tells besides resident memory, from the names Prometheus clients use (prom-client's
 * default metrics for Node.js; `process_*` are the same in the Go, Java and Python clients). Absent
 * metrics are left out: a service that exposes only memory still gives memory.
 */
export function processFigures(text: string): Omit<MemorySample, 't' | 'rssBytes'> {
  const heap = metricValue(text, 'nodejs_heap_size_used_bytes');
  const cpu = metricValue(text, 'process_cpu_seconds_total');
  const gc = metricSum(text, 'nodejs_gc_duration_seconds_sum');
  const lag = metricValue(text, 'nodejs_eventloop_lag_p99_seconds');
  const fds = metricValue(text, 'process_open_fds');
  return {
    ...(heap !== undefined && heap >= 0 ? { heapUsedBytes: heap } : {}),
    ...(cpu !== undefined && cpu >= 0 ? { cpuSeconds: cpu } : {}),
    ...(gc !== undefined && gc >= 0 ? { gcSeconds: gc } : {}),
    ...(lag !== undefined && lag >= 0 ? { eventLoopLagP99Seconds: lag } : {}),
    ...(fds !== undefined && fds >= 0 ? { openFds: fds } : {}),
  };
}

/** The sum of every sample of a metric (all label sets) in Prometheus text format, or undefined when it has none. */
export function metricSum(text: string, metric: string): number | undefined {
  const re = new RegExp(`^${metric}(?:\\{[^}]*\\})?\\s+([^\\s]+)`, 'gm');
  let sum: number | undefined;
  for (const m of text.matchAll(re)) {
    const v = Number(m[1]);
    if (Number.isFinite(v)) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** The value of an unlabelled (or first labelled) sample of a metric in Prometheus text format. */
export function metricValue(text: string, metric: string): number | undefined {
  const re = new RegExp(`^${metric}(?:\\{[^}]*\\})?\\s+([^\\s]+)`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  return Number.isFinite(v) ? v : undefined;
}

function poll(sample: () => Promise<MemorySample>, log: SamplerLog, intervalMs: number, what: string): RunningSampler {
  const samples: MemorySample[] = [];
  let warned = false;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = (): void => {
    inFlight = sample()
      .then((s) => {
        samples.push(s);
      })
      .catch((err: unknown) => {
        if (!warned) log.warning(`${what}: ${err instanceof Error ? err.message : String(err)} (further failures are not repeated)`);
        warned = true;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      return samples;
    },
  };
}

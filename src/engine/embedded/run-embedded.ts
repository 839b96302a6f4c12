/**
 * The embedded load engine: drives a declarative workload with autocannon inside this process (no k6
 * binary) and records every request as k6 would emit it (`http_reqs`, `http_req_duration`,
 * `http_req_failed`, `iterations`, `vus`, `vus_max`, `data_received`, with k6's tags), into the same
 * RunBuilder the k6 ingest uses — so the gate cannot tell the engines apart.
 */
import type autocannonModule from 'autocannon';
import { RunBuilder, type MetricDefinition, type PointTargets } from '../../document/run-builder.js';
import type { RunDocument } from '../../document/run-document.js';
import { K6_BUILTIN_METRICS } from '../../ingest/k6/builtin-metrics.js';
import type { LoadWatch } from '../../pipeline/ports.js';
import { formatProgress, type ProgressSnapshot } from '../live-progress.js';
import { startLooks, type RunningLooks } from '../watch-looks.js';
import { splitEvenly, weightedCycle } from './schedule.js';
import { isExpectedStatus, requestName, type Workload, type WorkloadLogin, type WorkloadRequest } from '../../config/workload.js';
import autocannonPackage from 'autocannon/package.json' with { type: 'json' };

export interface RunEmbeddedOptions {
  /** The stage name: `meta.stage` and the `scenario` tag of every point, as a k6 scenario would be. */
  readonly stage: string;
  readonly log: { info(message: string): void; warning?(message: string): void; progress?(snapshot: ProgressSnapshot): void };
  /** Milliseconds between progress lines (default 15 000). */
  readonly progressIntervalMs?: number;
  /** Aborting stops the load and returns what was measured, with `meta.partial` true. */
  readonly signal?: AbortSignal;
  /** Tags that split every metric into scopes (default `name`, as the k6 ingest). */
  readonly groupBy?: readonly string[];
  /**
   * A sequential stage's looks (pipeline/sequential-watch.ts): at each of its times the run so far is
   * handed to `look`, and a true answer stops the load — a whole run, stopped on purpose, not a partial one.
   * The workload's duration is the stage's budget then (the caller sets it to `maxSeconds`).
   */
  readonly watch?: LoadWatch;
}

/** autocannon's version, for `meta.toolVersion`. */
// Imported, not read at run time, so the bundle carries it and needs no autocannon installed beside it.
export const AUTOCANNON_VERSION: string = autocannonPackage.version;

/** Most ramp steps: each step is one autocannon instance started later than the one before. */
const MAX_RAMP_STEPS = 10;

const REQUEST_METRICS = ['http_reqs', 'http_req_duration', 'http_req_failed', 'iterations', 'data_received'] as const;

interface RequestTargets {
  readonly reqs: PointTargets;
  readonly duration: PointTargets;
  readonly failed: PointTargets;
  readonly iterations: PointTargets;
  readonly received: PointTargets;
  readonly expected: boolean;
}

/** A request as sent: the workload's entry with its final path, headers and body. */
interface PreparedRequest {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly expectStatus: WorkloadRequest['expectStatus'];
}

/**
 * Runs the workload and returns its run document.
 *
 * @throws {Error} when the login step fails (no token, unexpected status, unreachable service).
 */
export async function runEmbedded(workload: Workload, options: RunEmbeddedOptions): Promise<RunDocument> {
  const started = Date.now();
  const base = new URL(workload.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const builder = new RunBuilder({ groupBy: options.groupBy ?? ['name'], window: 'auto' });
  const metricIds = new Map<string, number>();
  for (const name of [...REQUEST_METRICS, 'vus', 'vus_max']) metricIds.set(name, builder.defineMetric(builtin(name)));
  const id = (name: string): number => metricIds.get(name)!;
  const warnings: string[] = [];
  const progress = new ProgressWindow(started);
  let recorded = 0;
  let deadlineMs = Number.POSITIVE_INFINITY;

  const cache = new Map<string, RequestTargets>();
  const targetsFor = (req: PreparedRequest, status: number, setup: boolean): RequestTargets => {
    const key = `${req.name}\u0000${status}\u0000${setup}`;
    let t = cache.get(key);
    if (!t) {
      const expected = isExpectedStatus(status, req.expectStatus);
      const tags: Record<string, string> = {
        ...workload.tags,
        name: req.name,
        method: req.method,
        status: String(status),
        // k6 tags a 4xx or 5xx answer with error_code 1000 + status (1404, 1500), whether expected or not.
        ...(status >= 400 && status <= 599 ? { error_code: String(1000 + status) } : {}),
        expected_response: String(expected),
        url: req.url,
        proto: 'HTTP/1.1',
        // k6 tags setup() requests with group '::setup' and no scenario.
        ...(setup ? { group: '::setup' } : { group: '', scenario: options.stage }),
      };
      const iterationTags: Record<string, string> = { ...workload.tags, group: '', scenario: options.stage };
      t = {
        reqs: builder.targets(id('http_reqs'), tags),
        duration: builder.targets(id('http_req_duration'), tags),
        failed: builder.targets(id('http_req_failed'), tags),
        iterations: builder.targets(id('iterations'), iterationTags),
        received: builder.targets(id('data_received'), iterationTags),
        expected,
      };
      cache.set(key, t);
    }
    return t;
  };
  const record = (req: PreparedRequest, status: number, durationMs: number, bytes: number, setup = false): void => {
    const now = Date.now();
    // autocannon notices its stop flag on its next sample tick and may start another second's quota
    // before it; k6 starts nothing past the duration, so neither does this engine.
    if (!setup && now > deadlineMs) return;
    const t = targetsFor(req, status, setup);
    builder.point(t.reqs, now, 1);
    builder.point(t.duration, now, durationMs);
    builder.point(t.failed, now, t.expected ? 0 : 1);
    if (!setup) builder.point(t.iterations, now, 1);
    if (bytes > 0) builder.point(t.received, now, bytes);
    recorded++;
    progress.add(durationMs, !t.expected);
  };

  const authHeaders: Record<string, string> = {};
  if (workload.login && !options.signal?.aborted) {
    const login = prepare(workload.login, base, prefix, {});
    try {
      const token = await logIn(workload.login, login, options.signal, record);
      authHeaders[workload.login.header.toLowerCase()] = `${workload.login.prefix}${token}`;
      options.log.info(`embedded engine: logged in with ${login.name}; requests carry the token in '${workload.login.header}'`);
    } catch (error) {
      // Cancelled while logging in: no load, an empty partial document (below).
      if (!options.signal?.aborted) throw error;
    }
  }
  const requests = workload.requests.map((r) => prepare(r, base, prefix, authHeaders));
  const cycle = weightedCycle(workload.requests.map((r) => r.weight)).map((i) => requests[i]!);

  const steps = workload.rampUp > 0 ? Math.max(2, Math.min(workload.connections, MAX_RAMP_STEPS, Math.ceil(workload.rampUp) + 1)) : 1;
  const stepConnections = splitEvenly(workload.connections, steps).filter((c) => c > 0);
  const stepRates = workload.arrivalRate === undefined ? undefined : splitEvenly(workload.arrivalRate, stepConnections.length);
  const vusMax = stepRates ? stepConnections.reduce((sum, c, i) => sum + Math.min(c, Math.max(1, stepRates[i]!)), 0) : workload.connections;
  let vus = 0;
  const vusTargets = builder.targets(id('vus'), { ...workload.tags });
  const vusMaxTargets = builder.targets(id('vus_max'), { ...workload.tags });
  const sampleVus = (): void => {
    const now = Date.now();
    builder.point(vusTargets, now, vus);
    builder.point(vusMaxTargets, now, vusMax);
  };

  options.log.info(
    `embedded engine (autocannon ${AUTOCANNON_VERSION}): ${workload.requests.length} request kind(s) against ${base.origin}, `
    + `${workload.connections} connection(s)${workload.arrivalRate !== undefined ? ` at ${workload.arrivalRate} req/s` : ''} `
    + `for ${workload.duration} s${workload.rampUp > 0 ? ` (ramping over ${workload.rampUp} s)` : ''}`,
  );

  // Loaded here, not at the top: every perf-gate command would otherwise evaluate autocannon (and the
  // mime table it pulls in) at start-up, some 10 MB of a `perf-gate merge`'s memory for nothing.
  const { default: autocannon } = await import('autocannon');
  let aborted = options.signal?.aborted ?? false;
  let connErrors = 0;
  /** The cycle position of the response being reported (set by onResponse, read by the 'response' event right after). */
  let responded = 0;
  const instances: autocannonModule.Instance[] = [];
  const timers: NodeJS.Timeout[] = [];
  const loadStart = Date.now();
  deadlineMs = loadStart + workload.duration * 1000;
  const runs: Promise<void>[] = [];
  let resolveStarted: () => void = () => undefined;
  const allScheduled = new Promise<void>((resolve) => { resolveStarted = resolve; });
  let scheduled = 0;

  const startStep = (step: number): void => {
    const offset = steps === 1 ? 0 : (workload.rampUp * step) / (stepConnections.length - 1);
    const duration = Math.max(0.05, workload.duration - offset);
    const rate = stepRates?.[step];
    const connections = stepConnections[step]!;
    runs.push(new Promise<void>((resolve, reject) => {
      if (aborted) {
        resolve();
        return;
      }
      vus += rate !== undefined ? Math.min(connections, Math.max(1, rate)) : connections;
      const instance = autocannon({
        url: base.origin,
        connections,
        duration,
        timeout: workload.timeout,
        ...(rate !== undefined ? { overallRate: Math.max(1, rate) } : {}),
        sampleInt: 100,
        excludeErrorStats: false,
        // autocannon calls a request's onResponse just before the connection's 'response' event, with the
        // request its queue matched the response to: that is how a response finds its name.
        requests: cycle.map((r, k) => ({
          method: r.method,
          path: r.path,
          headers: r.headers,
          ...(r.body !== undefined ? { body: r.body } : {}),
          onResponse: () => { responded = k; },
        })),
        setupClient: (client) => {
          // A connection sends the cycle in order, one 'request' event per send (pipelining 1), so its
          // count of sends says which request timed out or lost its connection.
          let sends = 0;
          let sentAt = performance.now();
          client.on('request', () => {
            sends++;
            sentAt = performance.now();
          });
          client.on('response', (status, bytes, ms) => record(cycle[responded]!, status, ms, bytes));
          // autocannon reconnects and sends the next request before it reports the timeout.
          client.on('timeout', () => record(cycle[(sends - 2 + cycle.length) % cycle.length]!, 0, workload.timeout * 1000, 0));
          client.on('connError', () => {
            connErrors++;
            record(cycle[(sends - 1) % cycle.length]!, 0, performance.now() - sentAt, 0);
          });
        },
      }, (error) => {
        vus -= rate !== undefined ? Math.min(connections, Math.max(1, rate)) : connections;
        if (error) reject(new Error(`embedded engine: autocannon failed: ${error.message}`, { cause: error }));
        else resolve();
      });
      instances.push(instance);
    }));
    if (++scheduled === stepConnections.length) resolveStarted();
  };

  const stopLoad = (): void => {
    for (const t of timers) clearTimeout(t);
    for (const instance of instances) instance.stop();
    resolveStarted();
  };
  const onAbort = (): void => {
    aborted = true;
    stopLoad();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const intervalMs = options.progressIntervalMs ?? 15_000;
  const progressTimer = setInterval(() => {
    const snapshot = progress.take(vus);
    options.log.info(formatProgress(snapshot));
    options.log.progress?.(snapshot);
  }, intervalMs);
  const vusTimer = setInterval(sampleVus, 1000);
  // The run so far, as finish would give it now; reading goes on (a look sees every response recorded).
  const soFar = (): RunDocument | undefined => (recorded === 0 ? undefined : builder.finish({ ...runInfo(false), durationSeconds: (Date.now() - loadStart) / 1000 }));
  const looksLog = { info: (m: string) => options.log.info(m), warning: (m: string) => (options.log.warning ?? options.log.info)(m), debug: () => undefined };
  let looks: RunningLooks | undefined;
  try {
    if (!aborted) {
      startStep(0);
      sampleVus();
      if (options.watch) looks = startLooks(options.watch, soFar, stopLoad, looksLog);
      for (let step = 1; step < stepConnections.length; step++) {
        const delay = ((workload.rampUp * step) / (stepConnections.length - 1)) * 1000;
        timers.push(setTimeout(() => {
          startStep(step);
          sampleVus();
        }, delay));
      }
    } else resolveStarted();
    await allScheduled;
    await Promise.all(runs);
  } finally {
    looks?.end();
    clearInterval(progressTimer);
    clearInterval(vusTimer);
    for (const t of timers) clearTimeout(t);
    options.signal?.removeEventListener('abort', onAbort);
  }

  const elapsedMs = Date.now() - loadStart;
  if (connErrors > 0) warnings.push(`${connErrors} connection error(s): counted as failed requests with status 0`);
  if (aborted) warnings.push(`cancelled after ${(elapsedMs / 1000).toFixed(1)} s of ${workload.duration} s: the numbers cover what was measured`);
  const rate = elapsedMs > 0 ? Math.round(recorded / (elapsedMs / 1000)) : 0;
  options.log.info(`embedded engine: ${recorded} request(s) in ${(elapsedMs / 1000).toFixed(1)} s (${rate} req/s)${aborted ? ', cancelled' : ''}`);
  return builder.finish({ ...runInfo(aborted), durationSeconds: elapsedMs / 1000 });

  function runInfo(partial: boolean) {
    return {
      tool: 'embedded',
      toolVersion: AUTOCANNON_VERSION,
      stage: options.stage,
      sources: [{ file: workload.baseUrl, format: 'embedded', lines: recorded, partial }],
      warnings: [...warnings],
    };
  }
}

function builtin(name: string): MetricDefinition {
  const m = K6_BUILTIN_METRICS.get(name)!;
  return { name, type: m.type, contains: m.contains, thresholds: [], submetrics: [] };
}

function prepare(
  r: Pick<WorkloadRequest, 'name' | 'method' | 'path' | 'headers' | 'body'> & { expectStatus?: WorkloadRequest['expectStatus'] },
  base: URL,
  prefix: string,
  auth: Record<string, string>,
): PreparedRequest {
  const headers: Record<string, string> = { ...auth };
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
  let body: string | undefined;
  if (typeof r.body === 'string') body = r.body;
  else if (r.body !== undefined) {
    body = JSON.stringify(r.body);
    headers['content-type'] ??= 'application/json';
  }
  const path = `${prefix}${r.path}`;
  return { name: requestName(r), method: r.method, url: `${base.origin}${path}`, path, headers, body, expectStatus: r.expectStatus };
}

/** The login request, recorded like k6's `setup()` requests (group `::setup`, no scenario). Returns the token. */
async function logIn(
  login: WorkloadLogin,
  req: PreparedRequest,
  signal: AbortSignal | undefined,
  record: (req: PreparedRequest, status: number, ms: number, bytes: number, setup: boolean) => void,
): Promise<string> {
  const t0 = performance.now();
  let response: Response;
  try {
    response = await fetch(req.url, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), ...(signal ? { signal } : {}) });
  } catch (error) {
    throw new Error(`embedded engine: login ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const text = await response.text();
  record(req, response.status, performance.now() - t0, Buffer.byteLength(text), true);
  if (!response.ok) throw new Error(`embedded engine: login ${req.method} ${req.url} answered ${response.status}; check login.path and login.body in the workload`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`embedded engine: login ${req.method} ${req.url} did not answer JSON, so login.tokenField '${login.tokenField}' cannot be read`, { cause: error });
  }
  const token = login.tokenField.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), json);
  if (typeof token !== 'string' && typeof token !== 'number') {
    throw new Error(`embedded engine: login answer has no string at login.tokenField '${login.tokenField}'`);
  }
  return String(token);
}

/** Requests, latencies and failures since the last progress line. */
class ProgressWindow {
  private latencies: number[] = [];
  private failures = 0;
  private total = 0;
  private since: number;

  constructor(private readonly start: number) {
    this.since = start;
  }

  add(ms: number, failed: boolean): void {
    this.latencies.push(ms);
    if (failed) this.failures++;
    this.total++;
  }

  take(vus: number): Parameters<typeof formatProgress>[0] {
    const now = Date.now();
    const n = this.latencies.length;
    const sorted = Float64Array.from(this.latencies).sort();
    const seconds = (now - this.since) / 1000;
    const snapshot = {
      elapsedMs: now - this.start,
      requests: n,
      requestsPerSecond: seconds > 0 ? n / seconds : undefined,
      p95Ms: n > 0 ? sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)] : undefined,
      errorRate: n > 0 ? this.failures / n : undefined,
      vus,
      totalRequests: this.total,
      started: true,
    };
    this.latencies = [];
    this.failures = 0;
    this.since = now;
    return snapshot;
  }
}

/**
 * A light live view of a running k6 test, fed with the bytes k6 writes to its `--out json` (what it
 * appends to the file), or with the points the live ingest's parser reads anyway (k6-live-output.ts):
 * requests per second, p95 latency and error rate over the last interval, and the current VUs. It reads
 * only the lines of `http_reqs`, `http_req_duration`, `http_req_failed` and `vus`, keeps a small
 * log-bucketed histogram per interval (p95 within 1 %), and never holds the run. Pure: the runner
 * reads the bytes and the clock.
 */

/** What one progress line says. */
export interface ProgressSnapshot {
  /** Wall-clock time since k6 started. */
  readonly elapsedMs: number;
  /** Requests k6 recorded in this interval (by `http_reqs` points). */
  readonly requests: number;
  /** Requests per second over the interval, by the points' own timestamps; undefined before the first point. */
  readonly requestsPerSecond: number | undefined;
  /** 95th percentile of `http_req_duration` in the interval, in ms; undefined without requests. */
  readonly p95Ms: number | undefined;
  /** Failed share of requests in the interval (`http_req_failed`), 0–1; undefined without requests. */
  readonly errorRate: number | undefined;
  /** The last `vus` gauge value seen. */
  readonly vus: number | undefined;
  /** Requests since the start. */
  readonly totalRequests: number;
  /** Whether any point was read yet. */
  readonly started: boolean;
}

/** Relative width of a histogram bucket: a percentile is reported within 1 % (the mean of its bucket). */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Latencies at or below this (ms) share the lowest bucket. */
const FLOOR_MS = 0.001;

/** The metrics the live view reads; any other line is skipped without parsing. */
type WantedMetric = 'http_reqs' | 'http_req_duration' | 'http_req_failed' | 'vus';
const WANTED_METRICS: readonly WantedMetric[] = ['http_reqs', 'http_req_duration', 'http_req_failed', 'vus'];
const WANTED = WANTED_METRICS.map((m) => `"metric":"${m}"`);

const EMPTY = Buffer.alloc(0);
/** How a Point line starts in k6's layout, and how each wanted metric's line does (`{"metric":"vus"`, …). */
const POINT_HEAD = Buffer.from('{"metric":"');
const WANTED_HEADS = WANTED.map((w) => Buffer.from(`{${w}`));

/**
 * Whether the line `data[start, end)` may be one of WANTED: false only for a line in k6's Point layout
 * (`{"metric":"…`) of another metric; any other line (a Metric declaration, keys in another order) is
 * checked as text.
 */
function mayBeWanted(data: Buffer, start: number, end: number): boolean {
  if (end - start < POINT_HEAD.length || data.compare(POINT_HEAD, 0, POINT_HEAD.length, start, start + POINT_HEAD.length) !== 0) return true;
  for (const head of WANTED_HEADS) {
    if (end - start >= head.length && data.compare(head, 0, head.length, start, start + head.length) === 0) return true;
  }
  return false;
}

/**
 * Accumulates points pushed as raw NDJSON bytes and hands out one snapshot per interval.
 *
 * @example
 * const live = new LiveProgress();
 * live.push(Buffer.from('{"metric":"vus","type":"Point","data":{"time":"2026-01-01T00:00:00Z","value":20,"tags":{}}}\n'));
 * formatProgress(live.take(90_000)) // 'elapsed 1m30s · 0 req/s · p95 – · errors – · 20 VUs'
 */
export class LiveProgress {
  private carry: Buffer = EMPTY;
  private requests = 0;
  private totalRequests = 0;
  private failed = 0;
  private judged = 0;
  /** Bucket → [count, sum] of the latencies in it. */
  private buckets = new Map<number, [number, number]>();
  private durations = 0;
  private vus: number | undefined;
  /** Earliest and latest point time (ms since epoch) seen, and the latest at the last snapshot. */
  private firstMs = Number.POSITIVE_INFINITY;
  private latestMs = Number.NEGATIVE_INFINITY;
  private boundaryMs: number | undefined;
  private lastElapsedMs = 0;

  /**
   * Feeds k6's output bytes (lines may span chunks; the chunk may be reused once this returns). Only the
   * lines of the wanted metrics become strings: a Point line in k6's layout is told apart by its first
   * bytes, so most lines cost a byte comparison and no garbage (the live output feeds every byte of a run).
   */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carry.length > 0) {
      // Only the line that spans the chunks is joined: a copy of the whole chunk would be garbage per chunk.
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, nl)]);
      if (mayBeWanted(line, 0, line.length)) this.line(line.toString('utf8'));
      start = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      if (mayBeWanted(chunk, start, nl)) this.line(chunk.toString('utf8', start, nl));
      start = nl + 1;
    }
    this.carry = start < chunk.length ? Buffer.from(chunk.subarray(start)) : EMPTY;
  }

  /** The snapshot of the interval since the last call, which starts a new interval. */
  take(elapsedMs: number): ProgressSnapshot {
    const started = Number.isFinite(this.latestMs);
    let requestsPerSecond: number | undefined;
    if (started) {
      const from = this.boundaryMs ?? this.firstMs;
      const spanMs = this.latestMs - from;
      const wallMs = elapsedMs - this.lastElapsedMs;
      // The points' own clock: k6 flushes its output about once a second, so the wall clock would count a
      // flush late. Fall back to the wall clock when the interval holds a single instant.
      const seconds = (spanMs > 0 ? spanMs : wallMs) / 1000;
      requestsPerSecond = seconds > 0 ? this.requests / seconds : undefined;
    }
    const snapshot: ProgressSnapshot = {
      elapsedMs,
      requests: this.requests,
      requestsPerSecond,
      p95Ms: this.durations > 0 ? this.percentile(0.95) : undefined,
      errorRate: this.judged > 0 ? this.failed / this.judged : undefined,
      vus: this.vus,
      totalRequests: this.totalRequests,
      started,
    };
    this.requests = 0;
    this.failed = 0;
    this.judged = 0;
    this.buckets = new Map();
    this.durations = 0;
    if (started) this.boundaryMs = this.latestMs;
    this.lastElapsedMs = elapsedMs;
    return snapshot;
  }

  /**
   * What records a point of `metric` into this view, or undefined for a metric it does not show: for a
   * parser that already reads every point (the live ingest's run builder), so progress costs no parse of its own.
   *
   * @example
   * const record = live.recorderOf('http_reqs'); // once per metric
   * record?.(Date.parse('2026-01-01T00:00:00Z'), 1);  // per point
   */
  recorderOf(metric: string): ((timeMs: number, value: number) => void) | undefined {
    const record = this.recorderFor(metric);
    return record === undefined ? undefined : (timeMs, value) => this.point(timeMs, value, record);
  }

  /** The recorder of a wanted metric (own keys only: `toString` is no metric of ours). */
  private recorderFor(metric: string): ((value: number) => void) | undefined {
    return Object.hasOwn(this.recorders, metric) ? this.recorders[metric as WantedMetric] : undefined;
  }

  private readonly recorders: Record<WantedMetric, (value: number) => void> = {
    http_reqs: (value) => {
      this.requests += value;
      this.totalRequests += value;
    },
    http_req_duration: (value) => {
      const b = value <= FLOOR_MS ? Number.NEGATIVE_INFINITY : Math.round(Math.log(value) / LOG_GROWTH);
      const bucket = this.buckets.get(b);
      if (bucket) {
        bucket[0]++;
        bucket[1] += value;
      } else this.buckets.set(b, [1, value]);
      this.durations++;
    },
    http_req_failed: (value) => {
      this.judged++;
      if (value !== 0) this.failed++;
    },
    vus: (value) => {
      this.vus = value;
    },
  };

  private point(timeMs: number, value: number, record: (value: number) => void): void {
    if (!Number.isFinite(value)) return;
    if (Number.isFinite(timeMs)) {
      if (timeMs > this.latestMs) this.latestMs = timeMs;
      if (timeMs < this.firstMs) this.firstMs = timeMs;
    }
    record(value);
  }

  private line(line: string): void {
    if (!WANTED.some((w) => line.includes(w))) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return; // not ours to judge: the ingest after the run reports bad lines
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as { type?: unknown; metric?: unknown; data?: { time?: unknown; value?: unknown } };
    if (o.type !== 'Point' || typeof o.data !== 'object' || o.data === null || typeof o.metric !== 'string') return;
    const record = this.recorderFor(o.metric);
    const value = o.data.value;
    if (record === undefined || typeof value !== 'number') return;
    this.point(typeof o.data.time === 'string' ? Date.parse(o.data.time) : Number.NaN, value, record);
  }

  /** Nearest-rank percentile over the buckets, as the mean of the bucket it falls in (exact when its values are equal). */
  private percentile(p: number): number {
    const rank = Math.max(1, Math.ceil(p * this.durations));
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    let seen = 0;
    let last: [number, number] = [1, 0];
    for (const k of keys) {
      last = this.buckets.get(k)!;
      seen += last[0];
      if (seen >= rank) break;
    }
    return last[1] / last[0];
  }
}

/**
 * One progress line: `elapsed 1m30s · 412 req/s · p95 183 ms · errors 0.12 % · 20 VUs`; before the first
 * point, `elapsed 15s · waiting for k6's first results`.
 *
 * @example formatProgress({ elapsedMs: 90_000, requests: 6180, requestsPerSecond: 412, p95Ms: 183.2, errorRate: 0.0012, vus: 20, totalRequests: 9000, started: true })
 *   // 'elapsed 1m30s · 412 req/s · p95 183 ms · errors 0.12 % · 20 VUs'
 */
export function formatProgress(s: ProgressSnapshot): string {
  const elapsed = `elapsed ${formatElapsed(s.elapsedMs)}`;
  if (!s.started) return `${elapsed} · waiting for k6's first results`;
  const rate = s.requestsPerSecond === undefined ? '– req/s' : `${formatNumber(s.requestsPerSecond)} req/s`;
  const p95 = s.p95Ms === undefined ? 'p95 –' : `p95 ${formatNumber(s.p95Ms)} ms`;
  const errors = s.errorRate === undefined ? 'errors –' : `errors ${(s.errorRate * 100).toFixed(2)} %`;
  const parts = [elapsed, rate, p95, errors];
  if (s.vus !== undefined) parts.push(`${s.vus} ${s.vus === 1 ? 'VU' : 'VUs'}`);
  return parts.join(' · ');
}

/**
 * `45s`, `1m30s`, `1h02m03s` (whole seconds, rounded down).
 *
 * @example formatElapsed(3_723_400) // '1h02m03s'
 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`;
  if (m > 0) return `${m}m${pad(s)}s`;
  return `${s}s`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Whole numbers from 10 up, one decimal below (`412`, `4.5`, `0.8`, `0`). */
function formatNumber(x: number): string {
  if (x === 0) return '0';
  return x >= 10 ? String(Math.round(x)) : x.toFixed(1);
}

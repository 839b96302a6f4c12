import type { ByteSource } from '../byte-source.js';
import { excerpt, IngestError } from '../errors.js';
import { TagCache, type PointSink, type TagEntry } from '../point-sink.js';
import type { StreamResult } from '../reader.js';
import { failedStatus } from './metrics.js';
import { ARTILLERY_ROLES } from './roles.js';

/** The `perfGate` value of the header line artillery-plugin-perf-gate writes first in each file. */
export const REQUESTS_FORMAT = 'artillery-requests@1';

/** A line longer than this is not the plugin's (its lines are a few hundred bytes). */
const MAX_LINE_BYTES = 1 << 20;

/** Timing phases kept as trends of their own, under Artillery's names for them (`http.extendedMetrics`). */
const PHASES: readonly (readonly [string, string])[] = [['dns', 'http.dns'], ['tcp', 'http.tcp'], ['tls', 'http.tls'], ['total', 'http.total']];

const HINT = 'is this file from artillery-plugin-perf-gate (PERF_GATE_ARTILLERY_REQUESTS)?';

/** Whether a first line is the plugin's header. */
export function isRequestsHeader(firstLine: string): boolean {
  return firstLine.startsWith(`{"perfGate":"artillery-requests@`);
}

/**
 * Reads the per-request lines of artillery-plugin-perf-gate (artillery/artillery-plugin-perf-gate) in
 * constant memory: one line per request, `{"t":…,"name":…,"method":…,"status":…,"ms":…,"phases":{…}}`, or
 * `{"t":…,"name":…,"method":…,"error":"ECONNREFUSED"}` when no answer came. Each request gives the points
 * an Artillery report sums up, under the same names (docs/artillery.md):
 *
 * - `http.requests` 1, tags `name`, `method`, and `status` or `error_code`;
 * - `http.response_time` its `ms` (the time to the first byte, what Artillery records), when it was answered;
 * - `http.failed` 1 when the status is 400 or more or no answer came, else 0 — with `status` and
 *   `error_code` tags, its failure signature;
 * - `http.dns`, `http.tcp`, `http.tls`, `http.total` from its timing phases, when Artillery measured them.
 *
 * A cut-off last line (Artillery stopped while writing) makes the result partial with a warning.
 *
 * @throws IngestError naming the file and line of a line that is not the plugin's.
 */
export async function readArtilleryRequests(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult> {
  const parser = new RequestLineParser(file, sink);
  let carry: Buffer | undefined;
  for await (const chunk of source.chunks()) {
    let pos = 0;
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = undefined;
    for (let nl = data.indexOf(10, pos); nl >= 0; nl = data.indexOf(10, pos)) {
      parser.line(data.toString('utf8', pos, nl));
      pos = nl + 1;
    }
    if (pos < data.length) {
      if (data.length - pos > MAX_LINE_BYTES) throw new IngestError(file, `line ${parser.lines + 1} is longer than 1 MiB: ${HINT}`, { line: parser.lines + 1 });
      // A copy: the chunk is reused once the next one is asked for.
      carry = Buffer.from(data.subarray(pos));
    }
    const wait = sink.ready();
    if (wait !== undefined) await wait;
  }
  let partial = source.truncated;
  if (carry !== undefined && carry.toString('utf8').trim() !== '') {
    try {
      parser.line(carry.toString('utf8'));
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      partial = true;
      warn(`${file}: line ${parser.lines + 1} is cut off (Artillery was stopped while writing it); read the ${parser.lines} complete lines before it`);
    }
  }
  if (source.truncated) warn(`${file}: the gzip stream ends early (unexpected end of file); read everything up to the break`);
  return { lines: parser.lines, partial };
}

class RequestLineParser {
  /** Lines read so far (the one being read counted once it is read). */
  lines = 0;
  private readonly tagCache = new TagCache();
  private ids: { latency: number; requests: number; failures: number; phases: (number | undefined)[] } | undefined;

  constructor(
    private readonly file: string,
    private readonly sink: PointSink,
  ) {}

  line(text: string): void {
    const lineNo = this.lines + 1;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') {
      this.lines = lineNo;
      return;
    }
    let o: unknown;
    try {
      o = JSON.parse(trimmed);
    } catch {
      throw this.error(lineNo, `expected a JSON request line, got '${excerpt(trimmed)}': ${HINT}`);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw this.error(lineNo, `expected a JSON object, got '${excerpt(trimmed)}': ${HINT}`);
    const r = o as Record<string, unknown>;
    if ('perfGate' in r) {
      if (r.perfGate !== REQUESTS_FORMAT) {
        throw this.error(lineNo, `is written in ${excerpt(String(r.perfGate))}, but this perf-gate reads ${REQUESTS_FORMAT}: use the artillery-plugin-perf-gate shipped with this perf-gate`);
      }
      this.lines = lineNo;
      return;
    }
    this.request(r, lineNo);
    this.lines = lineNo;
  }

  private request(r: Record<string, unknown>, lineNo: number): void {
    const { t, name, method, status, ms, error, phases } = r;
    if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) throw this.error(lineNo, `'t' must be the request's start in Unix milliseconds but is ${excerpt(JSON.stringify(t) ?? 'missing')}`);
    if (typeof name !== 'string' || name === '') throw this.error(lineNo, `'name' must be the request's name but is ${excerpt(JSON.stringify(name) ?? 'missing')}`);
    if (typeof method !== 'string' || method === '') throw this.error(lineNo, `'method' must be the HTTP method but is ${excerpt(JSON.stringify(method) ?? 'missing')}`);
    const answered = status !== undefined;
    if (answered && !(typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 999)) {
      throw this.error(lineNo, `'status' must be an HTTP status code but is ${excerpt(JSON.stringify(status))}`);
    }
    if (!answered && (typeof error !== 'string' || error === '')) throw this.error(lineNo, "a request line needs a 'status' (answered) or an 'error' (no answer)");
    if (ms !== undefined && !(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)) throw this.error(lineNo, `'ms' must be a latency in milliseconds (≥ 0) but is ${excerpt(JSON.stringify(ms))}`);

    const ids = this.ids ?? this.define();
    const tags: Record<string, string> = answered ? { name, method, status: String(status) } : { name, method, error_code: error as string };
    const raw = answered ? `${name}\u0000${method}\u0000${String(status)}` : `${name}\u0000${method}\u0000\u0000${error as string}`;
    const entry = this.tagCache.get(raw) ?? this.tagCache.add(raw, tags);
    const failed = answered ? failedStatus(status as number) : true;
    this.point(entry, ids.requests, t, 1);
    this.point(entry, ids.failures, t, failed ? 1 : 0);
    if (answered && typeof ms === 'number') this.point(entry, ids.latency, t, ms);
    if (typeof phases === 'object' && phases !== null) {
      const p = phases as Record<string, unknown>;
      PHASES.forEach(([key, metric], i) => {
        const v = p[key];
        if (typeof v === 'number' && Number.isFinite(v) && v >= 0) this.point(entry, (ids.phases[i] ??= this.metric(metric)), t, v);
      });
    }
  }

  private point(entry: TagEntry, metric: number, t: number, value: number): void {
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    this.sink.builder.point(targets, t, value);
  }

  /**
   * The roles' metrics, defined on the first request line (a file of only a header defines none) — the
   * latency too, so a run whose every request failed still has it (empty); a timing phase on its first value.
   */
  private define(): NonNullable<RequestLineParser['ids']> {
    this.ids = {
      latency: this.metric(ARTILLERY_ROLES.latency),
      requests: this.metric(ARTILLERY_ROLES.requests),
      failures: this.metric(ARTILLERY_ROLES.failures),
      phases: PHASES.map(() => undefined),
    };
    return this.ids;
  }

  private metric(name: string): number {
    return this.sink.metricFor(name, 'is not one of the Artillery metrics', false);
  }

  private error(lineNo: number, message: string): IngestError {
    return new IngestError(this.file, message, { line: lineNo });
  }
}

/**
 * The declarative workload the embedded engine runs (`workload:` in perf-gate.yml): which requests, in
 * what proportion, over how many connections, for how long. Pure: parsing only.
 */
import { z } from 'zod';
import { parseDurationSeconds } from './duration.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const MethodSchema = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(HTTP_METHODS));

const PathSchema = z.string().regex(/^\//, { message: "must start with '/' (it is appended to baseUrl)" });

/** A JSON body is sent as JSON (with `content-type: application/json` unless a header says otherwise); a string as is. */
const BodySchema = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

const HeadersSchema = z.record(z.string(), z.string());

/** Seconds, or a k6 duration string (`30s`, `1m30s`, `500ms`). */
const SecondsSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const seconds = typeof v === 'number' ? v : parseDurationSeconds(v);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    ctx.addIssue({ code: 'custom', message: `must be seconds or a duration like '30s' or '1m30s' but got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return seconds;
});

const StatusSchema = z.number().int().min(100).max(599);

export const WorkloadRequestSchema = z.object({
  /** The `name` tag (one scope per endpoint); default `METHOD path`. */
  name: z.string().min(1).optional(),
  method: MethodSchema.default('GET'),
  path: PathSchema,
  headers: HeadersSchema.optional(),
  body: BodySchema.optional(),
  /** Relative share of requests (default 1). */
  weight: z.number().positive().default(1),
  /** Statuses that count as success; default 200–399, as k6's default response callback. */
  expectStatus: z.union([StatusSchema, z.array(StatusSchema).min(1)]).optional(),
}).strict();

export const WorkloadLoginSchema = z.object({
  name: z.string().min(1).optional(),
  method: MethodSchema.default('POST'),
  path: PathSchema,
  headers: HeadersSchema.optional(),
  body: BodySchema.optional(),
  /** Dotted path of the token in the JSON response, e.g. `token` or `data.accessToken`. */
  tokenField: z.string().min(1).default('token'),
  /** Header later requests carry the token in. */
  header: z.string().min(1).default('authorization'),
  /** Text before the token in that header. */
  prefix: z.string().default('Bearer '),
}).strict();

export const WorkloadSchema = z.object({
  /** Origin (and optional path prefix) of the service, e.g. `http://127.0.0.1:8080`. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  requests: z.array(WorkloadRequestSchema).min(1),
  /** Done once before load starts; its token goes into every request's `header`. */
  login: WorkloadLoginSchema.optional(),
  /** Concurrent connections (k6's VUs), default 10. */
  connections: z.number().int().positive().default(10),
  /** Total requests per second across all connections (autocannon's overallRate); unset: as fast as the service answers. */
  arrivalRate: z.number().int().positive().optional(),
  duration: SecondsSchema.refine((s) => s > 0, { message: 'must be more than 0 seconds' }),
  /** Connections are opened in steps over this many seconds (default 0: all at once). */
  rampUp: SecondsSchema.default(0),
  /** Request timeout in seconds, at least 1 (default 10); a timed-out request counts as failed with status 0. */
  timeout: SecondsSchema.refine((s) => s >= 1, { message: 'must be at least 1 second (autocannon\'s smallest timeout)' }).default(10),
  /** Tags added to every request, e.g. `{ tenant: acme }`. */
  tags: z.record(z.string(), z.string()).default({}),
}).strict().superRefine((w, ctx) => {
  if (w.rampUp >= w.duration) {
    ctx.addIssue({ code: 'custom', path: ['rampUp'], message: `must be shorter than duration (${w.duration} s) but got ${w.rampUp} s` });
  }
  const seen = new Map<string, number>();
  w.requests.forEach((r, i) => {
    const name = requestName(r);
    const first = seen.get(name);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['requests', i, 'name'], message: `'${name}' is also the name of requests[${first}]; give each request its own name` });
    } else seen.set(name, i);
  });
});

export type Workload = z.output<typeof WorkloadSchema>;
export type WorkloadInput = z.input<typeof WorkloadSchema>;
export type WorkloadRequest = z.output<typeof WorkloadRequestSchema>;
export type WorkloadLogin = z.output<typeof WorkloadLoginSchema>;

/** The `name` tag of a request: its own name, or `METHOD path` as k6 would show it. */
export function requestName(r: { readonly name?: string | undefined; readonly method: string; readonly path: string }): string {
  return r.name ?? `${r.method} ${r.path}`;
}

/** Whether a status is expected for this request (k6's default: 200–399). */
export function isExpectedStatus(status: number, expect: WorkloadRequest['expectStatus']): boolean {
  if (expect === undefined) return status >= 200 && status <= 399;
  return typeof expect === 'number' ? status === expect : expect.includes(status);
}

import { z } from 'zod';

/** The regressions the example API can be told to show, one per kind the gate must catch. */
export interface Faults {
  /** Latency multiplier per route prefix: `{"/api/alerts": 1.3}` slows every `/api/alerts*` route by 30 %. */
  latency: Record<string, number>;
  /** Probability (0..1) per route prefix that a request is answered with a 500. */
  errorRate: Record<string, number>;
  /** Bytes kept alive for every API request served: a memory leak. */
  leakBytesPerRequest: number;
  /** Answer every API request with `Connection: close`: keep-alive lost, each request opens a connection. */
  noKeepAlive: boolean;
  /** Milliseconds of CPU burnt (a busy loop on the event loop) per request, per route prefix: a handler that got expensive. */
  cpuBurnMs: Record<string, number>;
}

function routeTable(value: z.ZodNumber) {
  return z.record(z.string(), value).superRefine((table, ctx) => {
    for (const key of Object.keys(table)) {
      if (!/^\/\S*$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `a route prefix starts with "/" but got "${key}"` });
    }
  });
}

export const faultsSchema = z.strictObject({
  latency: routeTable(z.number().positive()).default({}),
  errorRate: routeTable(z.number().min(0).max(1)).default({}),
  leakBytesPerRequest: z.number().int().min(0).max(64 * 1024 * 1024).default(0),
  noKeepAlive: z.boolean().default(false),
  cpuBurnMs: routeTable(z.number().min(0).max(1000)).default({}),
});

export function noFaults(): Faults {
  return { latency: {}, errorRate: {}, leakBytesPerRequest: 0, noKeepAlive: false, cpuBurnMs: {} };
}

/**
 * Parses a faults object (from the admin route or `ISECTECH_FAULTS`), naming what is wrong.
 *
 * @throws Error `faults.latency./api/alerts: Too small: expected number to be >0` style sentences.
 */
export function parseFaults(input: unknown, where = 'faults'): Faults {
  const result = faultsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`);
  throw new Error(`invalid ${where}: ${problems.join('; ')}`);
}

/**
 * The value of the longest route prefix in `table` that matches `path` on a segment boundary
 * (`/api/alerts` matches `/api/alerts` and `/api/alerts/7`, not `/api/alertsx`), or `fallback`.
 *
 * @example
 * valueForPath({ '/api/alerts': 1.3 }, '/api/alerts/7', 1); // 1.3
 * valueForPath({ '/api/alerts': 1.3 }, '/api/tenants', 1); // 1
 */
export function valueForPath(table: Record<string, number>, path: string, fallback: number): number {
  let best: string | undefined;
  for (const prefix of Object.keys(table)) {
    const trimmed = prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix;
    const matches = trimmed === '/' || path === trimmed || path.startsWith(`${trimmed}/`);
    if (matches && (best === undefined || trimmed.length > best.length)) best = prefix;
  }
  return best === undefined ? fallback : (table[best] ?? fallback);
}

/**
 * Parses `"/api/alerts=1.3,/api/dashboard=2"` (the `ISECTECH_LATENCY` / `ISECTECH_ERROR_RATE` form).
 *
 * @throws Error naming the variable and the bad entry.
 */
export function parseRouteTable(text: string, variable: string): Record<string, number> {
  const table: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = Number(entry.slice(at + 1));
    if (at <= 0 || !Number.isFinite(value)) {
      throw new Error(`${variable} must look like "/api/alerts=1.3,/api/dashboard=2" but got entry "${entry}"`);
    }
    table[entry.slice(0, at)] = value;
  }
  return table;
}

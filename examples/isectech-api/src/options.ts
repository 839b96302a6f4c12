import { type Faults, noFaults, parseFaults, parseRouteTable } from './faults.js';

/** Everything `startServer` can be told; every field has a default. */
export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file, or `:memory:` (the default). */
  dbPath?: string;
  /** HMAC secret for tokens. */
  secret?: string;
  /** Token for `/admin/*` (header `x-admin-token` or `Authorization: Bearer`). */
  adminToken?: string;
  /** Token lifetime, default 3600 s. */
  tokenTtlSeconds?: number;
  /** Per-token rate limit: sustained requests per second (default 1000) and burst (default = rate). */
  rateLimit?: { ratePerSecond: number; burst?: number };
  /** Seed for the latency and error draws (default 1). */
  seed?: number;
  /** Multiplies every route's base latency; 0 turns simulated latency off (default 1). */
  latencyScale?: number;
  /** Faults active from the start (the admin route can change them). */
  faults?: Partial<Faults>;
  /** Period of the realtime metrics messages, default 1000 ms. */
  realtimeIntervalMs?: number;
}

export type ResolvedOptions = Required<Omit<ServerOptions, 'faults' | 'rateLimit'>> & {
  faults: Faults;
  rateLimit: { ratePerSecond: number; burst: number };
};

export function resolveOptions(options: ServerOptions): ResolvedOptions {
  const rate = options.rateLimit?.ratePerSecond ?? 1000;
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    dbPath: options.dbPath ?? ':memory:',
    secret: options.secret ?? 'isectech-example-secret',
    adminToken: options.adminToken ?? 'isectech-admin',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    rateLimit: { ratePerSecond: rate, burst: options.rateLimit?.burst ?? rate },
    seed: options.seed ?? 1,
    latencyScale: options.latencyScale ?? 1,
    faults: parseFaults({ ...noFaults(), ...options.faults }),
    realtimeIntervalMs: options.realtimeIntervalMs ?? 1000,
  };
}

function numberVar(env: NodeJS.ProcessEnv, name: string, check: (n: number) => boolean, rule: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name} must be ${rule} but got "${text}"`);
  return value;
}

/**
 * Reads the server's options from the environment (see the README's table), naming any bad variable.
 *
 * @throws Error `ISECTECH_RATE_LIMIT must be a positive number but got "fast"`.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): ServerOptions {
  const options: ServerOptions = {};
  const port = numberVar(env, 'PORT', (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a port number');
  if (port !== undefined) options.port = port;
  if (env.HOST) options.host = env.HOST;
  if (env.ISECTECH_DB) options.dbPath = env.ISECTECH_DB;
  if (env.ISECTECH_SECRET) options.secret = env.ISECTECH_SECRET;
  if (env.ISECTECH_ADMIN_TOKEN) options.adminToken = env.ISECTECH_ADMIN_TOKEN;
  const rate = numberVar(env, 'ISECTECH_RATE_LIMIT', (n) => n > 0, 'a positive number');
  const burst = numberVar(env, 'ISECTECH_RATE_BURST', (n) => n >= 1, 'at least 1');
  if (rate !== undefined || burst !== undefined) {
    options.rateLimit = { ratePerSecond: rate ?? 1000, burst: burst ?? rate ?? 1000 };
  }
  const seed = numberVar(env, 'ISECTECH_SEED', Number.isInteger, 'an integer');
  if (seed !== undefined) options.seed = seed;
  const scale = numberVar(env, 'ISECTECH_LATENCY_SCALE', (n) => n >= 0, 'a number ≥ 0');
  if (scale !== undefined) options.latencyScale = scale;

  let faults: unknown = {};
  if (env.ISECTECH_FAULTS) {
    try {
      faults = JSON.parse(env.ISECTECH_FAULTS);
    } catch (err) {
      throw new Error(`ISECTECH_FAULTS must be JSON like {"latency":{"/api/alerts":1.3}} but got "${env.ISECTECH_FAULTS}"`, { cause: err });
    }
  }
  const merged = { ...noFaults(), ...(faults as object) } as Faults;
  if (env.ISECTECH_LATENCY) merged.latency = { ...merged.latency, ...parseRouteTable(env.ISECTECH_LATENCY, 'ISECTECH_LATENCY') };
  if (env.ISECTECH_ERROR_RATE) merged.errorRate = { ...merged.errorRate, ...parseRouteTable(env.ISECTECH_ERROR_RATE, 'ISECTECH_ERROR_RATE') };
  const leak = numberVar(env, 'ISECTECH_LEAK_BYTES', (n) => Number.isInteger(n) && n >= 0, 'a whole number of bytes');
  if (leak !== undefined) merged.leakBytesPerRequest = leak;
  options.faults = parseFaults(merged, 'ISECTECH_FAULTS');
  return options;
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { bearer, issueToken, verifyToken, type TokenClaims } from './auth.js';
import { type Faults, parseFaults, valueForPath } from './faults.js';
import { type ServerOptions, resolveOptions } from './options.js';
import { logNormal, seededRandom } from './random.js';
import { RateLimiter } from './rate-limit.js';
import { Store, severities, statuses } from './store.js';

export type { ServerOptions } from './options.js';
export type { Faults } from './faults.js';

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Base latency per route: log-normal with this median (ms) and shape. Dashboard and export are slower. */
const baseLatency: Record<string, { median: number; sigma: number }> = {
  'POST /api/auth/login': { median: 25, sigma: 0.4 },
  'POST /api/auth/refresh': { median: 8, sigma: 0.4 },
  'POST /api/auth/logout': { median: 5, sigma: 0.4 },
  'GET /api/alerts': { median: 15, sigma: 0.5 },
  'POST /api/alerts': { median: 20, sigma: 0.5 },
  'PUT /api/alerts/{id}': { median: 18, sigma: 0.5 },
  'DELETE /api/alerts/{id}': { median: 12, sigma: 0.5 },
  'GET /api/tenants': { median: 6, sigma: 0.4 },
  'POST /api/tenants/switch': { median: 10, sigma: 0.4 },
  'GET /api/tenants/{id}/settings': { median: 8, sigma: 0.4 },
  'GET /api/dashboard/metrics': { median: 60, sigma: 0.5 },
  'POST /api/reports/export': { median: 100, sigma: 0.6 },
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Context {
  claims: TokenClaims;
  params: string[];
  body: unknown;
  query: URLSearchParams;
  issue(tenant: string): { token: string; tenant: string; expiresAt: string };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Unauthenticated routes get `claims` undefined. */
  public?: boolean;
  handle(ctx: Context, res: ServerResponse): unknown;
}

const alertInput = z.strictObject({
  title: z.string().min(1).max(200),
  severity: z.enum(severities).default('medium'),
  status: z.enum(statuses).default('open'),
});
const alertPatch = z.strictObject({
  title: z.string().min(1).max(200).optional(),
  severity: z.enum(severities).optional(),
  status: z.enum(statuses).optional(),
});

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new HttpError(400, result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return result.data;
}

function send(res: ServerResponse, status: number, body?: unknown, contentType = 'application/json'): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) }).end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1024 * 1024) throw new HttpError(413, 'body larger than 1 MiB');
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

function csvCell(value: unknown): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Starts the example API (HTTP, WebSocket `/api/realtime/metrics`, Prometheus `/metrics`).
 * Resolves once it listens; `close()` stops it and closes the database.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveOptions(options);
  const store = new Store(config.dbPath);
  const limiter = new RateLimiter(config.rateLimit.ratePerSecond, config.rateLimit.burst);
  const latencyRandom = seededRandom(config.seed);
  const errorRandom = seededRandom(config.seed ^ 0x5bd1e995);
  let faults: Faults = config.faults;
  let retained: Buffer[] = [];
  let closed = false;
  let retainedBytes = 0;
  const nowSeconds = (): number => Math.floor(Date.now() / 1000);

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const retainedGauge = new Gauge({
    name: 'isectech_retained_bytes',
    help: 'Bytes kept alive by the leak fault',
    registers: [registry],
    collect() {
      this.set(retainedBytes);
    },
  });
  const injectedErrors = new Counter({
    name: 'isectech_injected_errors_total',
    help: 'Requests answered 500 by the error fault',
    labelNames: ['route'],
    registers: [registry],
  });
  const wsClients = new Gauge({ name: 'isectech_ws_clients', help: 'Open realtime WebSocket connections', registers: [registry] });
  void retainedGauge;

  const tokenFor = (claims: Pick<TokenClaims, 'sub' | 'tenants'>, tenant: string) => {
    const issued = issueToken(config.secret, { sub: claims.sub, tenant, tenants: claims.tenants }, config.tokenTtlSeconds, nowSeconds());
    return { token: issued.token, tenant, expiresAt: new Date(issued.claims.exp * 1000).toISOString() };
  };

  const route = (method: string, template: string, handle: Route['handle'], isPublic = false): Route => ({
    method,
    template,
    pattern: new RegExp(`^${template.replace(/\{[a-z]+\}/g, '([^/]+)')}$`),
    public: isPublic,
    handle,
  });
  const alertId = (ctx: Context): number => {
    const id = Number(ctx.params[0]);
    if (!Number.isInteger(id) || id <= 0) throw new HttpError(404, 'no such alert');
    return id;
  };

  const routes: Route[] = [
    route(
      'POST',
      '/api/auth/login',
      (ctx) => {
        const { user, password } = parseBody(z.object({ user: z.string(), password: z.string() }), ctx.body);
        const tenants = store.authenticate(user, password);
        if (tenants === undefined || tenants.length === 0) throw new HttpError(401, 'wrong user or password');
        return tokenFor({ sub: user, tenants }, tenants[0] as string);
      },
      true,
    ),
    route('POST', '/api/auth/refresh', (ctx) => {
      store.revoke(ctx.claims.jti, ctx.claims.exp);
      return ctx.issue(ctx.claims.tenant);
    }),
    route('POST', '/api/auth/logout', (ctx, res) => {
      store.revoke(ctx.claims.jti, ctx.claims.exp);
      send(res, 204);
    }),
    route('GET', '/api/alerts', (ctx) => {
      const limit = Math.min(Math.max(Number(ctx.query.get('limit') ?? 50) || 50, 1), 500);
      const status = ctx.query.get('status') ?? undefined;
      if (status !== undefined && !(statuses as readonly string[]).includes(status)) {
        throw new HttpError(400, `status must be one of ${statuses.join(', ')} but got "${status}"`);
      }
      return { alerts: store.listAlerts(ctx.claims.tenant, limit, status as (typeof statuses)[number] | undefined) };
    }),
    route('POST', '/api/alerts', (ctx, res) => {
      const alert = store.createAlert(ctx.claims.tenant, parseBody(alertInput, ctx.body), new Date().toISOString());
      send(res, 201, alert);
    }),
    route('PUT', '/api/alerts/{id}', (ctx) => {
      const alert = store.updateAlert(ctx.claims.tenant, alertId(ctx), parseBody(alertPatch, ctx.body), new Date().toISOString());
      if (alert === undefined) throw new HttpError(404, 'no such alert');
      return alert;
    }),
    route('DELETE', '/api/alerts/{id}', (ctx, res) => {
      if (!store.deleteAlert(ctx.claims.tenant, alertId(ctx))) throw new HttpError(404, 'no such alert');
      send(res, 204);
    }),
    route('GET', '/api/tenants', (ctx) => ({ current: ctx.claims.tenant, tenants: store.tenants(ctx.claims.tenants) })),
    route('POST', '/api/tenants/switch', (ctx) => {
      const { tenant } = parseBody(z.object({ tenant: z.string() }), ctx.body);
      if (!ctx.claims.tenants.includes(tenant)) throw new HttpError(403, `not a member of tenant "${tenant}"`);
      store.revoke(ctx.claims.jti, ctx.claims.exp);
      return ctx.issue(tenant);
    }),
    route('GET', '/api/tenants/{id}/settings', (ctx) => {
      const settings = store.tenantSettings(ctx.claims.tenant);
      if (settings === undefined) throw new HttpError(404, 'no such tenant');
      return { tenant: ctx.claims.tenant, settings };
    }),
    route('GET', '/api/dashboard/metrics', (ctx) => ({
      tenant: ctx.claims.tenant,
      ...store.dashboard(ctx.claims.tenant, new Date().toISOString()),
    })),
    route('POST', '/api/reports/export', (ctx, res) => {
      const { format } = parseBody(z.object({ format: z.enum(['csv', 'json']).default('csv') }), ctx.body);
      const alerts = store.listAlerts(ctx.claims.tenant, 10_000);
      if (format === 'json') return { tenant: ctx.claims.tenant, generatedAt: new Date().toISOString(), alerts };
      const header = ['id', 'title', 'severity', 'status', 'createdAt', 'updatedAt'] as const;
      const lines = [header.join(','), ...alerts.map((a) => header.map((k) => csvCell(a[k])).join(','))];
      send(res, 200, `${lines.join('\n')}\n`, 'text/csv');
    }),
  ];

  const authenticate = (authorization: string | undefined): TokenClaims => {
    const token = bearer(authorization);
    if (token === undefined) throw new HttpError(401, 'missing bearer token');
    const claims = verifyToken(config.secret, token, nowSeconds());
    if (claims === undefined || store.isRevoked(claims.jti)) throw new HttpError(401, 'invalid, expired or revoked token');
    return claims;
  };

  const isAdmin = (req: IncomingMessage): boolean =>
    req.headers['x-admin-token'] === config.adminToken || bearer(req.headers.authorization) === config.adminToken;

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!isAdmin(req)) throw new HttpError(401, 'admin token required');
    if (path === '/admin/faults' && req.method === 'GET') return send(res, 200, { faults, retainedBytes });
    if (path === '/admin/faults' && req.method === 'POST') {
      const body = await readBody(req);
      try {
        faults = parseFaults(body);
      } catch (err) {
        throw new HttpError(400, err instanceof Error ? err.message : String(err));
      }
      return send(res, 200, { faults, retainedBytes });
    }
    if (path === '/admin/leak/release' && req.method === 'POST') {
      retained = [];
      retainedBytes = 0;
      return send(res, 200, { retainedBytes });
    }
    throw new HttpError(404, `no admin route ${req.method ?? ''} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/healthz') {
      send(res, 200, { ok: true });
      return path;
    }
    if (path === '/metrics') {
      send(res, 200, await registry.metrics(), registry.contentType);
      return path;
    }
    if (path.startsWith('/admin/')) {
      await handleAdmin(req, res, path);
      return path;
    }
    const candidates = routes.filter((r) => r.pattern.test(path));
    const found = candidates.find((r) => r.method === req.method);
    if (found === undefined) {
      throw candidates.length > 0 ? new HttpError(405, `${req.method ?? ''} not allowed on ${path}`) : new HttpError(404, `no route ${path}`);
    }
    const key = `${found.method} ${found.template}`;
    const body = await readBody(req);
    const claims = found.public === true ? undefined : authenticate(req.headers.authorization);
    const rateKey = claims === undefined ? `ip:${req.socket.remoteAddress ?? ''}` : `jti:${claims.jti}`;
    if (!limiter.take(rateKey, Date.now())) {
      res.setHeader('retry-after', '1');
      throw new HttpError(429, 'rate limit exceeded');
    }
    if (claims !== undefined) {
      const wanted = req.headers['x-tenant'];
      if (typeof wanted === 'string' && wanted !== claims.tenant) throw new HttpError(403, `token is for tenant "${claims.tenant}", not "${wanted}"`);
      const pathTenant = /^\/api\/tenants\/([^/]+)\//.exec(path)?.[1];
      if (pathTenant !== undefined && decodeURIComponent(pathTenant) !== claims.tenant) {
        throw new HttpError(403, `token is for tenant "${claims.tenant}", not "${pathTenant}"`);
      }
    }
    if (faults.leakBytesPerRequest > 0) {
      retained.push(Buffer.alloc(faults.leakBytesPerRequest, 1));
      retainedBytes += faults.leakBytesPerRequest;
    }
    // Node closes the socket after a response that says so: the client must connect again for the next.
    if (faults.noKeepAlive) res.setHeader('connection', 'close');
    burnCpu(valueForPath(faults.cpuBurnMs, path, 0));
    const base = baseLatency[key] ?? { median: 10, sigma: 0.5 };
    const delay = logNormal(latencyRandom, base.median * config.latencyScale, base.sigma) * valueForPath(faults.latency, path, 1);
    res.setHeader('x-simulated-delay-ms', delay.toFixed(3));
    if (delay > 0) await sleep(delay);
    // The server may have been closed while this request waited: its socket is gone, and so is the database.
    if (closed) throw new HttpError(503, 'shutting down');
    if (errorRandom() < valueForPath(faults.errorRate, path, 0)) {
      injectedErrors.inc({ route: found.template });
      throw new HttpError(500, 'injected error');
    }
    const ctx: Context = {
      claims: claims as TokenClaims,
      params: found.pattern.exec(path)?.slice(1) ?? [],
      body,
      query: url.searchParams,
      issue: (tenant) => tokenFor(claims as TokenClaims, tenant),
    };
    const result = await found.handle(ctx, res);
    if (result !== undefined) send(res, 200, result);
    return found.template;
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    let template = 'unmatched';
    handle(req, res)
      .then((t) => {
        template = t;
      })
      .catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        if (!(err instanceof HttpError)) console.error(err);
        send(res, status, { error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        duration.observe({ method: req.method ?? '', route: template, status: String(res.statusCode) }, seconds);
      });
  });

  const wss = new WebSocketServer({ noServer: true });
  const timers = new Set<NodeJS.Timeout>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/api/realtime/metrics') return refuse(404, 'Not Found');
    let claims: TokenClaims;
    try {
      claims = authenticate(req.headers.authorization ?? (url.searchParams.has('token') ? `Bearer ${url.searchParams.get('token') ?? ''}` : undefined));
    } catch {
      return refuse(401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      wsClients.inc();
      const timer = setInterval(() => {
        ws.send(
          JSON.stringify({
            type: 'metrics',
            tenant: claims.tenant,
            at: new Date().toISOString(),
            openAlerts: store.openAlertCount(claims.tenant),
            rssBytes: process.memoryUsage.rss(),
          }),
        );
      }, config.realtimeIntervalMs);
      timers.add(timer);
      ws.on('message', (data, isBinary) => {
        const text = isBinary ? '' : data.toString();
        let message: unknown = text;
        try {
          message = JSON.parse(text);
        } catch {
          // plain text
        }
        if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ping') {
          ws.send(JSON.stringify({ ...message, type: 'echo' }));
        } else {
          ws.send(JSON.stringify({ type: 'echo', data: text }));
        }
      });
      ws.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
        wsClients.dec();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      retained = [];
    },
  };
}

/** Keeps the CPU busy for `ms` on this thread: work the event loop cannot do anything else during. */
function burnCpu(ms: number): void {
  if (ms <= 0) return;
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  if (x < 0) throw new Error('unreachable');
}

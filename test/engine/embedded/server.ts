import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny service with known behaviour per route, counting what it was asked. */
export interface TestServer {
  readonly url: string;
  /** Requests per `METHOD path`, and how many were refused for lack of a token. */
  readonly hits: Map<string, number>;
  unauthorized: number;
  close(): Promise<void>;
}

export const TOKEN = 's3cret-token';

/**
 * Routes: `POST /auth/login` → `{ data: { token } }`; `GET /fast` after 2 ms; `GET /slow` after 10 ms;
 * `GET /boom` → 500; `POST /echo` → 201; `GET /hang` never answers; `GET /` → 200 at once. Every route
 * but login and `/` answers 401 without `authorization: Bearer <TOKEN>` when `requireToken` is set.
 */
export async function startTestServer(requireToken = true): Promise<TestServer> {
  const hits = new Map<string, number>();
  const state = { unauthorized: 0 };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const key = `${req.method} ${path}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown, delayMs = 0): void => {
        const send = (): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (delayMs > 0) setTimeout(send, delayMs);
        else send();
      };
      if (key === 'GET /') return answer(200, { ok: true });
      if (key === 'POST /auth/login') {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { user?: string };
        return body.user === 'ada' ? answer(200, { data: { token: TOKEN } }) : answer(403, { error: 'who?' });
      }
      if (requireToken && req.headers.authorization !== `Bearer ${TOKEN}`) {
        state.unauthorized++;
        return answer(401, { error: 'no token' });
      }
      switch (key) {
        case 'GET /fast': return answer(200, { ok: true }, 2);
        case 'GET /slow': return answer(200, { ok: true }, 10);
        case 'GET /boom': return answer(500, { error: 'boom' });
        case 'POST /echo': return answer(201, JSON.parse(Buffer.concat(chunks).toString() || 'null'));
        case 'GET /hang': return undefined;
        default: return answer(404, { error: 'not found' });
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    get unauthorized() { return state.unauthorized; },
    set unauthorized(v: number) { state.unauthorized = v; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * `perf-gate run --serve [host:]port`: a small HTTP server for people who watch a run. `/` is the live page
 * (live-page.ts), `/events` a server-sent-event stream of what the run does — `stage` (a stage's load
 * starts), `progress` (the figures of each progress line), `log` (each line perf-gate prints) and `done`
 * (the verdict) — and `/events` replays what was sent before, so a page opened late sees the stage so far.
 * It binds 127.0.0.1 unless a host is given: the figures of a load test are nobody else's business.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProgressSnapshot } from '../engine/live-progress.js';
import { LIVE_PAGE_CSP, livePageHtml } from './live-page.js';
import { UsageError } from './usage-error.js';

/** What `--serve` names: where to listen. */
export interface ServeAddress {
  readonly host: string;
  readonly port: number;
}

/** Events kept for late viewers; beyond it the oldest progress events go first (a stage of hours has thousands). */
const MAX_KEPT = 2000;

/**
 * `8080`, `:8080`, `0.0.0.0:8080`, `[::1]:8080` → host and port (127.0.0.1 when no host is given; port 0
 * picks a free one).
 *
 * @throws UsageError naming what is wrong.
 */
export function parseServeAddress(text: string): ServeAddress {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]*):)?(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : Number.NaN;
  if (!m || !(port >= 0 && port <= 65535)) {
    throw new UsageError(`--serve takes [host:]port, e.g. --serve :8080 or --serve 0.0.0.0:8080, but got '${text}'`);
  }
  const host = m[1] === undefined || m[1] === '' ? '127.0.0.1' : m[1].replace(/^\[|\]$/g, '');
  return { host, port };
}

export type LiveEvent =
  | { readonly type: 'stage'; readonly stage: string }
  | { readonly type: 'progress'; readonly stage: string | undefined; readonly snapshot: ProgressSnapshot }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'done'; readonly verdict: string; readonly headline: string };

export interface LiveServer {
  /** Where it listens, as a URL for the user to open. */
  readonly url: string;
  send(event: LiveEvent): void;
  /** Sends nothing more, ends every stream and stops listening. */
  close(): Promise<void>;
}

function frame(event: LiveEvent): string {
  const { type, ...rest } = event;
  const data = type === 'progress' ? { stage: event.stage, ...event.snapshot } : rest;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Starts listening.
 * @throws UsageError when the address cannot be listened on (in use, not this machine's), naming it.
 */
export async function startLiveServer(address: ServeAddress): Promise<LiveServer> {
  const kept: string[] = [];
  const streams = new Set<ServerResponse>();
  let closed = false;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': LIVE_PAGE_CSP, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : livePageHtml());
      return;
    }
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
      res.write('retry: 2000\n\n');
      for (const f of kept) res.write(f);
      if (closed) {
        res.end();
        return;
      }
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: the live page is /, its events /events\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new UsageError(`--serve ${address.host}:${address.port}: cannot listen (${err.message}); pick another port, or a host of this machine`, { cause: err })));
    server.listen(address.port, address.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = address.host.includes(':') ? `[${address.host}]` : address.host === '0.0.0.0' ? '127.0.0.1' : address.host;
  return {
    url: `http://${shown}:${port}/`,
    send(event) {
      if (closed) return;
      const f = frame(event);
      kept.push(f);
      if (kept.length > MAX_KEPT) {
        const i = kept.findIndex((k) => k.startsWith('event: progress'));
        kept.splice(i >= 0 ? i : 0, 1);
      }
      for (const s of streams) s.write(f);
    },
    async close() {
      closed = true;
      for (const s of streams) s.end();
      streams.clear();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // A viewer's browser keeps its connection open: the run is over, so is the page's.
      server.closeAllConnections();
      await stopped;
    },
  };
}

import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeUrl } from '../../src/ab/probe-arm.js';

let http: Server;
let silent: Server;
const sockets: Socket[] = [];
const urlOf = (s: Server): string => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
const listen = (s: Server): Promise<void> => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));

beforeAll(async () => {
  http = createHttpServer((req, res) => {
    res.writeHead(req.url === '/boom' ? 500 : 404).end();
  });
  // Accepts connections and never answers: a hung service.
  silent = createTcpServer((socket) => sockets.push(socket));
  await Promise.all([listen(http), listen(silent)]);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all([http, silent].map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('probeUrl', () => {
  it.each([
    { what: 'a 404 counts: something listens', path: '/', expected: { reachable: true, status: 404 } },
    { what: 'a 500 counts too', path: '/boom', expected: { reachable: true, status: 500 } },
  ])('$what', async ({ path, expected }) => {
    expect(await probeUrl(`${urlOf(http)}${path}`)).toEqual(expected);
  });

  it('a service that accepts but never answers is unreachable after the timeout', async () => {
    expect(await probeUrl(urlOf(silent), 300)).toEqual({ reachable: false, why: 'no answer within 0.3 s' });
  });

  it('a closed port is unreachable: connection refused', async () => {
    const closed = createTcpServer();
    await listen(closed);
    const url = urlOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await probeUrl(url)).toEqual({ reachable: false, why: 'connection refused (ECONNREFUSED): nothing listens there' });
  });

  it.each([
    { url: 'not a url', why: 'it is not a URL' },
    { url: 'ftp://127.0.0.1/', why: 'it is not an http(s) URL (ftp:)' },
  ])('$url is not probed: $why', async ({ url, why }) => {
    expect(await probeUrl(url)).toEqual({ reachable: false, why });
  });
});

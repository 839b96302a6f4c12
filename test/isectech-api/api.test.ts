import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { call, login, metricValue, quickServer } from './helpers.js';

describe('isectech-api: alerts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isectech-'));
  const dbPath = join(dir, 'api.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, updates, lists and deletes an alert, persisted in SQLite across a restart', async () => {
    let server = await quickServer({ dbPath });
    const token = await login(server, 'alice');
    const created = await call(server, 'POST', '/api/alerts', { token, body: { title: 'Brute force on VPN', severity: 'high' } });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: number };
    expect(id).toBeGreaterThan(0);

    const updated = await call(server, 'PUT', `/api/alerts/${id}`, { token, body: { status: 'acknowledged' } });
    expect(updated.body).toMatchObject({ id, title: 'Brute force on VPN', severity: 'high', status: 'acknowledged' });
    const dashboard = await call(server, 'GET', '/api/dashboard/metrics', { token });
    expect(dashboard.body).toMatchObject({ tenant: 'acme', total: 1, open: 0, bySeverity: { high: 1 }, byStatus: { acknowledged: 1 } });
    const csv = await call(server, 'POST', '/api/reports/export', { token, body: { format: 'csv' } });
    expect(csv.body).toBe(`id,title,severity,status,createdAt,updatedAt\n${id},Brute force on VPN,high,acknowledged,${(updated.body as { createdAt: string }).createdAt},${(updated.body as { updatedAt: string }).updatedAt}\n`);
    await server.close();

    server = await quickServer({ dbPath });
    const again = await login(server, 'alice');
    const listed = await call(server, 'GET', '/api/alerts', { token: again });
    expect(listed.body).toMatchObject({ alerts: [{ id, status: 'acknowledged' }] });
    const bob = await login(server, 'bob');
    expect((await call(server, 'GET', '/api/alerts', { token: bob })).body).toEqual({ alerts: [] });
    expect((await call(server, 'PUT', `/api/alerts/${id}`, { token: bob, body: { status: 'resolved' } })).status).toBe(404);
    expect((await call(server, 'DELETE', `/api/alerts/${id}`, { token: again })).status).toBe(204);
    expect((await call(server, 'DELETE', `/api/alerts/${id}`, { token: again })).status).toBe(404);
    expect((await call(server, 'GET', '/api/alerts', { token: again })).body).toEqual({ alerts: [] });
    await server.close();
  });

  it('rejects a malformed alert with 400 naming the field', async () => {
    const server = await quickServer();
    const token = await login(server, 'alice');
    const answer = await call(server, 'POST', '/api/alerts', { token, body: { title: 'x', severity: 'apocalyptic' } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('severity');
    await server.close();
  });
});

describe('isectech-api: security', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await quickServer({ realtimeIntervalMs: 50 });
  });
  afterAll(() => server.close());

  it('answers 401 to a wrong password, no token, a forged token and a revoked token', async () => {
    expect((await call(server, 'POST', '/api/auth/login', { body: { user: 'alice', password: 'nope' } })).status).toBe(401);
    expect((await call(server, 'GET', '/api/alerts')).status).toBe(401);
    expect((await call(server, 'GET', '/api/alerts', { token: 'not.a.token' })).status).toBe(401);
    const token = await login(server, 'alice');
    const [head, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, tenant: 'globex' })).toString('base64url')}.${signature}`;
    expect((await call(server, 'GET', '/api/alerts', { token: forged })).status).toBe(401);

    const refreshed = await call(server, 'POST', '/api/auth/refresh', { token });
    expect(refreshed.status).toBe(200);
    expect((await call(server, 'GET', '/api/alerts', { token })).status).toBe(401);
    const fresh = (refreshed.body as { token: string }).token;
    expect((await call(server, 'GET', '/api/alerts', { token: fresh })).status).toBe(200);
    expect((await call(server, 'POST', '/api/auth/logout', { token: fresh })).status).toBe(204);
    expect((await call(server, 'GET', '/api/alerts', { token: fresh })).status).toBe(401);
  });

  it('answers 403 across tenants: x-tenant header, tenant path, switch to a foreign tenant', async () => {
    const alice = await login(server, 'alice');
    expect((await call(server, 'GET', '/api/alerts', { token: alice, headers: { 'x-tenant': 'globex' } })).status).toBe(403);
    expect((await call(server, 'GET', '/api/alerts', { token: alice, headers: { 'x-tenant': 'acme' } })).status).toBe(200);
    expect((await call(server, 'GET', '/api/tenants/globex/settings', { token: alice })).status).toBe(403);
    expect((await call(server, 'GET', '/api/tenants/acme/settings', { token: alice })).body).toEqual({
      tenant: 'acme',
      settings: { retentionDays: 90, timezone: 'UTC' },
    });
    expect((await call(server, 'POST', '/api/tenants/switch', { token: alice, body: { tenant: 'globex' } })).status).toBe(403);

    const carol = await login(server, 'carol');
    expect((await call(server, 'GET', '/api/tenants', { token: carol })).body).toEqual({
      current: 'acme',
      tenants: [
        { id: 'acme', name: 'Acme Corp' },
        { id: 'globex', name: 'Globex Inc' },
      ],
    });
    const switched = await call(server, 'POST', '/api/tenants/switch', { token: carol, body: { tenant: 'globex' } });
    const globex = (switched.body as { token: string }).token;
    expect((await call(server, 'GET', '/api/tenants/globex/settings', { token: globex, headers: { 'x-tenant': 'globex' } })).status).toBe(200);
    expect((await call(server, 'GET', '/api/tenants/acme/settings', { token: globex })).status).toBe(403);
  });

  it('answers 429 past the per-token rate limit', async () => {
    const limited = await quickServer({ rateLimit: { ratePerSecond: 0.001, burst: 3 } });
    const token = await login(limited, 'alice');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call(limited, 'GET', '/api/alerts', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = await login(limited, 'bob');
    expect((await call(limited, 'GET', '/api/alerts', { token: other })).status).toBe(200);
    await limited.close();
  });

  it('echoes over the realtime WebSocket and pushes metrics messages', async () => {
    const token = await login(server, 'alice');
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/realtime/metrics?token=${token}`);
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send('ping');
    ws.send(JSON.stringify({ type: 'ping', sentAt: 123 }));
    await expect.poll(() => messages.filter((m) => m.type === 'metrics').length, { timeout: 2000 }).toBeGreaterThan(0);
    expect(messages.filter((m) => m.type === 'echo')).toEqual([
      { type: 'echo', data: 'ping' },
      { type: 'echo', sentAt: 123 },
    ]);
    expect(messages.find((m) => m.type === 'metrics')).toMatchObject({ tenant: 'acme', openAlerts: expect.any(Number) });
    ws.close();

    const refused = new WebSocket(`${server.url.replace('http', 'ws')}/api/realtime/metrics`);
    const status = await new Promise<number | undefined>((resolve) => {
      refused.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      refused.once('error', () => resolve(undefined));
    });
    expect(status).toBe(401);
  });

  it('serves Prometheus metrics with resident memory and request durations', async () => {
    const answer = await call(server, 'GET', '/metrics');
    const text = String(answer.body);
    expect(metricValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(1024 * 1024);
    expect(metricValue(text, 'isectech_retained_bytes')).toBe(0);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/alerts",status="200"\} \d+/);
  });
});

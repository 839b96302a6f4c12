import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../examples/isectech-api/src/index.js';
import { call, login, metricValue, quickServer } from './helpers.js';

const admin = { 'x-admin-token': 'isectech-admin' };

/** The same request sequence on any server; returns each request's injected delay and wall time. */
async function workload(server: RunningServer): Promise<{ route: string; delay: number; ms: number }[]> {
  const token = await login(server, 'alice');
  const created = await call(server, 'POST', '/api/alerts', { token, body: { title: 'Port scan' } });
  const id = (created.body as { id: number }).id;
  const answers = [{ route: '/api/alerts', answer: created }];
  answers.push({ route: '/api/alerts', answer: await call(server, 'PUT', `/api/alerts/${id}`, { token, body: { status: 'resolved' } }) });
  for (let i = 0; i < 4; i += 1) {
    answers.push({ route: '/api/alerts', answer: await call(server, 'GET', '/api/alerts', { token }) });
    answers.push({ route: '/api/tenants', answer: await call(server, 'GET', '/api/tenants', { token }) });
  }
  return answers.map(({ route, answer }) => {
    expect(answer.status).toBeLessThan(300);
    return { route, delay: Number(answer.headers.get('x-simulated-delay-ms')), ms: answer.ms };
  });
}

describe('isectech-api: fault knobs', () => {
  it('a latency factor slows every /api/alerts* route by exactly that factor and no other route', async () => {
    const baseline = await startServer({ seed: 7 });
    const slowed = await startServer({ seed: 7, faults: { latency: { '/api/alerts': 3 } } });
    const before = await workload(baseline);
    const after = await workload(slowed);
    await Promise.all([baseline.close(), slowed.close()]);

    for (const [i, row] of after.entries()) {
      const base = before[i]?.delay ?? Number.NaN;
      expect(base).toBeGreaterThan(0);
      if (row.route === '/api/alerts') expect(row.delay).toBeCloseTo(base * 3, 1);
      else expect(row.delay).toBe(base);
      // The delay is really waited for (less the timer's whole-millisecond rounding and a stale loop clock).
      expect(row.ms).toBeGreaterThanOrEqual(row.delay - 3);
    }
  });

  it('error probability 1 answers 500 on the targeted route only, set through the admin route', async () => {
    const server = await quickServer();
    expect((await call(server, 'POST', '/admin/faults', { body: { errorRate: { '/api/dashboard': 1 } } })).status).toBe(401);
    expect((await call(server, 'POST', '/admin/faults', { headers: admin, body: { errorRate: { '/api/dashboard': 2 } } })).status).toBe(400);
    const set = await call(server, 'POST', '/admin/faults', { headers: admin, body: { errorRate: { '/api/dashboard': 1 } } });
    expect(set.body).toEqual({ faults: { latency: {}, errorRate: { '/api/dashboard': 1 }, leakBytesPerRequest: 0, noKeepAlive: false, cpuBurnMs: {} }, retainedBytes: 0 });
    expect((await call(server, 'GET', '/admin/faults', { headers: admin })).body).toEqual(set.body);

    const token = await login(server, 'alice');
    for (let i = 0; i < 5; i += 1) {
      expect((await call(server, 'GET', '/api/dashboard/metrics', { token })).status).toBe(500);
      expect((await call(server, 'GET', '/api/alerts', { token })).status).toBe(200);
    }
    expect(String((await call(server, 'GET', '/metrics')).body)).toContain('isectech_injected_errors_total{route="/api/dashboard/metrics"} 5');

    await call(server, 'POST', '/admin/faults', { headers: admin, body: {} });
    expect((await call(server, 'GET', '/api/dashboard/metrics', { token })).status).toBe(200);
    await server.close();
  });

  it('an error probability of 0.3 fails about 30 % of requests, reproducibly for a seed', async () => {
    const rates: number[] = [];
    for (const _ of [1, 2]) {
      const server = await quickServer({ seed: 11, faults: { errorRate: { '/api/alerts': 0.3 } } });
      const token = await login(server, 'alice');
      let failed = 0;
      for (let i = 0; i < 100; i += 1) if ((await call(server, 'GET', '/api/alerts', { token })).status === 500) failed += 1;
      rates.push(failed / 100);
      await server.close();
    }
    expect(rates[0]).toBe(rates[1]);
    expect(rates[0]).toBeGreaterThan(0.15);
    expect(rates[0]).toBeLessThan(0.45);
  });

  it('the leak retains bytes per request, shown in isectech_retained_bytes and in resident memory', async () => {
    const mib = 1024 * 1024;
    const server = await quickServer({ faults: { leakBytesPerRequest: mib } });
    const token = await login(server, 'alice');
    const rssBefore = metricValue(String((await call(server, 'GET', '/metrics')).body), 'process_resident_memory_bytes');
    for (let i = 0; i < 39; i += 1) await call(server, 'GET', '/api/tenants', { token });
    const text = String((await call(server, 'GET', '/metrics')).body);
    expect(metricValue(text, 'isectech_retained_bytes')).toBe(40 * mib);
    expect(metricValue(text, 'process_resident_memory_bytes') - rssBefore).toBeGreaterThan(20 * mib);

    expect((await call(server, 'POST', '/admin/leak/release', { headers: admin })).body).toEqual({ retainedBytes: 0 });
    await server.close();
  });
});

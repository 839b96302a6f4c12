import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDocumentSchema, type RunDocument } from '../../../src/document/run-document.js';
import { RunView } from '../../../src/document/run-view.js';
import { AUTOCANNON_VERSION, runEmbedded } from '../../../src/engine/embedded/run-embedded.js';
import { WorkloadSchema, type WorkloadInput } from '../../../src/config/workload.js';
import { startTestServer, type TestServer } from './server.js';
import { scopeOf } from '../../../src/document/by-type.js';

function quietLog(): { info(m: string): void; lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m) };
}

const login = { path: '/auth/login', body: { user: 'ada' }, tokenField: 'data.token' };

describe('runEmbedded against a local service', () => {
  let server: TestServer;
  let doc: RunDocument;
  let view: RunView;
  const log = quietLog();

  beforeAll(async () => {
    server = await startTestServer();
    const workload = WorkloadSchema.parse({
      baseUrl: server.url,
      login,
      requests: [
        { name: 'fast', path: '/fast', weight: 3 },
        { name: 'slow', path: '/slow', weight: 1 },
        { name: 'boom', path: '/boom', weight: 1 },
        { name: 'echo', method: 'POST', path: '/echo', body: { hello: 'world' }, weight: 1, expectStatus: 201 },
      ],
      connections: 6,
      duration: 2,
      tags: { tenant: 'acme' },
    } satisfies WorkloadInput);
    doc = await runEmbedded(workload, { stage: 'smoke', log, progressIntervalMs: 500 });
    view = new RunView(doc);
  });
  afterAll(() => server.close());

  it('produces a valid run document from the embedded engine', () => {
    expect(RunDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta).toMatchObject({ tool: 'embedded', toolVersion: AUTOCANNON_VERSION, stage: 'smoke', partial: false, groupBy: ['name'] });
    expect(AUTOCANNON_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.meta.durationSeconds).toBeGreaterThan(1.5);
    expect(doc.meta.sources[0]).toMatchObject({ format: 'embedded', partial: false });
  });

  it('declares the metrics with k6 types', () => {
    expect(doc.metrics).toMatchObject({
      http_reqs: { type: 'counter', contains: 'default' },
      http_req_duration: { type: 'trend', contains: 'time' },
      http_req_failed: { type: 'rate' },
      iterations: { type: 'counter' },
      vus: { type: 'gauge' },
      vus_max: { type: 'gauge' },
    });
  });

  it('has per-endpoint scopes whose counts follow the weights', () => {
    const counts = Object.fromEntries(['fast', 'slow', 'boom', 'echo'].map((n) => [n, view.value(`http_req_duration{name:${n}}`, 'count') ?? 0]));
    const total = view.value('http_reqs', 'count')!;
    // Every request is in exactly one endpoint scope, plus the one login request.
    expect(counts.fast! + counts.slow! + counts.boom! + counts.echo! + 1).toBe(total);
    expect(total).toBeGreaterThan(100);
    const perWeight = (counts.slow! + counts.boom! + counts.echo! + counts.fast!) / 6;
    expect(counts.fast! / perWeight).toBeCloseTo(3, 0);
    for (const n of ['slow', 'boom', 'echo']) expect(Math.abs(counts[n]! / perWeight - 1)).toBeLessThan(0.15);
    // The service saw what the document says, give or take requests answered after the end (not counted);
    // on a loaded machine autocannon keeps sending for a moment after the deadline, hence the slack.
    const extra = server.hits.get('GET /fast')! - counts.fast!;
    expect(extra).toBeGreaterThanOrEqual(0);
    // (106 extra were seen with a load average of 15).
    expect(extra).toBeLessThanOrEqual(Math.max(100, counts.fast! * 0.4));
    expect(view.value('iterations', 'count')).toBe(total - 1);
  });

  it('shows the slower route with a higher median', () => {
    const fast = view.value('http_req_duration{name:fast}', 'med')!;
    const slow = view.value('http_req_duration{name:slow}', 'med')!;
    expect(fast).toBeGreaterThanOrEqual(2);
    expect(slow).toBeGreaterThanOrEqual(10);
    // The slow route adds its delay to whatever the machine costs both routes; on a loaded machine the
    // fast route's median can reach 11 ms, so the slow one is only surely higher, not surely twice.
    expect(slow).toBeGreaterThan(fast);
  });

  it('counts 500s as failed requests of that endpoint only', () => {
    expect(scopeOf(view.doc, 'http_req_failed{name:boom}', 'rate')?.rate).toMatchObject({ passes: view.value('http_req_duration{name:boom}', 'count') });
    expect(view.value('http_req_failed{name:boom}', 'rate')).toBe(1);
    for (const n of ['fast', 'slow', 'echo']) expect(view.value(`http_req_failed{name:${n}}`, 'rate')).toBe(0);
    // With k6's failure signature: status 500, error_code 1500.
    expect(view.signatures({ name: 'boom' })).toEqual([{ status: '500', errorCode: '1500', failed: view.value('http_req_duration{name:boom}', 'count') }]);
    expect(view.signatures({ name: 'fast' })).toEqual([]);
  });

  it('reuses the login token: no request was refused', () => {
    expect(server.unauthorized).toBe(0);
    expect(server.hits.get('POST /auth/login')).toBe(1);
    expect(view.value('http_reqs{name:POST /auth/login}', 'count')).toBe(1);
  });

  it('records VUs each second and progress lines', () => {
    expect(scopeOf(doc, 'vus', 'gauge')?.gauge).toMatchObject({ max: 6 });
    expect(scopeOf(doc, 'vus_max', 'gauge')?.gauge).toMatchObject({ value: 6 });
    expect(doc.windows.series['http_reqs{name:fast}']!.length).toBeGreaterThanOrEqual(2);
    expect(log.lines.some((l) => /^elapsed \ds · [\d.,]+ req\/s · p95 [\d.]+ ms · errors [\d.]+ % · 6 VUs$/.test(l))).toBe(true);
  });
});

describe('runEmbedded edge cases', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(false); });
  afterAll(() => server.close());

  it('returns a partial document when aborted mid-run', async () => {
    const controller = new AbortController();
    const workload = WorkloadSchema.parse({ baseUrl: server.url, requests: [{ path: '/' }], connections: 2, duration: 20 });
    setTimeout(() => controller.abort(), 600);
    const t0 = Date.now();
    const doc = await runEmbedded(workload, { stage: 'load', log: quietLog(), signal: controller.signal });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(RunDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.sources[0]!.partial).toBe(true);
    expect(doc.meta.warnings.join('\n')).toContain('cancelled');
    expect(new RunView(doc).value('http_reqs{name:GET /}', 'count')).toBeGreaterThan(0);
  });

  it('returns an empty partial document when cancelled before it starts', async () => {
    const workload = WorkloadSchema.parse({ baseUrl: server.url, requests: [{ path: '/' }], duration: 5, login: { path: '/auth/login', body: { user: 'ada' } } });
    const doc = await runEmbedded(workload, { stage: 'load', log: quietLog(), signal: AbortSignal.abort() });
    expect(RunDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta.partial).toBe(true);
    expect(doc.scopes['http_reqs']).toBeUndefined();
  });

  it('counts timed-out requests as failed with status 0', async () => {
    const workload = WorkloadSchema.parse({
      baseUrl: server.url,
      requests: [{ name: 'hang', path: '/hang' }, { name: 'root', path: '/' }],
      connections: 2,
      duration: 2.5,
      timeout: 1,
    });
    const doc = await runEmbedded(workload, { stage: 'smoke', log: quietLog() });
    const view = new RunView(doc);
    expect(view.value('http_req_failed{name:hang}', 'fails')).toBe(0);
    expect(view.value('http_req_failed{name:hang}', 'passes')).toBeGreaterThan(0);
    expect(view.value('http_req_failed{name:root}', 'passes')).toBe(0);
    expect(view.value('http_req_duration{name:hang}', 'min')).toBeCloseTo(1000, -2);
  });

  it('holds an arrival rate and ramps connections up', async () => {
    const workload = WorkloadSchema.parse({ baseUrl: server.url, requests: [{ path: '/' }], connections: 4, arrivalRate: 40, duration: 2, rampUp: 1 });
    const doc = await runEmbedded(workload, { stage: 'smoke', log: quietLog() });
    const count = new RunView(doc).value('http_reqs', 'count')!;
    // Half the rate in the first second, all of it in the second: about 60 requests.
    expect(count).toBeGreaterThan(35);
    expect(count).toBeLessThan(90);
    expect(scopeOf(doc, 'vus', 'gauge')?.gauge).toMatchObject({ min: 2, max: 4 });
  });

  it('fails with a clear message when login fails', async () => {
    const workload = WorkloadSchema.parse({ baseUrl: server.url, requests: [{ path: '/' }], duration: 1, login: { path: '/auth/login', body: { user: 'eve' } } });
    await expect(runEmbedded(workload, { stage: 'smoke', log: quietLog() })).rejects.toThrow(/login POST .*\/auth\/login answered 403/);
  });
});

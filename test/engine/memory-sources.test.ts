import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandMemory, prometheusQueryMemory } from '../../src/engine/memory-sources.js';

let server: Server;
let base = '';
let queries = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    queries++;
    if ((req.url ?? '').startsWith('/ok/api/v1/query_range')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'success', data: { result: [{ values: [[1700000000, '100']] }] } }));
    } else {
      res.statusCode = 500;
      res.end(JSON.stringify({ status: 'error', error: 'bad query' }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('memory sources behind the MemorySampler port', () => {
  it.each([
    { what: "the stage's window is queried", path: '/ok', window: { startMs: 1_700_000_000_000, endMs: 1_700_000_060_000 }, samples: [{ t: 1_700_000_000_000, rssBytes: 100 }], asked: 1, warnings: 0 },
    { what: 'no window (the load failed): nothing is asked', path: '/ok', window: undefined, samples: [], asked: 0, warnings: 0 },
    { what: 'a failed query: one warning, no samples', path: '/bad', window: { startMs: 1, endMs: 2 }, samples: [], asked: 1, warnings: 1 },
  ])('prometheus-query: $what', async ({ path, window, samples, asked, warnings }) => {
    const lines: string[] = [];
    const memory = prometheusQueryMemory(`${base}${path}`, 'process_resident_memory_bytes', { warning: (m) => lines.push(m) });
    expect(memory.source).toBe(`${base}${path} process_resident_memory_bytes`);
    const before = queries;
    expect(await memory.start('smoke').stop(window)).toEqual(samples);
    expect(queries - before).toBe(asked);
    expect(lines).toHaveLength(warnings);
  });

  it("a command gets the stage's variables, and none of the secrets", async () => {
    const dump = join(mkdtempSync(join(tmpdir(), 'perf-gate-memory-sources-')), 'env.txt');
    const memory = commandMemory(`env > '${dump}'; echo 4096`, { warning: () => undefined }, {
      processEnv: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GH_TOKEN: 'canary-gh-0123456789' },
      secrets: ['ghs_secret0123456789'],
      variablesOf: (stage) => ({ PERF_GATE_STAGE: stage, LEAK: 'ghs_secret0123456789' }),
      intervalMs: 1000,
    });
    expect(memory.source).toBe(`command: env > '${dump}'; echo 4096`);
    const samples = await memory.start('load').stop();
    expect(samples.map((s) => s.rssBytes)).toEqual([4096]);
    const env = readFileSync(dump, 'utf8');
    expect(env).toMatch(/^PERF_GATE_STAGE=load$/m);
    expect(env).not.toContain('canary-gh-0123456789');
    expect(env).not.toContain('ghs_secret0123456789');
  });
});

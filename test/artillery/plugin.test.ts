/**
 * artillery-plugin-perf-gate on its own, without Artillery: the hooks it adds to a script and the lines it
 * writes for what Artillery hands those hooks (test/real-artillery runs it inside real Artillery).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import { RunView } from '../../src/document/run-view.js';

type Hook = (...args: unknown[]) => void;
interface Script {
  config: { processor?: Record<string, Hook> };
  scenarios: { afterResponse?: string[] | string; onError?: string[]; flow: unknown[] }[];
}
interface PluginInstance {
  cleanup(done: () => void): void;
}
const { Plugin } = createRequire(import.meta.url)('../../artillery/artillery-plugin-perf-gate/index.js') as { Plugin: new (script: Script, events: unknown) => PluginInstance };

let dir: string;
const saved = { worker: process.env.LOCAL_WORKER_ID, requests: process.env.PERF_GATE_ARTILLERY_REQUESTS };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'perf-gate-plugin-'));
  process.env.LOCAL_WORKER_ID = '1';
  process.env.PERF_GATE_ARTILLERY_REQUESTS = join(dir, 'smoke.requests');
});
afterEach(() => {
  for (const [name, value] of [['LOCAL_WORKER_ID', saved.worker], ['PERF_GATE_ARTILLERY_REQUESTS', saved.requests]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const script = (): Script => ({ config: {}, scenarios: [{ afterResponse: 'mine', flow: [] }, { flow: [] }] });
const call = (fn: Hook | undefined, ...args: unknown[]): Promise<void> => new Promise((resolve) => fn!(...args, resolve));
const response = (status: number, start: number, firstByte: number) => ({ statusCode: status, timings: { start, phases: { wait: 1, dns: 0.5, tcp: 0.4, firstByte, download: 2, total: firstByte + 3 } } });

describe('artillery-plugin-perf-gate', () => {
  it('adds its hooks after the script’s own to every scenario', () => {
    const s = script();
    new Plugin(s, {}).cleanup(() => {});
    expect(s.scenarios.map((x) => [x.afterResponse, x.onError])).toEqual([
      [['mine', 'perfGate_afterResponse'], ['perfGate_onError']],
      [['perfGate_afterResponse'], ['perfGate_onError']],
    ]);
  });

  it('writes a header and one line per request into a file of its own thread', async () => {
    const s = script();
    const plugin = new Plugin(s, {});
    const p = s.config.processor!;
    await call(p.perfGate_afterResponse, { name: 'GET /api/alerts', method: 'get', url: 'http://127.0.0.1/api/alerts?x=1' }, response(200, 1_796_278_111_000, 12.5), {}, {});
    const failedCapture = { method: 'POST', url: 'http://127.0.0.1/api/alerts' };
    await call(p.perfGate_afterResponse, failedCapture, response(500, 1_796_278_111_100, 3), {}, {});
    // Artillery calls onError after a failed capture of an answered request: not a second request.
    await call(p.perfGate_onError, new Error('Failed capture or match'), failedCapture, {}, {});
    await call(p.perfGate_onError, Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { name: 'POST /api/auth/login', method: 'POST' }, {}, {});
    plugin.cleanup(() => {});
    const files = readdirSync(dir);
    expect(files).toEqual([`smoke.requests.${process.pid}-${threadId}.jsonl`]);
    const lines = readFileSync(join(dir, files[0]!), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ perfGate: 'artillery-requests@1', pid: process.pid, thread: threadId });
    expect(lines.slice(1, 3)).toEqual([
      { t: 1_796_278_111_000, name: 'GET /api/alerts', method: 'GET', status: 200, ms: 12.5, phases: { wait: 1, dns: 0.5, tcp: 0.4, firstByte: 12.5, download: 2, total: 15.5 } },
      { t: 1_796_278_111_100, name: '/api/alerts', method: 'POST', status: 500, ms: 3, phases: { wait: 1, dns: 0.5, tcp: 0.4, firstByte: 3, download: 2, total: 6 } },
    ]);
    expect(lines[3]).toMatchObject({ name: 'POST /api/auth/login', method: 'POST', error: 'ECONNREFUSED' });
    expect(lines).toHaveLength(4);
    const view = new RunView(await ingestFiles([join(dir, files[0]!)]));
    expect(view.errors({})).toEqual({ failed: 2, total: 3 });
  });

  it.each([
    { what: "in Artillery's main process", env: { LOCAL_WORKER_ID: undefined } },
    { what: 'without PERF_GATE_ARTILLERY_REQUESTS', env: { PERF_GATE_ARTILLERY_REQUESTS: undefined } },
  ])('does nothing $what', ({ env }) => {
    for (const name of Object.keys(env)) delete process.env[name];
    const s = script();
    new Plugin(s, {}).cleanup(() => {});
    expect(s.config.processor).toBeUndefined();
    expect(s.scenarios[1]!.afterResponse).toBeUndefined();
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});

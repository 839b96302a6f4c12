/**
 * The Action's `prometheus-remote-write-url`: in-process with the stand-in k6 (test/support/fake-k6.mjs),
 * pushing to a local HTTP receiver that records what a remote-write receiver is sent (a stand-in: the real
 * Prometheus is in test/real-prometheus). The body is Snappy-compressed protobuf with the run's series, the
 * bearer token goes in the header and is masked, and a refused push is a warning that keeps the verdict.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uncompress } from 'snappyjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { runAction } from '../../src/action/run.js';
import { splitArgs } from '../../src/engine/split-args.js';
import { recordingIo, runActionInProcess } from './fake-io.js';
import { fakeK6Bin } from './run-action.js';

const TOKEN = 'prom-bearer-SECRET-42';
let server: Server;
let url = '';
let status = 204;
const got: { headers: IncomingHttpHeaders; body: Buffer }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = status;
      res.end(status === 204 ? undefined : `server returned HTTP status 400 Bad Request: out of bounds (token was ${TOKEN})`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/write`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function act() {
  const temp = mkdtempSync(join(tmpdir(), 'perf-gate-prom-action-'));
  const path = `${fakeK6Bin()}:${process.env['PATH'] ?? ''}`;
  const io = recordingIo(
    { script: 'test/fixtures/k6/script.js', stages: 'smoke', 'k6-version': '0.49.0', baseline: 'file:test/fixtures/k6/smoke-baseline.ndjson.gz', 'update-baseline': 'never', comment: 'never', 'prometheus-remote-write-url': url, 'prometheus-bearer-token': TOKEN },
    { PATH: path, GITHUB_REPOSITORY: 'acme/api', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'cafe000000000000000000000000000000000001', FAKE_K6_REPLAY: 'smoke-regressed', FAKE_K6_DURATION_MS: '100' },
    temp,
  );
  await runActionInProcess(runAction, io, temp, path);
  return io;
}

describe("the Action's Prometheus push", () => {
  it("sends the run's series as remote-write 1.0, with the token in the header only, labelled with the repository, branch and commit", async () => {
    const io = await act();
    expect(io.calls).toContain(`secret: ${TOKEN}`);
    const push = got.at(-1)!;
    expect(push.headers['content-encoding']).toBe('snappy');
    expect(push.headers['content-type']).toBe('application/x-protobuf');
    expect(push.headers['x-prometheus-remote-write-version']).toBe('0.1.0');
    expect(push.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    const raw = Buffer.from(uncompress(new Uint8Array(push.body)));
    for (const want of ['perf_gate_latency_seconds', 'perf_gate_verdict', 'acme/api', 'main', 'cafe000000000000000000000000000000000001', 'POST /api/alerts']) expect(raw.includes(Buffer.from(want)), want).toBe(true);
    expect(io.calls.some((c) => /^info: Prometheus: pushed \d+ samples to http:\/\/127\.0\.0\.1:\d+$/.test(c))).toBe(true);
  });

  it('warns when the receiver refuses, names no credential, and keeps the verdict', async () => {
    status = 400;
    const io = await act();
    status = 204;
    const warning = io.calls.find((c) => c.startsWith('warning: Prometheus remote-write'));
    expect(warning).toMatch(/answered 400 Bad Request: server returned HTTP status 400 Bad Request: out of bounds \(token was \*\*\*\) — the verdict stands\.$/);
    expect(io.calls.filter((c) => !c.startsWith('secret: ')).join('\n')).not.toContain(TOKEN);
    expect(io.calls.some((c) => c.startsWith('failed: perf-gate: fail'))).toBe(true);
  });

  it.each([
    [{ 'prometheus-remote-write-url': 'not a url' }, "'prometheus-remote-write-url': not a URL"],
    [{ 'prometheus-bearer-token': 't' }, "go with 'prometheus-remote-write-url', which is not set"],
    [{ 'prometheus-remote-write-url': 'http://p/api/v1/write', 'prometheus-bearer-token': 't', 'prometheus-username': 'u' }, 'cannot both be set'],
  ])('refuses %j before any load', (table, says) => {
    expect(() => parseInputs((name) => ({ script: 's.js', ...table })[name as 'script'] ?? '', splitArgs, '1.8.1')).toThrow(says);
  });
});

/**
 * `perf-gate run --serve`: the live page and its server-sent events — the address it takes, the page's
 * Content-Security-Policy (its one script and style allowed by hash, nothing loaded), the replay a late
 * viewer gets, and a whole run with the stand-in k6 (test/support/fake-k6.mjs replaying a recorded run for
 * 5 s) whose progress reaches a viewer and whose verdict ends the stream.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeAddress, startLiveServer } from '../../src/cli/live-server.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { fakeK6Bin } from '../action/run-action.js';
import { startCli } from '../support/processes.js';

interface Received {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Reads server-sent events from `url` until one named `until` arrives (or the stream ends). */
async function readEvents(url: string, until = 'done', timeoutMs = 30_000): Promise<Received[]> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const got: Received[] = [];
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) got.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      if (event === until) return got;
    }
  }
  return got;
}

describe('--serve [host:]port', () => {
  it.each([
    ['8080', { host: '127.0.0.1', port: 8080 }],
    [':8080', { host: '127.0.0.1', port: 8080 }],
    ['0.0.0.0:9000', { host: '0.0.0.0', port: 9000 }],
    ['[::1]:0', { host: '::1', port: 0 }],
    ['localhost:3001', { host: 'localhost', port: 3001 }],
  ])('%s', (text, address) => {
    expect(parseServeAddress(text)).toEqual(address);
  });

  it.each(['', 'http://x:80', '70000', ':-1', 'host:', 'a b:80'])("refuses '%s' with the form it takes", (text) => {
    expect(() => parseServeAddress(text)).toThrow(UsageError);
    expect(() => parseServeAddress(text)).toThrow(/--serve takes \[host:\]port, e\.g\. --serve :8080/);
  });

  it('says so when the port is taken', async () => {
    const first = await startLiveServer({ host: '127.0.0.1', port: 0 });
    const port = Number(new URL(first.url).port);
    await expect(startLiveServer({ host: '127.0.0.1', port })).rejects.toThrow(new RegExp(`--serve 127.0.0.1:${port}: cannot listen \\(.*EADDRINUSE.*\\); pick another port`));
    await first.close();
  });
});

describe('the live page', () => {
  it('allows its own script and style by hash and loads nothing else', async () => {
    const live = await startLiveServer({ host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(live.url);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      const html = await res.text();
      const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      expect(csp).toContain(`script-src ${sha(script)}`);
      expect(csp).toContain(`style-src ${sha(style)}`);
      expect(csp).toMatch(/^default-src 'none';/);
      expect(html).not.toMatch(/\b(?:src|href)=/);
      expect(script).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
      expect((await fetch(new URL('/nothing', live.url))).status).toBe(404);
      expect((await fetch(live.url, { method: 'POST' })).status).toBe(405);
    } finally {
      await live.close();
    }
  });

  it('replays what was sent to a viewer who comes late, then streams on until the verdict', async () => {
    const live = await startLiveServer({ host: '127.0.0.1', port: 0 });
    const snapshot = { elapsedMs: 2000, requests: 40, requestsPerSecond: 20, p95Ms: 31.5, errorRate: 0, vus: 5, totalRequests: 40, started: true };
    live.send({ type: 'stage', stage: 'smoke' });
    live.send({ type: 'progress', stage: 'smoke', snapshot });
    const reading = readEvents(new URL('/events', live.url).href);
    await new Promise((r) => setTimeout(r, 100));
    live.send({ type: 'log', line: 'stage smoke: pass' });
    live.send({ type: 'done', verdict: 'pass', headline: 'perf-gate: pass — 1 stage' });
    const got = await reading;
    expect(got.map((e) => e.event)).toEqual(['stage', 'progress', 'log', 'done']);
    expect(got[1]!.data).toEqual({ stage: 'smoke', ...snapshot });
    expect(got[3]!.data).toEqual({ verdict: 'pass', headline: 'perf-gate: pass — 1 stage' });
    await live.close();
  });
});

describe('perf-gate run --serve, the stand-in k6', () => {
  it('streams the progress of the stage to a viewer and ends with the verdict', async () => {
    const out = mkdtempSync(join(tmpdir(), 'perf-gate-serve-'));
    const started = startCli(['run', '--engine', 'k6', '--script', 'test/fixtures/k6/script.js', '--stage', 'smoke', '--serve', '127.0.0.1:0', '-o', out], {
      ...process.env,
      PATH: `${fakeK6Bin()}${delimiter}${process.env['PATH'] ?? ''}`,
      FAKE_K6_REPLAY: 'smoke-baseline',
      FAKE_K6_DURATION_MS: '5000',
      NO_COLOR: '1',
    });
    await started.waitFor((o) => /live figures at http:\/\/127\.0\.0\.1:\d+\//.test(o), 'the live page');
    const url = /live figures at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(started.stderr())![1]!;
    const got = await readEvents(`${url}events`);
    const { code } = await started.exited;
    expect(code, started.stderr()).toBe(0);
    expect(got[0]).toEqual({ event: 'stage', data: { stage: 'smoke' } });
    const progress = got.filter((e) => e.event === 'progress').map((e) => e.data);
    expect(progress.length, JSON.stringify(got)).toBeGreaterThanOrEqual(1);
    expect(progress.some((p) => (p['totalRequests'] as number) > 0 && p['stage'] === 'smoke')).toBe(true);
    expect(got.some((e) => e.event === 'log' && /^stage smoke: /.test(e.data['line'] as string))).toBe(true);
    expect(got.at(-1)).toEqual({ event: 'done', data: { verdict: expect.any(String), headline: expect.stringMatching(/^perf-gate: /) } });
  }, 60_000);
});

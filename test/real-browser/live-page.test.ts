/**
 * The live page of `perf-gate run --serve` in a real headless Chromium (test/real-browser/chromium.ts): it
 * loads under its own Content-Security-Policy with no script error, fills its figures and chart from the
 * server-sent events as they come, shows the log as text (markup in a log line stays text), and ends with
 * the verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startLiveServer, type LiveServer } from '../../src/cli/live-server.js';
import { CHROMIUM, launchChromium, warnIfNoChromium } from './chromium.js';

warnIfNoChromium('the live page in Chromium');

/**
 * Polls from the test's side, not with page.waitForFunction: that evaluates its predicate inside the page,
 * which the page's own CSP (no 'unsafe-eval') refuses as soon as the first look is false. Bounded: 10 s.
 */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`the page did not reach the expected state in 10 s (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await read();
  }
}

describe.skipIf(CHROMIUM === undefined)('the live page in headless Chromium', () => {
  let browser: Browser;
  let live: LiveServer;
  beforeAll(async () => {
    browser = await launchChromium();
    live = await startLiveServer({ host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
    await browser?.close();
  });

  it('shows the figures, the chart and the log as the events come, and the verdict at the end', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    live.send({ type: 'stage', stage: 'smoke' });
    await page.goto(live.url);
    const snapshot = (k: number) => ({ elapsedMs: k * 2000, requests: 40 * k, requestsPerSecond: 20 + k, p95Ms: 30 + 2 * k, errorRate: 0.01, vus: 5, totalRequests: 40 * k, started: true });
    for (let k = 1; k <= 4; k++) live.send({ type: 'progress', stage: 'smoke', snapshot: snapshot(k) });
    live.send({ type: 'log', line: '<img src=x onerror=alert(1)> stage smoke: pass' });
    await until(() => page.textContent('#total'), (t) => t === '160');
    expect(await page.textContent('#stage')).toBe('stage smoke: running');
    expect(await page.textContent('#rps')).toBe('24.0');
    expect(await page.textContent('#p95')).toBe('38.0 ms');
    expect(await page.textContent('#errors')).toBe('1.00 %');
    expect(await page.textContent('#vus')).toBe('5');
    const lines = await page.$$eval('#chart polyline', (ps) => ps.map((p) => p.getAttribute('points')!.split(' ').length));
    expect(lines).toEqual([4, 4]);
    await until(() => page.textContent('#log'), (t) => (t ?? '').includes('stage smoke: pass'));
    expect(await page.$$('#log img')).toHaveLength(0);
    live.send({ type: 'done', verdict: 'pass', headline: 'perf-gate: pass — 1 stage, nothing regressed' });
    await until(() => page.getAttribute('#stage', 'class'), (c) => c === 'done-pass');
    expect(await page.textContent('#stage')).toBe('perf-gate: pass — 1 stage, nothing regressed');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

/**
 * The HTML report in a real headless Chromium (test/real-browser/chromium.ts): `perf-gate compare --format
 * html` of two recorded k6 runs (a regressed smoke against its baseline), opened from disk. It must load
 * under its own Content-Security-Policy without an error, lead with the failing endpoints (highlighted),
 * draw latency with its limit line, throughput and failed requests for each, show its status icons as SVG
 * (no emoji font needed), and never draw an x axis into negative time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { CHROMIUM, launchChromium, warnIfNoChromium } from './chromium.js';

warnIfNoChromium('the HTML report in Chromium');

describe.skipIf(CHROMIUM === undefined)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  const file = join(mkdtempSync(join(tmpdir(), 'perf-gate-html-')), 'report.html');
  beforeAll(async () => {
    const r = await cli('compare', '--baseline', 'test/fixtures/k6/smoke-baseline.ndjson.gz', '--current', 'test/fixtures/k6/smoke-regressed.ndjson.gz', '--stage', 'smoke', '--format', 'html', '-o', file);
    expect(r.code, r.stderr).toBe(1);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders with no error, failing endpoints first with their charts and limit lines, SVG icons and no negative time', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) problems.push(`request: ${req.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    const cards = await page.$$eval('.scope-card', (els) => els.map((e) => ({ cls: e.className, charts: e.querySelectorAll('figure.chart svg').length, limits: e.querySelectorAll('line.limit').length, title: e.querySelector('h4')?.textContent ?? '' })));
    expect(cards.length).toBeGreaterThan(3);
    // Failing first, highlighted; then the others.
    expect(cards[0]!.cls).toBe('scope-card o-fail');
    const firstNonFail = cards.findIndex((c) => !c.cls.includes('o-fail'));
    expect(cards.slice(firstNonFail).every((c) => !c.cls.includes('o-fail'))).toBe(true);
    for (const c of cards) expect(c.charts, c.title).toBe(3);
    // The failing endpoints' latency charts carry the limit (baseline p95 + the stage's limit).
    for (const c of cards.filter((x) => x.cls.includes('o-fail'))) expect(c.limits, c.title).toBeGreaterThanOrEqual(1);
    const limitTitles = await page.$$eval('line.limit title', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(limitTitles).toContain('SLO p(95)<500');
    // Every chart has its limit: latency (+20 % on the baseline p95), failed requests, and the whole run's throughput (−15 %).
    expect(limitTitles.some((t) => /^limit: baseline −15 % = [\d.]+ req\/s$/.test(t))).toBe(true);
    expect(limitTitles.filter((t) => /^limit: baseline \+50 % and \+0\.1 pts = [\d.]+ %$/.test(t)).length).toBe(cards.length);
    expect(limitTitles.filter((t) => /^limit: baseline p95 \+20 % = /.test(t)).length).toBe(cards.length);
    // The highlight is visible: a failing card's left border is the fail colour, not the neutral line colour.
    const [failBorder, passBorder] = (await page.evaluate("(() => { const els = document.querySelectorAll('.scope-card'); return [getComputedStyle(els[0]).borderLeftColor, getComputedStyle(els[els.length - 1]).borderLeftColor]; })()")) as [string, string];
    expect(failBorder).not.toBe(passBorder);
    // Icons are inline SVG; the page's text has no emoji (which would need an emoji font).
    expect(await page.$$eval('span.mark svg.icon', (s) => s.length)).toBeGreaterThan(10);
    const text = await page.evaluate('document.body.innerText');
    expect(String(text)).not.toMatch(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/u);
    // Every x tick under a time axis is ≥ 0.
    const ticks = await page.$$eval('svg text.tick[text-anchor="middle"]', (ts) => ts.map((t) => Number((t.textContent ?? '').replace('−', '-').replace(/,/g, ''))));
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.filter((t) => !(t >= 0))).toEqual([]);
    // The table's label links to the endpoint's charts.
    const href = await page.getAttribute('table.scopes td.label a', 'href');
    expect(await page.$(href!)).not.toBeNull();
    if (process.env['PERF_GATE_SCREENSHOT']) await page.screenshot({ path: process.env['PERF_GATE_SCREENSHOT'], fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

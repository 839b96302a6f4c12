import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { buildReport } from '../../src/gate/report.js';
import { compareRuns } from '../../src/gate/compare.js';
import type { Finding, Report, StageReport } from '../../src/gate/verdict.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { downsample, niceStep, renderLineChart } from '../../src/report/html-chart.js';
import { MAX_LATENCY_CHARTS, escapeHtml, latencySeries, memorySeries, renderHtml } from '../../src/report/html.js';
import { alertsGetFinding, alertsGetScope, failingSmoke, report } from './reports.js';

const K6 = fileURLToPath(new URL('../fixtures/k6/', import.meta.url));
const HOSTILE = '<img src=x onerror=alert(1)>';
const GENERATED_AT = new Date('2024-05-02T09:20:00Z');

function ingest(name: string, memory = false): Promise<RunDocument> {
  return ingestFiles([`${K6}${name}.ndjson.gz`], { groupBy: ['name'], ...(memory ? { memory: `${K6}${name}.memory.csv` } : {}) });
}

/** Checks every page must pass: one document, offline, no NaN. */
function expectSelfContained(html: string): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).toContain('<meta charset="utf-8">');
  expect(html.match(/<html/g)).toHaveLength(1);
  expect(html.match(/<\/html>/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<link\b|@import|url\(/i);
  expect(html).not.toContain('NaN');
  expect(html).not.toContain('undefined');
  expect(html).not.toContain('[object Object]');
}

describe('renderHtml on recorded k6 runs', () => {
  let baseline: RunDocument;
  let current: RunDocument;
  let stage: StageReport;
  let html: string;

  beforeAll(async () => {
    [baseline, current] = await Promise.all([ingest('smoke-baseline'), ingest('smoke-regressed')]);
    stage = compareRuns({ baseline, current, policy: resolvePolicy(parseConfig({}), 'smoke') });
    html = renderHtml(buildReport([stage], GENERATED_AT), [{ stage: stage.stage, baseline, current }], { title: 'Checkout & co' });
  }, 60_000);

  it('is one self-contained document with SVG charts', () => {
    expectSelfContained(html);
    expect(html).toContain('<title>Checkout &amp; co</title>');
    const charts = html.match(/<svg viewBox="0 0 640 260"/g) ?? [];
    // The whole run plus every endpoint that has windows: latency, throughput and failed requests each.
    expect(charts.length).toBeGreaterThan(3);
    expect(charts.length % 3).toBe(0);
    expect(charts.length).toBeLessThanOrEqual(3 * MAX_LATENCY_CHARTS);
    expect(html).toContain('<polyline');
    expect(html).not.toContain('Memory over time');
  });

  it('shows the verdict, the table and every endpoint name escaped', () => {
    expect(stage.outcome).toBe('fail');
    expect(html).toMatch(/class="verdict o-fail"/);
    for (const s of stage.scopes) {
      if (s.scope === undefined) continue;
      expect(html).toMatch(new RegExp(`<td class="label"><a href="#c-smoke-[\\w-]+">${escapeHtml(s.scope.value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a></td>`));
    }
    expect(html).toContain('p95 ms');
    expect(html).toContain('all requests — latency');
  });

  it('lists failures before other findings', () => {
    const list = html.slice(html.indexOf('<ul class="findings">'));
    const firstOther = list.search(/class="s-(warn|info)"/);
    const lastFail = list.lastIndexOf('class="s-fail"', firstOther === -1 ? undefined : firstOther);
    expect(lastFail).toBeGreaterThanOrEqual(0);
    if (firstOther !== -1) expect(list.indexOf('class="s-fail"', firstOther)).toBe(-1);
  });

  it('computes per-window percentiles relative to the run start', () => {
    const { p50, p95 } = latencySeries(current, 'http_req_duration');
    expect(p50.length).toBeGreaterThan(1);
    expect(p50.length).toBeLessThanOrEqual(400);
    for (const [x, y] of p50) {
      expect(x).toBeGreaterThan(-60);
      expect(x).toBeLessThan(current.meta.durationSeconds + 60);
      expect(y).toBeGreaterThan(0);
    }
    p95.forEach(([, y], i) => expect(y).toBeGreaterThanOrEqual(p50[i]![1] * 0.99));
  });

  it('charts only the run without a baseline', () => {
    const alone = compareRuns({ current, policy: resolvePolicy(parseConfig({}), 'smoke') });
    const page = renderHtml(buildReport([alone], GENERATED_AT), [{ stage: alone.stage, current }]);
    expectSelfContained(page);
    expect(page).toContain('current p95');
    expect(page).not.toContain('baseline p50');
  });
});

describe('renderHtml with memory samples', () => {
  it('draws memory over time for baseline and current', async () => {
    const [steady, leak] = await Promise.all([ingest('endurance-steady', true), ingest('endurance-leak', true)]);
    expect(steady.memory?.samples.length).toBeGreaterThan(0);
    const stage = compareRuns({ baseline: steady, current: leak, policy: resolvePolicy(parseConfig({}), 'endurance') });
    const html = renderHtml(buildReport([stage], GENERATED_AT), [{ stage: stage.stage, baseline: steady, current: leak }]);
    expectSelfContained(html);
    expect(html).toContain('Memory over time');
    expect(html).toContain('baseline RSS');
    expect(html).toContain('current RSS');
    const mem = memorySeries(leak);
    expect(mem[mem.length - 1]![1]).toBeGreaterThan(mem[0]![1]);
    // Every polyline is bounded.
    for (const m of html.matchAll(/points="([^"]*)"/g)) expect(m[1]!.split(' ').length).toBeLessThanOrEqual(400);
  }, 120_000);
});

describe('renderHtml escaping', () => {
  const hostileScope = { ...alertsGetScope, metric: `http_req_duration{name:${HOSTILE}}`, scope: { tag: 'name', value: HOSTILE } };
  const hostileFinding: Finding = { ...alertsGetFinding, metric: hostileScope.metric, scope: hostileScope.scope, limit: { kind: 'threshold', expression: HOSTILE } };
  const stage: StageReport = { ...failingSmoke, stage: `smoke"${HOSTILE}`, scopes: [hostileScope], findings: [hostileFinding], notes: [`note ${HOSTILE}`] };
  const hostile: Report = { ...report([stage], 'fail'), findings: [hostileFinding] };

  it('shows the hostile endpoint name only escaped', () => {
    const html = renderHtml(hostile, [], { title: HOSTILE });
    expectSelfContained(html);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`<td class="label">&lt;img src=x onerror=alert(1)&gt;</td>`);
    expect(html).toContain('note &lt;img');
  });

  it('escapes user text in chart captions', () => {
    const svg = renderLineChart({ title: HOSTILE, xLabel: 's', yLabel: 'ms', series: [{ name: `a"${HOSTILE}`, colour: '#000', points: [[0, 1], [1, 2]] }] });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('aria-label="&lt;img src=x onerror=alert(1)&gt;"');
  });

  it.each([
    { what: 'quotes and apostrophes', input: `a"b'c`, expected: 'a&quot;b&#39;c' },
    { what: 'ampersand first', input: '&lt;', expected: '&amp;lt;' },
    { what: 'line breaks', input: 'a\r\nb\tc', expected: 'a b c' },
    { what: 'bidi override', input: 'a\u202eb', expected: 'a\ufffdb' },
  ])('escapeHtml: $what', ({ input, expected }) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('chart helpers', () => {
  it.each([
    { range: 97, expected: 20 },
    { range: 0.37, expected: 0.1 },
    { range: 1000, expected: 200 },
    { range: 0, expected: 1 },
  ])('niceStep($range) = $expected', ({ range, expected }) => {
    expect(niceStep(range)).toBeCloseTo(expected, 12);
  });

  it('downsamples by averaging runs of points', () => {
    expect(downsample([[0, 1], [1, 3], [2, 5], [3, 7]], 2)).toEqual([[0.5, 2], [2.5, 6]]);
    const long = Array.from({ length: 1001 }, (_, i): [number, number] => [i, i * 2]);
    expect(downsample(long).length).toBeLessThanOrEqual(400);
  });

  it('says there is nothing to draw instead of drawing NaN', () => {
    const empty = renderLineChart({ title: 't', xLabel: 's', yLabel: 'ms', series: [{ name: 'x', colour: '#000', points: [[Number.NaN, 1]] }] });
    expect(empty).not.toContain('<svg');
    expect(empty).toContain('No time series');
    const flat = renderLineChart({ title: 't', xLabel: 's', yLabel: 'ms', series: [{ name: 'x', colour: '#000', points: [[5, 0], [5, 0]] }] });
    expect(flat).toContain('<svg');
    expect(flat).not.toContain('NaN');
  });

  it('caps the latency charts per stage', () => {
    const scopes = Array.from({ length: 50 }, (_, i) => ({ ...alertsGetScope, metric: `http_req_duration{name:e${i}}`, scope: { tag: 'name', value: `e${i}` } }));
    const series: RunDocument['windows']['series'] = {};
    const docScopes: Record<string, { metric: string; tags: Record<string, string>; type: 'trend' }> = {};
    for (const s of scopes) {
      series[s.metric] = [{ i: 0, count: 1, sketch: [100, 1] }, { i: 1, count: 1, sketch: [110, 1] }] as RunDocument['windows']['series'][string];
      docScopes[s.metric] = { metric: 'http_req_duration', tags: { name: s.scope.value }, type: 'trend' };
    }
    const doc = {
      schema: 'perf-gate/run@1', meta: { start: '2024-05-02T09:00:00Z', durationSeconds: 2 }, scopes: docScopes,
      windows: { originMs: Date.parse('2024-05-02T09:00:00Z'), widthMs: 1000, series },
    } as unknown as RunDocument;
    const stage: StageReport = { ...failingSmoke, scopes, findings: [] };
    const html = renderHtml(report([stage], 'fail'), [{ stage: stage.stage, current: doc }]);
    expectSelfContained(html);
    expect((html.match(/<div class="scope-card /g) ?? []).length).toBe(MAX_LATENCY_CHARTS);
    expect(html).toContain('20 more endpoints');
  });
});

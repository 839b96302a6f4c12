import { describe, expect, it } from 'vitest';
import { renderLineChart } from '../../src/report/html-chart.js';

/** The x tick labels of a chart, as numbers (the text of the ticks under the x axis). */
function xTicks(svg: string): number[] {
  return [...svg.matchAll(/<text class="tick" x="[\d.]+" y="(\d+(?:\.\d)?)" text-anchor="middle">([^<]+)<\/text>/g)].map((m) => Number(m[2]!.replace('−', '-').replace(/,/g, '')));
}

describe('the HTML line chart', () => {
  it.each([
    ['one point at the start', [[0, 12]]],
    ['two series with one window each', [[0, 12]], [[0, 15]]],
    ['two points at one time', [[0, 12], [0, 14]]],
    ['one point later on', [[30, 12]]],
  ] as const)('has no axis that runs to negative time with %s', (_what, ...points) => {
    const svg = renderLineChart({ title: 't', xLabel: 'seconds since start', yLabel: 'ms', series: points.map((p, k) => ({ name: `s${k}`, colour: '#000', points: p as unknown as [number, number][] })) });
    const ticks = xTicks(svg);
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t).toBeGreaterThanOrEqual(0);
  });

  it('draws a limit line, labelled, and raises the y axis to show it', () => {
    const svg = renderLineChart({ title: 't', xLabel: 'x', yLabel: 'ms', series: [{ name: 'p95', colour: '#000', points: [[0, 40], [10, 50]] }], limits: [{ y: 153, label: 'limit: baseline p95 +20 % = 153 ms' }] });
    expect(svg).toMatch(/<line class="limit" [^>]*><title>limit: baseline p95 \+20 % = 153 ms<\/title><\/line>/);
    const yTicks = [...svg.matchAll(/<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.max(...yTicks)).toBeGreaterThanOrEqual(153);
  });

  it('marks a change point and labels commits on the x axis', () => {
    const svg = renderLineChart({
      title: 'trend',
      xLabel: 'commit',
      yLabel: 'ms',
      series: [{ name: 'p95', colour: '#000', points: [[0, 150], [1, 151], [2, 165], [3, 166]] }],
      markers: [{ x: 2, label: 'shift +9.7 %' }],
      xTickLabels: new Map([[0, 'a1b2c3d'], [1, 'b2c3d4e'], [2, 'c3d4e5f'], [3, 'd4e5f6a']]),
    });
    expect(svg).toContain('<title>shift +9.7 %</title>');
    expect(svg).toContain('>c3d4e5f</text>');
    expect(svg).not.toContain('NaN');
  });
});

describe('the series the HTML charts draw', () => {
  it('gives requests per second and the failed share per window, from the counter and the rate of the same tags', async () => {
    const { trafficSeries } = await import('../../src/document/series.js');
    const doc = {
      schema: 'perf-gate/run@1',
      meta: { start: '2026-12-03T09:00:00.000Z' },
      scopes: { 'http_reqs{name:a}': { type: 'counter' }, 'http_req_failed{name:a}': { type: 'rate' } },
      windows: {
        originMs: Date.parse('2026-12-03T09:00:00.000Z'),
        widthMs: 2000,
        series: { 'http_reqs{name:a}': [{ i: 0, count: 20 }, { i: 1, count: 30 }], 'http_req_failed{name:a}': [{ i: 0, count: 20, passes: 0 }, { i: 1, count: 30, passes: 3 }] },
      },
    } as never;
    expect(trafficSeries(doc, 'http_reqs{name:a}', 'http_req_failed{name:a}')).toEqual({ throughput: [[1, 10], [3, 15]], errorRate: [[1, 0], [3, 10]] });
  });
});

import { describe, expect, it } from 'vitest';
import { renderTrend } from '../../src/report/trend.js';

describe('renderTrend', () => {
  it('draws p95 per run as a Mermaid line chart, oldest first', () => {
    const chart = renderTrend([
      { label: 'a1b2c3d', p95: 155.4 },
      { label: 'e4f5a6b', p95: 160.9 },
      { label: 'current', p95: 201 },
    ]);
    expect(chart.split('\n')).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "p95 of all requests per run (ms)"',
      '  x-axis ["a1b2c3d", "e4f5a6b", "current"]',
      '  y-axis "ms" 0 --> 250',
      '  line [155, 161, 201]',
      '```',
    ]);
  });

  it.each([
    { what: 'one point is no trend', points: [{ label: 'a', p95: 1 }] },
    { what: 'nothing', points: [] },
    { what: 'non-finite values are dropped', points: [{ label: 'a', p95: Number.NaN }, { label: 'b', p95: 3 }] },
  ])('$what', ({ points }) => {
    expect(renderTrend(points)).toBe('');
  });

  it('cannot be broken by labels from outside', () => {
    const chart = renderTrend([
      { label: 'x"] \n```\n<script>', p95: 1 },
      { label: 'y', p95: 2 },
    ]);
    expect(chart.split('\n')).toHaveLength(7);
    expect(chart).not.toContain('<script>');
    expect(chart.match(/```/g)).toHaveLength(2);
  });
});

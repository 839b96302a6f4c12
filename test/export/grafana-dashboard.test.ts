import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABEL_NAMES, METRICS } from '../../src/export/run-metrics.js';

interface Panel {
  readonly title: string;
  readonly targets?: readonly { readonly expr: string }[];
}
const dashboard = JSON.parse(readFileSync('examples/grafana/perf-gate-dashboard.json', 'utf8')) as { panels: Panel[]; templating: { list: { query?: string }[] } };

/** Every PromQL expression of the dashboard: panel queries and variable queries. */
export function dashboardQueries(): string[] {
  return [...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)), ...dashboard.templating.list.flatMap((v) => (v.query && v.query.includes('(') ? [v.query] : []))];
}

const PROMQL_WORDS = new Set(['last_over_time', 'label_values', 'sum', 'by', 'max', 'min', 'avg', 'rate', 'on', 'ignoring']);

describe('the Grafana dashboard', () => {
  it('asks only for series perf-gate writes, with only its labels', () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThanOrEqual(6);
    for (const q of queries) {
      const names = [...q.matchAll(/\b(perf_gate_[a-z_]+)\b/g)].map((m) => m[1]!);
      expect(names.length, q).toBeGreaterThan(0);
      for (const n of names) expect(Object.keys(METRICS), q).toContain(n);
      for (const selector of q.matchAll(/\{([^}]*)\}/g)) {
        for (const m of selector[1]!.matchAll(/([a-z_]+)\s*(?:=~|!~|!=|=)/g)) expect(LABEL_NAMES as readonly string[], q).toContain(m[1]);
      }
      const label = /label_values\([^,]+,\s*([a-z_]+)\)/.exec(q)?.[1];
      if (label) expect(LABEL_NAMES as readonly string[], q).toContain(label);
      for (const word of q.matchAll(/\b([a-z_]+)\(/g)) expect(PROMQL_WORDS.has(word[1]!) || word[1]!.startsWith('perf_gate_'), q).toBe(true);
    }
  });

  it('has a panel for p95 per endpoint, the verdicts, the error ratio, throughput and the last runs', () => {
    const all = dashboard.panels.map((p) => `${p.title} ${(p.targets ?? []).map((t) => t.expr).join(' ')}`).join('\n');
    for (const want of ['perf_gate_latency_seconds{percentile="p95"', 'perf_gate_stage_verdict', 'perf_gate_verdict', 'perf_gate_error_ratio', 'perf_gate_requests_per_second', 'Last runs']) expect(all).toContain(want);
  });
});

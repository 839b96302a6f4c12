/** One point of a trend: a run, labelled (short commit SHA or date), with its whole-run p95 in ms. */
export interface TrendPoint {
  readonly label: string;
  readonly p95: number;
}

/**
 * A Mermaid line chart of p95 per run (GitHub renders ```mermaid blocks in comments and job summaries),
 * oldest first, the current run last. Labels are reduced to characters Mermaid's quoted strings accept.
 * Returns '' with fewer than two points: a single dot is no trend.
 * @example renderTrend([{ label: 'a1b2c3d', p95: 155 }, { label: 'e4f5a6b', p95: 161 }])
 */
export function renderTrend(points: readonly TrendPoint[], title = 'p95 of all requests per run (ms)'): string {
  const usable = points.filter((p) => Number.isFinite(p.p95) && p.p95 >= 0);
  if (usable.length < 2) return '';
  const max = Math.max(...usable.map((p) => p.p95));
  const top = niceCeiling(max * 1.1);
  const labels = usable.map((p) => `"${clean(p.label)}"`).join(', ');
  const values = usable.map((p) => round(p.p95)).join(', ');
  return ['```mermaid', 'xychart-beta', `  title "${clean(title)}"`, `  x-axis [${labels}]`, `  y-axis "ms" 0 --> ${top}`, `  line [${values}]`, '```'].join('\n');
}

function clean(s: string): string {
  return s.replace(/[^\w .:/()+-]/g, '').slice(0, 40);
}

function round(x: number): number {
  return x >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
}

function niceCeiling(x: number): number {
  if (x <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= x) return step * magnitude;
  return 10 * magnitude;
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const FIXTURES = fileURLToPath(new URL('../fixtures/k6/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** The decompressed text of a gzipped fixture (a truncated stream gives what could be inflated). */
export function fixtureText(name: string): string {
  return gunzipSync(readFileSync(fixture(name)), { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString('utf8');
}

export interface HandleSummaryMetric {
  readonly type: 'trend' | 'counter' | 'rate' | 'gauge';
  readonly contains: string;
  readonly values: Record<string, number>;
  readonly thresholds?: Record<string, { ok: boolean }>;
}

export function handleSummary(run: string): { metrics: Record<string, HandleSummaryMetric>; state: { testRunDurationMs: number } } {
  return JSON.parse(readFileSync(fixture(`${run}.handle-summary.json`), 'utf8')) as never;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-ingest-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A k6 NDJSON `Metric` declaration line, as k6 writes it before a metric's first point. */
export function k6MetricLine(name: string, type: 'trend' | 'counter' | 'rate' | 'gauge', contains: 'time' | 'data' | 'default' = 'default'): string {
  return `{"type":"Metric","data":{"name":"${name}","type":"${type}","contains":"${contains}","thresholds":[],"submetrics":null},"metric":"${name}"}`;
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { compareRuns } from '../../src/gate/compare.js';
import { ingestFiles } from '../../src/ingest/index.js';
import type { StreamReader } from '../../src/ingest/reader.js';
import { READERS } from '../../src/ingest/readers.js';
import { scopeRows } from '../../src/report/view.js';
import { tempDir } from './helpers.js';

// A new load tool is one folder of readers and one line in the registry; the gate then judges it with the
// tool's own metric names (its roles). Here a made-up tool writes `ms,endpoint,ok` lines after a header.
const demoTool: StreamReader = {
  kind: 'stream',
  format: 'demo-csv',
  tool: 'demo',
  roles: { latency: 'elapsed', requests: 'samples', failures: 'errors' },
  knownMetrics: new Map(),
  sniff: (head) => head.firstLine === 'epoch_ms,ms,endpoint,ok',
  async read(file, source, sink) {
    const builder = sink.builder;
    const elapsed = builder.defineMetric({ name: 'elapsed', type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
    const samples = builder.defineMetric({ name: 'samples', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
    const errors = builder.defineMetric({ name: 'errors', type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
    let text = '';
    for await (const chunk of source.chunks()) text += chunk.toString('utf8');
    const lines = text.trim().split('\n').slice(1);
    for (const line of lines) {
      const [t, ms, name, ok] = line.split(',');
      const tags = { name: name! };
      builder.point(builder.targets(elapsed, tags), Number(t), Number(ms));
      builder.point(builder.targets(samples, tags), Number(t), 1);
      builder.point(builder.targets(errors, tags), Number(t), ok === 'true' ? 0 : 1);
    }
    return { lines: lines.length + 1, partial: false };
  },
};

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

function demoRun(name: string, scale: number): string {
  const t0 = Date.UTC(2026, 10, 27, 9);
  const rows = Array.from({ length: 400 }, (_, i) => `${t0 + i * 50},${((20 + (i % 17)) * scale).toFixed(1)},GET /demo,true`);
  const file = join(dir, name);
  writeFileSync(file, `epoch_ms,ms,endpoint,ok\n${rows.join('\n')}\n`);
  return file;
}

describe('the reader registry', () => {
  it('lists k6’s formats, then JMeter’s and Artillery’s', () => {
    expect(READERS.map((r) => `${r.tool}:${r.format}`)).toEqual([
      'k6:k6-ndjson', 'k6:k6-csv', 'k6:k6-machine-readable-summary', 'k6:k6-handle-summary', 'k6:k6-summary-export',
      'jmeter:jmeter-csv', 'jmeter:jmeter-xml',
      'artillery:artillery-requests', 'artillery:artillery-report',
    ]);
  });

  it('takes a new tool with no change elsewhere, and the gate judges it by its roles', async () => {
    const readers = [...READERS, demoTool];
    const baseline = await ingestFiles([demoRun('a.csv', 1)], { readers });
    const current = await ingestFiles([demoRun('b.csv', 1.5)], { readers });
    expect(current.meta).toMatchObject({ tool: 'demo', roles: { latency: 'elapsed' }, sources: [{ format: 'demo-csv' }] });
    const report = compareRuns({ baseline, current, policy: resolvePolicy(parseConfig({}), 'stress') });
    const failed = report.findings.filter((f) => f.outcome === 'fail');
    expect(failed.map((f) => `${f.metric} ${f.statistic}`)).toContain('elapsed{name:GET /demo} med');
    expect(report.scopes.map((s) => s.metric)).toEqual(['elapsed', 'elapsed{name:GET /demo}']);
    // The report names rows as for k6: the tool's latency metric is what every row is about.
    expect(scopeRows(report.scopes).map((r) => r.label)).toEqual(['all requests', 'GET /demo']);
  });
});

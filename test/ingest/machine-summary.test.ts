import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDocumentSchema } from '../../src/document/run-document.js';
import { RunView } from '../../src/document/run-view.js';
import { detectFormat, IngestError, ingestFiles } from '../../src/ingest/index.js';
import { fixture, tempDir } from './helpers.js';
import { reportedScopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

interface MachineMetric {
  name: string;
  type: 'trend' | 'counter' | 'rate' | 'gauge';
  contains: string;
  values: Record<string, number>;
}
interface MachineSummary {
  version: string;
  config: { duration: number };
  metadata: { generated_at: string; k6_version: string };
  results: { metrics: MachineMetric[]; checks: { metrics: MachineMetric[]; results: { name: string; passes: number; fails: number }[] } };
}

const read = (name: string): MachineSummary => JSON.parse(readFileSync(fixture(name), 'utf8')) as MachineSummary;

const RUNS = ['compact-v1.8.1', 'compact-v2.2.0', 'full-v1.8.1', 'full-v2.2.0'].flatMap((run) =>
  ['summary-export', 'handle-summary'].map((kind) => ({ run, kind, file: `v1-v2/new-summary-${run}.${kind}.json`, version: run.split('-v')[1]! })),
);

describe("k6's machine-readable summary (--new-machine-readable-summary): an aggregate-only document", () => {
  it.each(RUNS)('$file', async ({ file, version }) => {
    expect(await detectFormat(fixture(file))).toMatchObject({ kind: 'summary', format: 'k6-machine-readable-summary' });
    const raw = read(file);
    const doc = await ingestFiles([fixture(file)], { stage: 'smoke' });
    expect(RunDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(doc.meta).toMatchObject({ tool: 'k6', toolVersion: version, stage: 'smoke', aggregateOnly: true, partial: false, groupBy: [], warnings: [] });
    expect(doc.meta.sources[0]!.format).toBe('k6-machine-readable-summary');
    // The duration k6 states, ending when k6 wrote the summary.
    expect(doc.meta.durationSeconds).toBe(raw.config.duration);
    expect(doc.meta.end).toBe(new Date(Math.round(Date.parse(raw.metadata.generated_at))).toISOString());
    expect(Date.parse(doc.meta.end) - Date.parse(doc.meta.start)).toBe(Math.round(raw.config.duration * 1000));
    expect(doc.windows.series).toEqual({});

    // Every metric of the file is a scope, its numbers in k6's legacy keys.
    const listed = [...raw.results.metrics, ...raw.results.checks.metrics];
    const checkNames = [...new Set(raw.results.checks.results.map((c) => c.name))];
    expect(Object.keys(doc.scopes).sort()).toEqual([...listed.map((m) => m.name), 'checks', ...checkNames.map((c) => `checks{check:${c}}`)].sort());
    for (const m of listed) {
      const scope = reportedScopeOf(doc, m.name)!;
      expect(scope.type, m.name).toBe(m.type);
      const v = m.values;
      switch (m.type) {
        case 'trend':
          expect(scope.reported, m.name).toEqual({ avg: v.avg, min: v.min, med: v.med, max: v.max, 'p(90)': v.p90, 'p(95)': v.p95 });
          break;
        case 'counter':
          expect(scope.reported, m.name).toEqual({ count: v.count, rate: v.count! / raw.config.duration });
          break;
        case 'rate':
          expect(scope.reported, m.name).toEqual({ rate: v.rate, passes: v.matches, fails: v.total! - v.matches! });
          expect(scope.rate, m.name).toEqual({ passes: v.matches, fails: v.total! - v.matches! });
          break;
        case 'gauge':
          expect(scope.reported, m.name).toEqual({ value: v.value, min: v.min, max: v.max });
          break;
      }
    }
    // A submetric is a scope with its tags, declared under its k6 name only when it has thresholds (none here).
    expect(doc.scopes['http_req_duration{name:GET /api/items/{id}}']).toMatchObject({ metric: 'http_req_duration', tags: { name: 'GET /api/items/{id}' } });
    expect(doc.scopes['http_req_duration{group:::items}']!.tags).toEqual({ group: '::items' });
    // checks as in k6's legacy summary: a rate of passed checks, and one scope per check
    const succeeded = listed.find((m) => m.name === 'checks_succeeded')!.values;
    expect(reportedScopeOf(doc, 'checks')!.rate).toEqual({ passes: succeeded.matches, fails: succeeded.total! - succeeded.matches! });
    expect(reportedScopeOf(doc, 'checks{check:status 200}')!.rate).toEqual({ passes: 30, fails: 0 });

    const view = new RunView(doc);
    const duration = listed.find((m) => m.name === 'http_req_duration')!.values;
    expect(view.value('http_req_duration', 'p(95)')).toBe(duration.p95);
    // Half the requests got 500 (GET /api/fail), as the script makes them.
    expect(view.errors({})).toEqual({ failed: 30, total: 60 });
    expect(view.throughput({})).toBeCloseTo(60 / raw.config.duration, 12);
  });

  it('--summary-export and handleSummary(data) carry the same content in this mode', () => {
    for (const run of ['compact-v1.8.1', 'compact-v2.2.0', 'full-v1.8.1', 'full-v2.2.0']) {
      expect(read(`v1-v2/new-summary-${run}.handle-summary.json`)).toEqual(read(`v1-v2/new-summary-${run}.summary-export.json`));
    }
  });

  it('full mode lists the timing parts compact leaves out', async () => {
    const compact = await ingestFiles([fixture('v1-v2/new-summary-compact-v2.2.0.summary-export.json')]);
    const full = await ingestFiles([fixture('v1-v2/new-summary-full-v2.2.0.summary-export.json')]);
    expect(compact.scopes.http_req_blocked).toBeUndefined();
    expect(full.scopes.http_req_blocked?.type).toBe('trend');
  });

  it.each([
    {
      what: 'a metric of an unknown type',
      change: (s: MachineSummary) => {
        s.results.metrics[0]!.type = 'histogram' as never;
      },
      message: /looks like a k6 machine-readable summary \(--new-machine-readable-summary\) but results\.metrics\.0\.type: /,
    },
    {
      what: 'no duration',
      change: (s: MachineSummary) => {
        delete (s.config as { duration?: number }).duration;
      },
      message: /looks like a k6 machine-readable summary \(--new-machine-readable-summary\) but config\.duration: /,
    },
    {
      what: 'a metric listed twice',
      change: (s: MachineSummary) => {
        s.results.metrics.push(s.results.metrics[0]!);
      },
      message: /metric '[a-z_{}:/ ]+' is listed twice in results; write the summary again with k6$/,
    },
  ])('$what is an IngestError naming the file', async ({ change, message }) => {
    const s = read('v1-v2/new-summary-compact-v2.2.0.summary-export.json');
    change(s);
    const file = join(dir, 'bad-summary.json');
    writeFileSync(file, JSON.stringify(s));
    const err = await ingestFiles([file]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).file).toBe(file);
    expect((err as IngestError).message).toMatch(message);
  });

  it('stands alone, like the other summaries', async () => {
    await expect(ingestFiles([fixture('smoke-baseline.ndjson.gz'), fixture('v1-v2/new-summary-compact-v2.2.0.summary-export.json')])).rejects.toThrow('holds aggregates only');
  });
});

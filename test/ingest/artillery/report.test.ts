import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportedScopeOf } from '../../../src/document/by-type.js';
import { RunDocumentSchema } from '../../../src/document/run-document.js';
import { RunView } from '../../../src/document/run-view.js';
import { AGGREGATE_ONLY_NOTE, ARTILLERY_ROLES } from '../../../src/ingest/artillery/index.js';
import { detectFormat, IngestError, ingestFiles } from '../../../src/ingest/index.js';
import { tempDir } from '../helpers.js';
import { artilleryFixture } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const DASHBOARD = 'GET /api/dashboard/metrics';

describe('Artillery --output report: an aggregate-only run document', () => {
  it('is recognised by its content', async () => {
    expect(await detectFormat(artilleryFixture('baseline', 'report'))).toMatchObject({ kind: 'summary', format: 'artillery-report' });
  });

  it("keeps Artillery's numbers, in k6's keys, for the whole run and per endpoint", async () => {
    const file = artilleryFixture('baseline', 'report');
    const doc = await ingestFiles([file], { stage: 'smoke', labels: { branch: 'main' }, gitSha: 'abc' });
    expect(RunDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.meta).toMatchObject({ tool: 'artillery', roles: ARTILLERY_ROLES, stage: 'smoke', labels: { branch: 'main' }, gitSha: 'abc', aggregateOnly: true, partial: false, groupBy: ['name'] });
    expect(doc.meta.sources).toEqual([{ file, format: 'artillery-report', lines: readFileSync(file, 'utf8').trimEnd().split('\n').length, partial: false }]);
    expect(doc.meta.warnings).toEqual([`${file}: ${AGGREGATE_ONLY_NOTE}`]);
    // aggregate.firstMetricAt 1796278111743 → lastMetricAt 1796278126754
    expect(doc.meta.durationSeconds).toBe(15.011);
    expect(doc.meta.start).toBe(new Date(1796278111743).toISOString());
    expect(doc.windows.series).toEqual({});

    const report = JSON.parse(readFileSync(file, 'utf8')) as { aggregate: { summaries: Record<string, Record<string, number>> } };
    const s = report.aggregate.summaries[`plugins.metrics-by-endpoint.response_time.${DASHBOARD}`]!;
    expect(reportedScopeOf(doc, `http.response_time{name:${DASHBOARD}}`)!.reported).toEqual({
      count: 84, min: s.min, max: s.max, avg: s.mean, med: 71.5, 'p(75)': s.p75, 'p(90)': s.p90, 'p(95)': 153, 'p(99)': s.p99, 'p(99.9)': s.p999,
    });
    expect(reportedScopeOf(doc, 'http.response_time')!.reported['count']).toBe(1008);
    expect(reportedScopeOf(doc, 'http.requests')!.reported).toEqual({ count: 1008, rate: 1008 / 15.011 });
    expect(reportedScopeOf(doc, `http.requests{name:${DASHBOARD}}`)!.reported).toEqual({ count: 84, rate: 84 / 15.011 });
    expect(reportedScopeOf(doc, 'http.failed')!.rate).toEqual({ passes: 0, fails: 1008 });
    expect(doc.metrics['http.response_time']).toEqual({ type: 'trend', contains: 'time', thresholds: [] });
    expect(doc.metrics['http.failed']).toEqual({ type: 'rate', contains: 'default', thresholds: [] });
    expect(doc.metrics['vusers.session_length']!.contains).toBe('time');
    expect(doc.scopes['vusers.created']).toMatchObject({ type: 'counter', reported: { count: 84 } });

    const view = new RunView(doc);
    expect(view.value(`http.response_time{name:${DASHBOARD}}`, 'p(95)')).toBe(153);
    expect(view.distribution(`http.response_time{name:${DASHBOARD}}`)).toBeUndefined();
    expect(view.scopesByTag('http.response_time', 'name').size).toBe(12);
  });

  it('counts answers ≥ 400 as failed, per endpoint from metrics-by-endpoint, and names errors that are not failed requests', async () => {
    const file = artilleryFixture('errors', 'report');
    const doc = await ingestFiles([file]);
    // 53 answers 500 of 896 requests; POST /api/alerts: 14 of 84; GET /api/alerts 15 of 84
    expect(reportedScopeOf(doc, 'http.failed')!.rate).toEqual({ passes: 53, fails: 843 });
    expect(reportedScopeOf(doc, 'http.failed{name:POST /api/alerts}')!.reported).toEqual({ rate: 14 / 84, passes: 14, fails: 70 });
    expect(reportedScopeOf(doc, 'http.failed{name:GET /api/alerts}')!.rate).toEqual({ passes: 15, fails: 69 });
    expect(new RunView(doc).errors({ name: 'PUT /api/alerts/{id}' })).toEqual({ failed: 14, total: 70 });
    expect(doc.meta.warnings).toContain(`${file}: Artillery counted errors that are not failed requests, so they are not in http.failed: Failed capture or match (14)`);
  });

  it('counts network errors as failed requests, per endpoint too', async () => {
    const doc = await ingestFiles([artilleryFixture('refused', 'report')]);
    expect(reportedScopeOf(doc, 'http.failed')!.rate).toEqual({ passes: 4, fails: 0 });
    expect(reportedScopeOf(doc, 'http.failed{name:POST /api/auth/login}')!.rate).toEqual({ passes: 4, fails: 0 });
    expect(reportedScopeOf(doc, 'http.requests{name:POST /api/auth/login}')!.reported['count']).toBe(4);
    expect(doc.scopes['http.response_time']).toBeUndefined();
  });

  it.each([
    { what: 'no per-endpoint metrics', report: { aggregate: { counters: { 'http.requests': 10, 'http.codes.200': 10 }, summaries: {}, firstMetricAt: 1000, lastMetricAt: 3000 }, intermediate: [{}] }, warning: 'no per-endpoint metrics (enable the metrics-by-endpoint plugin' },
    { what: 'no span', report: { aggregate: { counters: { 'http.requests': 10 } }, intermediate: [{}] }, warning: 'duration set to 0' },
    { what: 'no HTTP requests', report: { aggregate: { counters: { 'vusers.created': 1 }, firstMetricAt: 1000, lastMetricAt: 3000 }, intermediate: [{}] }, warning: 'no http.requests counter' },
  ])('warns: $what', async ({ report, warning }) => {
    const file = join(dir, 'warn.json');
    writeFileSync(file, JSON.stringify(report));
    const doc = await ingestFiles([file]);
    expect(doc.meta.warnings.some((w) => w.includes(warning))).toBe(true);
  });

  it('says which field is wrong', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ aggregate: { counters: {}, summaries: { 'http.response_time': { min: 1, max: 2 } } }, intermediate: [] }));
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(/^.*bad\.json: looks like an Artillery --output report but .*aggregate\.summaries\.http\.response_time\.count/);
  });
});

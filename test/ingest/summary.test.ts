import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDocumentSchema } from '../../src/document/run-document.js';
import { RunView } from '../../src/document/run-view.js';
import { IngestError, ingestFiles } from '../../src/ingest/index.js';
import { parseMetricKey } from '../../src/ingest/k6/summary.js';
import { fixture, handleSummary, tempDir } from './helpers.js';
import { reportedScopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

describe('k6 summaries: aggregate-only run documents', () => {
  it.each([{ format: 'k6-summary-export', file: 'smoke-errors.summary-export.json' }, { format: 'k6-handle-summary', file: 'smoke-errors.handle-summary.json' }])(
    '$file: k6 numbers in `reported`, thresholds kept, crossed ones warned about',
    async ({ format, file }) => {
      const doc = await ingestFiles([fixture(file)], { stage: 'smoke', labels: { branch: 'main' }, gitSha: 'abc123' });
      expect(RunDocumentSchema.parse(doc)).toEqual(doc);
      expect(doc.meta).toMatchObject({ tool: 'k6', stage: 'smoke', labels: { branch: 'main' }, gitSha: 'abc123', aggregateOnly: true, partial: false, groupBy: [] });
      expect(doc.meta.sources).toEqual([{ file: fixture(file), format, lines: readFileSync(fixture(file), 'utf8').trimEnd().split('\n').length, partial: false }]);
      expect(doc.windows.series).toEqual({});
      const k6 = handleSummary('smoke-errors').metrics;
      expect(Object.keys(doc.scopes).sort()).toEqual(Object.keys(k6).sort());
      for (const [name, m] of Object.entries(k6)) {
        expect(doc.scopes[name]!.type, name).toBe(m.type);
        expect(reportedScopeOf(doc, name)!.reported, name).toEqual(m.values);
      }
      expect(reportedScopeOf(doc, 'http_req_failed')!.rate).toEqual({ passes: 28, fails: 2063 });
      expect(doc.scopes['http_req_duration{name:GET /api/alerts}']).toMatchObject({ metric: 'http_req_duration', tags: { name: 'GET /api/alerts' } });
      expect(doc.metrics.http_req_duration).toEqual({ type: 'trend', contains: 'time', thresholds: ['p(95)<500'] });
      expect(doc.metrics.http_req_failed!.thresholds).toEqual(['rate<0.01']);
      expect(doc.metrics['http_req_duration{name:GET /api/alerts}']).toEqual({ type: 'trend', contains: 'time', thresholds: ['p(95)<300'] });
      // smoke-errors crossed its error-rate and checks thresholds (k6 exit 99); summary-export writes `true` for those
      expect(doc.meta.warnings).toEqual(["k6 reported threshold 'rate>0.99' on checks as crossed", "k6 reported threshold 'rate<0.01' on http_req_failed as crossed"]);
      const view = new RunView(doc);
      expect(view.value('http_req_duration', 'p(95)')).toBe(151.8683215);
      expect(view.value('http_req_failed', 'rate')).toBe(0.013390722142515544);
    },
  );

  it('duration: handleSummary states it; summary-export gives it as count / rate of its counters', async () => {
    const hs = await ingestFiles([fixture('smoke-baseline.handle-summary.json')]);
    expect(hs.meta.durationSeconds).toBe(20.32104173);
    expect(Date.parse(hs.meta.end) - Date.parse(hs.meta.start)).toBe(20_321);
    const se = await ingestFiles([fixture('smoke-baseline.summary-export.json')]);
    expect(se.meta.durationSeconds).toBeCloseTo(20.32, 1);
  });

  it('a summary without counters has no duration: 0 and a warning', async () => {
    const file = join(dir, 'tiny.summary.json');
    writeFileSync(file, JSON.stringify({ root_group: {}, metrics: { vus: { value: 1, min: 1, max: 1 }, my_rate: { passes: 1, fails: 3, value: 0.25, thresholds: { 'rate>0.5': true } } } }));
    const doc = await ingestFiles([file]);
    expect(doc.meta.durationSeconds).toBe(0);
    expect(doc.scopes.my_rate).toEqual({ metric: 'my_rate', tags: {}, type: 'rate', reported: { passes: 1, fails: 3, rate: 0.25 }, rate: { passes: 1, fails: 3 } });
    expect(doc.metrics.my_rate).toEqual({ type: 'rate', contains: 'default', thresholds: ['rate>0.5'] });
    expect(doc.meta.warnings).toEqual(["k6 reported threshold 'rate>0.5' on my_rate as crossed", `${file}: the summary does not state the test duration (no counter with a rate): duration set to 0`]);
  });

  it('a handleSummary metric without values: one sentence naming the file and the path', async () => {
    const file = join(dir, 'bad-hs.json');
    writeFileSync(file, JSON.stringify({ metrics: { vus: { type: 'gauge' } }, state: {}, options: {} }));
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: looks like a k6 handleSummary JSON but metrics\\.vus\\.values: `));
  });

  it.each([
    { key: 'http_reqs', expected: { base: 'http_reqs', tags: {} } },
    { key: 'http_req_duration{name:GET /api/alerts}', expected: { base: 'http_req_duration', tags: { name: 'GET /api/alerts' } } },
    { key: "http_req_duration{ name: 'x' , status:200}", expected: { base: 'http_req_duration', tags: { name: 'x', status: '200' } } },
    { key: 'checks{check:a:b}', expected: { base: 'checks', tags: { check: 'a:b' } } },
  ])('parseMetricKey($key)', ({ key, expected }) => {
    expect(parseMetricKey(key, 'f')).toEqual(expected);
  });
});

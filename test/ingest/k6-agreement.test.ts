import { describe, expect, it } from 'vitest';
import { RunDocumentSchema, type RunDocument } from '../../src/document/run-document.js';
import { RunView } from '../../src/document/run-view.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { fixture, handleSummary, type HandleSummaryMetric } from './helpers.js';

/**
 * The parsers' acceptance test: ingest what k6 wrote and recompute, with k6's definitions, the numbers
 * k6 printed in its own end-of-test summary of the same run.
 */
const TREND_KEYS = ['avg', 'min', 'med', 'p(90)', 'p(95)', 'max'] as const;

/** k6's trend metrics and the `{name:…}` / `{expected_response:true}` submetrics it reports. */
function checkedScopes(metrics: Record<string, HandleSummaryMetric>): [string, HandleSummaryMetric][] {
  return Object.entries(metrics).filter(([name]) => !name.includes('{') || /\{(name:[^,}]+|expected_response:true)\}$/.test(name));
}

function expectAgreement(doc: RunDocument, run: string): void {
  const view = new RunView(doc);
  const k6 = handleSummary(run).metrics;
  const scopes = checkedScopes(k6);
  expect(scopes.length).toBeGreaterThan(20);
  for (const [name, m] of scopes) {
    expect(doc.scopes[name], `scope ${name}`).toBeDefined();
    const ours = (key: string): number | undefined => view.value(name, key);
    switch (m.type) {
      case 'trend':
        for (const key of TREND_KEYS) {
          const expected = m.values[key]!;
          const got = ours(key);
          expect(got, `${name} ${key}`).toBeDefined();
          // 1 % relative, or 1 µs for values near zero (k6 times are ms with ns resolution).
          expect(Math.abs(got! - expected), `${name} ${key}: ours ${got}, k6 ${expected}`).toBeLessThanOrEqual(Math.max(0.01 * Math.abs(expected), 0.001));
        }
        break;
      case 'counter':
        expect(ours('count'), `${name} count`).toBe(m.values.count);
        break;
      case 'rate':
        expect(ours('passes'), `${name} passes`).toBe(m.values.passes);
        expect(ours('fails'), `${name} fails`).toBe(m.values.fails);
        expect(ours('rate'), `${name} rate`).toBe(m.values.rate);
        break;
      case 'gauge':
        for (const key of ['value', 'min', 'max']) expect(ours(key), `${name} ${key}`).toBe(m.values[key]);
        break;
    }
  }
}

describe('ingest agrees with k6 own summary of the same run', () => {
  it.each([
    { run: 'smoke-baseline' },
    { run: 'smoke-aa' },
    { run: 'smoke-regressed' },
    { run: 'smoke-errors' },
    { run: 'load-baseline' },
  ])('$run.ndjson.gz: trends within 1 %, counts, rates and gauges exact', async ({ run }) => {
    const doc = await ingestFiles([fixture(`${run}.ndjson.gz`)]);
    expect(RunDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta.partial).toBe(false);
    expect(doc.meta.warnings).toEqual([]);
    expectAgreement(doc, run);
  });

  it('endurance-steady.ndjson.gz (170 MB of NDJSON): the same, and its duration matches k6', async () => {
    const doc = await ingestFiles([fixture('endurance-steady.ndjson.gz')]);
    expectAgreement(doc, 'endurance-steady');
    // first to last point; k6 counts from start to the end of graceful stop
    expect(doc.meta.durationSeconds).toBeGreaterThan(115);
    expect(doc.meta.durationSeconds).toBeLessThanOrEqual(handleSummary('endurance-steady').state.testRunDurationMs / 1000);
  });

  it('smoke-csv.csv.gz (k6 --out csv): the same, with the expected_response submetric asked for', async () => {
    const doc = await ingestFiles([fixture('smoke-csv.csv.gz')], {
      submetrics: [{ metric: 'http_req_duration', tags: { expected_response: 'true' } }],
    });
    expect(doc.meta.sources).toEqual([{ file: fixture('smoke-csv.csv.gz'), format: 'k6-csv', lines: 10_800, partial: false }]);
    expectAgreement(doc, 'smoke-csv');
    // ws_message_latency is the script's own trend: CSV does not say so
    expect(doc.meta.warnings).toEqual(["metric 'ws_message_latency' is not a k6 built-in metric and k6 CSV output has no metric types: read as a trend"]);
  });

  it('k6 declarations become metric definitions with thresholds and submetrics', async () => {
    const doc = await ingestFiles([fixture('smoke-baseline.ndjson.gz')]);
    const requestTags = ['error_code', 'expected_response', 'group', 'method', 'name', 'proto', 'scenario', 'status', 'tenant', 'url'];
    expect(doc.metrics.http_req_duration).toEqual({ type: 'trend', contains: 'time', thresholds: ['p(95)<500'], tags: requestTags });
    expect(doc.metrics.http_req_failed).toEqual({ type: 'rate', contains: 'default', thresholds: ['rate<0.01'], tags: requestTags });
    expect(doc.metrics.data_sent).toEqual({ type: 'counter', contains: 'data', thresholds: [], tags: ['group', 'scenario'] });
    expect(doc.metrics.vus).toEqual({ type: 'gauge', contains: 'default', thresholds: [] }); // k6 tags no vus point
    expect(doc.scopes['http_req_duration{expected_response:true}']?.tags).toEqual({ expected_response: 'true' });
    expect(doc.meta.groupBy).toEqual(['name']);
    expect(Object.keys(doc.windows.series).length).toBeGreaterThan(10);
  });
});

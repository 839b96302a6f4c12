import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../src/document/by-type.js';
import { detectFormat, ingestFiles } from '../../../src/ingest/index.js';
import { JMETER_ROLES } from '../../../src/ingest/jmeter/index.js';
import { csvOracle, endSpan, jmeterFixture, totalsByLabel, xmlOracle, type RawSample } from './helpers.js';

// Real JMeter result files (test/fixtures/jmeter/README.md says where each comes from). Each is read by
// the reader and, independently, by a plain split of its text (helpers.ts); the two must agree column
// for column: samples, failures, elapsed, Latency and bytes per label, and the first and last sample end.
const FIXTURES: readonly { file: string; format: 'jmeter-csv' | 'jmeter-xml'; oracle: () => RawSample[]; partial: boolean; hand: { samples: number; failed: number; labels: number } }[] = [
  { file: 'apache-HTMLReportTestFile-head.csv', format: 'jmeter-csv', oracle: () => csvOracle('apache-HTMLReportTestFile-head.csv'), partial: false, hand: { samples: 50, failed: 1, labels: 2 } },
  { file: 'taurus-kpi1.jtl', format: 'jmeter-csv', oracle: () => csvOracle('taurus-kpi1.jtl'), partial: false, hand: { samples: 21, failed: 9, labels: 2 } },
  { file: 'taurus-quote-guessing-crash.jtl', format: 'jmeter-csv', oracle: () => csvOracle('taurus-quote-guessing-crash.jtl'), partial: false, hand: { samples: 10, failed: 0, labels: 1 } },
  { file: 'apache-sample_log1-head.jtl', format: 'jmeter-xml', oracle: () => xmlOracle('apache-sample_log1-head.jtl'), partial: true, hand: { samples: 30, failed: 0, labels: 2 } },
  { file: 'taurus-error-302.jtl', format: 'jmeter-xml', oracle: () => xmlOracle('taurus-error-302.jtl'), partial: false, hand: { samples: 2, failed: 2, labels: 2 } },
  { file: 'taurus-error-tc-generate-parent.jtl', format: 'jmeter-xml', oracle: () => xmlOracle('taurus-error-tc-generate-parent.jtl'), partial: false, hand: { samples: 3, failed: 3, labels: 3 } },
];

describe('real JMeter result files, column for column', () => {
  it.each(FIXTURES)('$file', async ({ file, format, oracle, partial, hand }) => {
    const path = jmeterFixture(file);
    expect((await detectFormat(path)).format).toBe(format);
    const doc = await ingestFiles([path]);
    const samples = oracle();
    // The oracle itself is checked against numbers counted by hand in the files.
    const byLabel = totalsByLabel(samples);
    expect({ samples: samples.length, failed: samples.filter((s) => s['success'] === 'false').length, labels: byLabel.size }).toEqual(hand);

    expect(doc.meta).toMatchObject({ tool: 'jmeter', roles: JMETER_ROLES, partial, sources: [{ format, partial }] });
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(samples.length);
    expect(scopeOf(doc, 'failed', 'rate')!.rate).toEqual({ passes: hand.failed, fails: samples.length - hand.failed });
    for (const [label, t] of byLabel) {
      const scope = `{name:${label}}`;
      expect(scopeOf(doc, `samples${scope}`, 'counter')!.counter.count, label).toBe(t.samples);
      expect(scopeOf(doc, `failed${scope}`, 'rate')!.rate, label).toEqual({ passes: t.failed, fails: t.samples - t.failed });
      expect(scopeOf(doc, `elapsed${scope}`, 'trend')!.trend, label).toMatchObject({ count: t.samples, sum: t.elapsed });
      expect(scopeOf(doc, `Latency${scope}`, 'trend')!.trend.sum, label).toBe(t.latency);
      if (samples[0]!['bytes'] !== undefined) expect(scopeOf(doc, `bytes${scope}`, 'counter')!.counter.count, label).toBe(t.bytes);
    }
    const span = endSpan(samples);
    expect(doc.meta.start).toBe(span.first);
    expect(doc.meta.end).toBe(span.last);
  });

  it('apache HTMLReportTestFile: every JMeter 5 column is read, thread numbers dropped from thread_group', async () => {
    const doc = await ingestFiles([jmeterFixture('apache-HTMLReportTestFile-head.csv')], { groupBy: ['name', 'thread_group', 'status'] });
    expect(Object.keys(doc.metrics).sort()).toEqual(['Connect', 'Latency', 'allThreads', 'bytes', 'elapsed', 'failed', 'samples', 'sentBytes']);
    expect(doc.metrics['elapsed']).toEqual({ type: 'trend', contains: 'time', thresholds: [], tags: ['label', 'name', 'status', 'thread_group'] });
    expect(scopeOf(doc, 'samples{thread_group:Thread Group}', 'counter')!.counter.count).toBe(50);
    expect(scopeOf(doc, 'samples{status:400}', 'counter')!.counter.count).toBe(1);
    // 49 rows of 8 sent bytes and one of 8: 50 × 8.
    expect(scopeOf(doc, 'sentBytes', 'counter')!.counter.count).toBe(400);
    expect(scopeOf(doc, 'allThreads', 'gauge')!.gauge).toMatchObject({ min: 1, max: 1 });
    expect(scopeOf(doc, 'failed{name:JR-KO}', 'rate')!.signatures).toEqual([{ status: '400', failed: 1 }]);
  });

  it('taurus kpi1 (13 columns, no sentBytes): what is not saved has no metric; threads 1-1 … 1-4 are one group', async () => {
    const doc = await ingestFiles([jmeterFixture('taurus-kpi1.jtl')], { groupBy: ['thread_group'] });
    expect(Object.keys(doc.metrics).sort()).toEqual(['Connect', 'Latency', 'allThreads', 'bytes', 'elapsed', 'failed', 'samples']);
    expect(Object.keys(doc.scopes).filter((k) => k.startsWith('samples'))).toEqual(['samples', 'samples{thread_group:sc1-ThreadStarter}']);
    // The allThreads column by hand: 1,1,3,3,3,3,3,3,4,4,4,4,4,4,4,4,4,4,3,2,1; the last sample to end is the last row.
    expect(scopeOf(doc, 'allThreads', 'gauge')!.gauge).toEqual({ value: 1, min: 1, max: 4, samples: 21 });
    expect(scopeOf(doc, 'failed', 'rate')!.signatures).toEqual([{ status: '404', failed: 9 }]);
  });

  it('taurus error-tc-generate-parent: a Transaction Controller parent is one sample, its nested samplers are not counted again', async () => {
    const doc = await ingestFiles([jmeterFixture('taurus-error-tc-generate-parent.jtl')]);
    // 01_LoginPage (1200 ms) holds 3 nested samples, one of them a Parallel Controller with 2 more; none count.
    expect(scopeOf(doc, 'elapsed', 'trend')!.trend).toMatchObject({ count: 3, sum: 1200 + 1300 + 120 });
    expect(Object.keys(doc.scopes).filter((k) => k.startsWith('samples{'))).toEqual(['samples{name:01_LoginPage}', 'samples{name:02_ChannelSearch}', 'samples{name:03_Health}']);
    expect(scopeOf(doc, 'failed', 'rate')!.signatures).toEqual([{ status: '429', failed: 2 }, { status: '500', failed: 1 }]);
    // Parents with their samplers nested: no warning about transactions counted beside their requests.
    expect(doc.meta.warnings).toEqual([]);
  });

  it('apache sample_log1 (trimmed to 30 samples, so without </testResults>): partial, with a warning naming file and line', async () => {
    const path = jmeterFixture('apache-sample_log1-head.jtl');
    const doc = await ingestFiles([path]);
    expect(doc.meta.sources[0]).toMatchObject({ lines: 32, partial: true });
    expect(doc.meta.warnings).toEqual([`${path}: ends at line 32 without its closing </testResults> (JMeter was stopped while writing it): read the 30 complete samples up to line 32`]);
  });
});

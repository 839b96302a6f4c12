import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import { scopeOf } from '../../../src/document/by-type.js';
import { compareRuns } from '../../../src/gate/compare.js';
import { detectFormat, IngestError, ingestFiles } from '../../../src/ingest/index.js';
import { JMETER_ROLES } from '../../../src/ingest/jmeter/index.js';
import { fixture, tempDir } from '../helpers.js';
import { JMETER5_HEADER, jmeterCsvRow, jmeterFixture, jmeterXml, jmeterXmlSample, type WrittenSample } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** 400 samples of two endpoints, 50 ms apart, `scale` times slower than the baseline's latencies. */
function run(name: string, scale: number): string {
  const rows = Array.from({ length: 400 }, (_, i): WrittenSample => ({ ts: T0 + i * 50, elapsed: Math.round((20 + (i % 17)) * scale), label: i % 2 === 0 ? 'GET /a' : 'POST /b', rc: '200', success: true }));
  return write(name, `${[JMETER5_HEADER, ...rows.map(jmeterCsvRow)].join('\n')}\n`);
}

describe('JMeter results through ingestFiles', () => {
  it('detectFormat picks the JMeter readers; the document names JMeter, its roles and a scope per label', async () => {
    expect((await detectFormat(jmeterFixture('taurus-kpi1.jtl'))).format).toBe('jmeter-csv');
    expect((await detectFormat(jmeterFixture('taurus-error-302.jtl'))).format).toBe('jmeter-xml');
    const doc = await ingestFiles([jmeterFixture('taurus-kpi1.jtl')], { stage: 'smoke' });
    expect(doc.meta).toMatchObject({ tool: 'jmeter', roles: JMETER_ROLES, stage: 'smoke' });
    expect(JMETER_ROLES).toEqual({ latency: 'elapsed', requests: 'samples', failures: 'failed' });
    expect(Object.keys(doc.scopes).filter((k) => k.startsWith('elapsed')).sort()).toEqual(['elapsed', 'elapsed{name:bad}', 'elapsed{name:good}']);
  });

  it('two CSV files are shards of one run; JMeter output with k6 output is refused', async () => {
    const a = write('shard-a.csv', `${JMETER5_HEADER}\n${jmeterCsvRow({ ts: T0, elapsed: 10, label: 'x', rc: '200', success: true })}\n`);
    const b = write('shard-b.jtl', jmeterXml([jmeterXmlSample({ ts: T0 + 5, elapsed: 30, label: 'x', rc: '200', success: false })]));
    const doc = await ingestFiles([a, b]);
    expect(scopeOf(doc, 'elapsed{name:x}', 'trend')!.trend).toMatchObject({ count: 2, sum: 40 });
    expect(doc.meta.sources.map((s) => s.format)).toEqual(['jmeter-csv', 'jmeter-xml']);
    const err = await ingestFiles([a, fixture('smoke-baseline.ndjson.gz')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toContain('shards of one run come from one load tool');
  });

  it('the gate judges a JMeter run by its roles: elapsed per label', async () => {
    const baseline = await ingestFiles([run('base.csv', 1)]);
    const current = await ingestFiles([run('slow.csv', 1.5)]);
    const report = compareRuns({ baseline, current, policy: resolvePolicy(parseConfig({}), 'stress') });
    const failed = report.findings.filter((f) => f.outcome === 'fail').map((f) => `${f.metric} ${f.statistic}`);
    expect(failed).toContain('elapsed{name:GET /a} med');
    expect(failed).toContain('elapsed{name:POST /b} med');
  });

  // The same samples written as JMeter's CSV and as its XML read to the same scopes, and to what a naive
  // count of the samples gives: per label the number of samples, of failures and the sum of elapsed.
  it('property: CSV and XML of the same samples give the same scopes, and agree with a naive count', async () => {
    const label = fc.oneof(fc.constantFrom('GET /a', 'search a,b', 'say "hi"', 'multi\nline', 'x & <y>'), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => [...s].every((c) => c >= ' ' && c !== '\ufffe' && c !== '\uffff') && s.trim() === s));
    const samples = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 2000 }), elapsed: fc.integer({ min: 0, max: 30_000 }), label, success: fc.boolean(), rc: fc.constantFrom('200', '404', '500', 'Non HTTP response code: java.net.SocketException') }), { minLength: 1, maxLength: 40 });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(samples, async (list) => {
        let ts = T0;
        const written = list.map((s): WrittenSample => {
          ts += s.gap;
          return { ts, elapsed: s.elapsed, label: s.label, rc: s.rc, success: s.success };
        });
        n++;
        const csv = await ingestFiles([write(`p${n}.csv`, `${[JMETER5_HEADER, ...written.map(jmeterCsvRow)].join('\n')}\n`)]);
        const xml = await ingestFiles([write(`p${n}.jtl`, jmeterXml(written.map((s) => jmeterXmlSample(s))))]);
        expect(xml.scopes).toEqual(csv.scopes);
        expect(xml.meta.start).toBe(csv.meta.start);
        const byLabel = new Map<string, { samples: number; failed: number; elapsed: number }>();
        for (const s of written) {
          const t = byLabel.get(s.label) ?? { samples: 0, failed: 0, elapsed: 0 };
          t.samples++;
          t.failed += s.success ? 0 : 1;
          t.elapsed += s.elapsed;
          byLabel.set(s.label, t);
        }
        for (const [l, t] of byLabel) {
          expect(scopeOf(csv, `samples{name:${l}}`, 'counter')!.counter.count).toBe(t.samples);
          expect(scopeOf(csv, `failed{name:${l}}`, 'rate')!.rate).toEqual({ passes: t.failed, fails: t.samples - t.failed });
          expect(scopeOf(csv, `elapsed{name:${l}}`, 'trend')!.trend.sum).toBe(t.elapsed);
        }
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});

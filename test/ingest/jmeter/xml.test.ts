import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../../../src/document/by-type.js';
import { IngestError, ingestFiles } from '../../../src/ingest/index.js';
import { tempDir } from '../helpers.js';
import { jmeterXml, jmeterXmlSample, type WrittenSample } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

function xmlFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function sample(over: Partial<WrittenSample> = {}): WrittenSample {
  return { ts: T0, elapsed: 20, label: 'GET /api', rc: '200', success: true, ...over };
}

describe('JMeter XML results', () => {
  it('one request per top-level sample: redirect hops and embedded resources nested in it are not counted again', async () => {
    const redirect = [jmeterXmlSample(sample({ label: 'GET /login-0', elapsed: 5 })), jmeterXmlSample(sample({ label: 'GET /login-1', elapsed: 15 }))].join('\n');
    const file = xmlFile('nested.jtl', jmeterXml([jmeterXmlSample(sample({ label: 'GET /login', elapsed: 22, latency: 9, connect: 3, bytes: 700, sentBytes: 90, allThreads: 4 }), redirect), jmeterXmlSample(sample({ ts: T0 + 50 }))]));
    const doc = await ingestFiles([file]);
    expect(doc.meta.sources[0]).toEqual({ file, format: 'jmeter-xml', lines: 8, partial: false });
    expect(Object.keys(doc.scopes).filter((k) => k.startsWith('samples'))).toEqual(['samples', 'samples{name:GET /api}', 'samples{name:GET /login}']);
    expect(scopeOf(doc, 'elapsed', 'trend')!.trend).toMatchObject({ count: 2, sum: 42 });
    expect(scopeOf(doc, 'Latency{name:GET /login}', 'trend')!.trend.sum).toBe(9);
    expect(scopeOf(doc, 'Connect{name:GET /login}', 'trend')!.trend.sum).toBe(3);
    expect(scopeOf(doc, 'bytes', 'counter')!.counter.count).toBe(800);
    expect(scopeOf(doc, 'sentBytes', 'counter')!.counter.count).toBe(140);
    expect(scopeOf(doc, 'allThreads', 'gauge')!.gauge).toMatchObject({ min: 1, max: 4 });
    expect(doc.meta.warnings).toEqual([]);
  });

  it('entities and character references in attributes are decoded (labels with & < > " and line breaks)', async () => {
    const file = xmlFile('entities.jtl', jmeterXml([jmeterXmlSample(sample({ label: 'a & b <"c">\nd' }))]));
    const doc = await ingestFiles([file]);
    expect(Object.keys(doc.scopes)).toContain('samples{name:a & b <"c">\nd}');
  });

  it('text, assertion results and comments inside samples are skipped; <sample> and <httpSample> both count', async () => {
    const body = '  <assertionResult><name>A</name><failure>true</failure><failureMessage>x &lt; y</failureMessage></assertionResult>\n  <responseData class="java.lang.String">&lt;html&gt;\nline 2</responseData><!-- c -->';
    const text = jmeterXml([jmeterXmlSample(sample({ success: false }), body), `<sample t="7" lt="0" ts="${T0 + 5}" s="true" lb="java" rc="200" rm="OK" tn="Thread Group 1-1" dt="text" by="0"/>`]);
    const doc = await ingestFiles([xmlFile('body.jtl', text)]);
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(2);
    expect(scopeOf(doc, 'failed', 'rate')!.rate).toEqual({ passes: 1, fails: 1 });
  });

  it('without its closing </testResults>, cut inside a sample: the complete samples before it, partial, a warning with file and lines', async () => {
    const whole = jmeterXml([jmeterXmlSample(sample()), jmeterXmlSample(sample({ ts: T0 + 10 })), jmeterXmlSample(sample({ ts: T0 + 20 }), '  <responseData class="java.lang.String">some text</responseData>')], false);
    const cut = whole.slice(0, whole.indexOf('some text') + 4);
    const file = xmlFile('cut.jtl', cut);
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.sources[0]).toMatchObject({ lines: 4, partial: true });
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(2);
    expect(doc.meta.warnings).toEqual([`${file}: ends at line 6 without its closing </testResults> (JMeter was stopped while writing it): read the 2 complete samples up to line 4; the sample from line 5 is cut off`]);
  });

  it('a Transaction Controller sample without nested samplers: a warning that its requests are counted beside it', async () => {
    const tc = `<sample t="40" lt="0" ts="${T0}" s="true" lb="checkout" rc="200" rm="Number of samples in transaction : 2, number of failing samples : 0" tn="Thread Group 1-1" dt="" by="0"/>`;
    const doc = await ingestFiles([xmlFile('tc.jtl', jmeterXml([jmeterXmlSample(sample()), jmeterXmlSample(sample({ elapsed: 20 })), tc]))]);
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(3);
    expect(doc.meta.warnings).toHaveLength(1);
    expect(doc.meta.warnings[0]).toContain("Transaction Controller samples (the first 'checkout', line 5) are written beside the samples of their samplers");
  });

  it('control characters XML 1.0 does not allow (a saved response): skipped with one warning, every sample read', async () => {
    const body = '  <responseData class="java.lang.String">bin &#x1; \u0002 &nbsp;</responseData>';
    const file = xmlFile('control.jtl', jmeterXml([jmeterXmlSample(sample(), body), jmeterXmlSample(sample({ ts: T0 + 5 }), body)]));
    const doc = await ingestFiles([file]);
    expect(scopeOf(doc, 'samples', 'counter')!.counter.count).toBe(2);
    expect(doc.meta.warnings).toEqual([`${file}:4: holds characters XML 1.0 does not allow (malformed character entity; a saved response with control characters, written as JMeter got it): skipped`]);
  });

  it.each([
    { what: 'a mismatched closing tag', sample: '<httpSample t="1" ts="1" s="true" lb="x"></sample>', line: 4, message: /is not well-formed XML at column \d+: unexpected close tag/ },
    { what: 'an element that is not a sample', sample: '<hashTree/>', line: 4, message: /<hashTree> in <testResults> has no t and ts attributes: not a JMeter sample/ },
    { what: 'a sample without s', sample: '<httpSample t="1" ts="1700000000000" lb="x"/>', line: 4, message: /the sample has no s \(success\) attribute/ },
    { what: 'a t that is not a number', sample: '<httpSample t="abc" ts="1700000000000" s="true" lb="x"/>', line: 4, message: /t \(elapsed\) 'abc' is not a number/ },
    { what: 'an unreadable ts', sample: '<httpSample t="1" ts="yesterday" s="true" lb="x"/>', line: 4, message: /ts 'yesterday' is not milliseconds since 1970/ },
  ])('$what: IngestError with its line', async ({ sample: bad, line, message }) => {
    const file = xmlFile('bad.jtl', jmeterXml([jmeterXmlSample(sample()), bad, jmeterXmlSample(sample())]));
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).line).toBe(line);
    expect((err as Error).message).toMatch(message);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportedScopeOf } from '../../../src/document/by-type.js';
import { RunDocumentSchema } from '../../../src/document/run-document.js';
import { RunView } from '../../../src/document/run-view.js';
import { ARTILLERY_ROLES } from '../../../src/ingest/artillery/index.js';
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
const HEADER = '{"perfGate":"artillery-requests@1","artillery":"2.0.21","pid":1,"thread":1,"startedAt":1796278111208}';
const line = (o: Record<string, unknown>): string => JSON.stringify({ t: 1796278111783, name: 'GET /x', method: 'GET', ...o });

function write(name: string, lines: readonly string[], end = '\n'): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + end);
  return file;
}

describe('artillery-plugin-perf-gate request lines', () => {
  it('are recognised by their header line', async () => {
    expect(await detectFormat(artilleryFixture('baseline', 'requests'))).toMatchObject({ kind: 'stream', format: 'artillery-requests', gzip: true });
  });

  it('give the same requests, per endpoint, as the report of the same run, and its percentiles within the sketches’ error', async () => {
    const file = artilleryFixture('baseline', 'requests');
    const stream = await ingestFiles([file], { stage: 'smoke' });
    const report = await ingestFiles([artilleryFixture('baseline', 'report')], { stage: 'smoke' });
    expect(RunDocumentSchema.parse(stream)).toEqual(stream);
    expect(stream.meta).toMatchObject({ tool: 'artillery', roles: ARTILLERY_ROLES, aggregateOnly: false, partial: false, groupBy: ['name'], warnings: [] });
    // 1008 requests and the header line
    expect(stream.meta.sources).toEqual([{ file, format: 'artillery-requests', lines: 1009, partial: false }]);
    const s = new RunView(stream);
    const r = new RunView(report);
    expect(s.value('http.requests', 'count')).toBe(1008);
    for (const name of r.scopesByTag('http.response_time', 'name').keys()) {
      const scope = `http.response_time{name:${name}}`;
      expect(s.value(`http.requests{name:${name}}`, 'count'), name).toBe(r.value(`http.requests{name:${name}}`, 'count'));
      expect(s.value(scope, 'count'), name).toBe(84);
      expect(s.value(scope, 'min'), name).toBe(r.value(scope, 'min'));
      expect(s.value(scope, 'max'), name).toBe(r.value(scope, 'max'));
      // Artillery's summaries come from its own sketch; 84 integer latencies: the nearest rank may differ by one step.
      expect(Math.abs(s.value(scope, 'med')! / r.value(scope, 'med')! - 1), name).toBeLessThan(0.1);
    }
    expect(s.errors({})).toEqual({ failed: 0, total: 1008 });
    expect(s.signatures({ name: DASHBOARD })).toEqual([]);
    expect(s.distribution(`http.response_time{name:${DASHBOARD}}`)).toBeDefined();
    expect(stream.metrics['http.response_time']).toMatchObject({ type: 'trend', contains: 'time', tags: ['method', 'name', 'status'] });
    expect(stream.metrics['http.failed']).toMatchObject({ type: 'rate', tags: ['method', 'name', 'status'] });
    // Plain HTTP: no TLS phase, so no http.tls.
    expect(Object.keys(stream.metrics).sort()).toEqual(['http.dns', 'http.failed', 'http.requests', 'http.response_time', 'http.tcp', 'http.total']);
    expect(stream.windows.series[`http.response_time{name:${DASHBOARD}}`]!.length).toBeGreaterThan(10);
  });

  it('record failure signatures: the status of failed answers', async () => {
    const doc = await ingestFiles([artilleryFixture('errors', 'requests')]);
    const view = new RunView(doc);
    expect(view.errors({})).toEqual({ failed: 53, total: 896 });
    expect(view.errors({ name: 'POST /api/alerts' })).toEqual({ failed: 14, total: 84 });
    expect(view.signatures({ name: 'POST /api/alerts' })).toEqual([{ status: '500', failed: 14 }]);
  });

  it('record a network error as a failed request with its error_code, and no latency', async () => {
    const doc = await ingestFiles([artilleryFixture('refused', 'requests')]);
    const view = new RunView(doc);
    expect(view.errors({ name: 'POST /api/auth/login' })).toEqual({ failed: 4, total: 4 });
    expect(view.signatures({ name: 'POST /api/auth/login' })).toEqual([{ errorCode: 'ECONNREFUSED', failed: 4 }]);
    expect(doc.metrics['http.response_time']).toMatchObject({ type: 'trend', contains: 'time' });
    expect(doc.scopes['http.response_time']).toBeUndefined();
  });

  it('read the files of several workers as shards of one run', async () => {
    const text = gunzipSync(readFileSync(artilleryFixture('baseline', 'requests'))).toString('utf8').trimEnd().split('\n');
    const [header, ...requests] = text;
    const a = write('shard.1-1.jsonl', [header!, ...requests.filter((_, i) => i % 2 === 0)]);
    const b = write('shard.1-2.jsonl', [header!, ...requests.filter((_, i) => i % 2 === 1)]);
    const whole = new RunView(await ingestFiles([artilleryFixture('baseline', 'requests')]));
    const shards = new RunView(await ingestFiles([a, b]));
    expect(shards.value(`http.response_time{name:${DASHBOARD}}`, 'p(95)')).toBe(whole.value(`http.response_time{name:${DASHBOARD}}`, 'p(95)'));
    expect(shards.value('http.requests', 'count')).toBe(1008);
  });

  it('report a cut-off last line as partial and keep the lines before it', async () => {
    const file = write('cut.jsonl', [HEADER, line({ status: 200, ms: 10 }), line({ status: 200, ms: 12 }), '{"t":1796278111790,"name":"GET /x","met'], '');
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.sources[0]).toMatchObject({ lines: 3, partial: true });
    expect(doc.meta.warnings).toContain(`${file}: line 4 is cut off (Artillery was stopped while writing it); read the 3 complete lines before it`);
    expect(new RunView(doc).value('http.requests', 'count')).toBe(2);
  });

  it('read a whole last line without its newline', async () => {
    const doc = await ingestFiles([write('no-newline.jsonl', [HEADER, line({ status: 200, ms: 10 }), line({ status: 503, ms: 1 })], '')]);
    expect(doc.meta.partial).toBe(false);
    expect(new RunView(doc).errors({})).toEqual({ failed: 1, total: 2 });
  });

  it.each([
    { what: 'not JSON', bad: 'hello', message: /:3: expected a JSON request line, got 'hello'/ },
    { what: 'no time', bad: JSON.stringify({ name: 'GET /x', method: 'GET', status: 200 }), message: /:3: 't' must be the request's start in Unix milliseconds but is missing/ },
    { what: 'no name', bad: line({ name: '', status: 200 }), message: /:3: 'name' must be the request's name/ },
    { what: 'a bad status', bad: line({ status: 'ok' }), message: /:3: 'status' must be an HTTP status code but is "ok"/ },
    { what: 'neither status nor error', bad: line({}), message: /:3: a request line needs a 'status'/ },
    { what: 'a negative latency', bad: line({ status: 200, ms: -1 }), message: /:3: 'ms' must be a latency in milliseconds \(≥ 0\) but is -1/ },
    { what: 'another format version', bad: '{"perfGate":"artillery-requests@9"}', message: /:3: is written in artillery-requests@9, but this perf-gate reads artillery-requests@1/ },
  ])('refuse a line with $what, naming file and line', async ({ what, bad, message }) => {
    const file = write(`bad-${what.replace(/\W/g, '')}.jsonl`, [HEADER, line({ status: 200, ms: 1 }), bad, line({ status: 200, ms: 1 })]);
    const err = await ingestFiles([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).line).toBe(3);
    expect((err as Error).message).toMatch(message);
  });

  it('compare with the report of the same tool (same metric names and roles)', async () => {
    const stream = await ingestFiles([artilleryFixture('aa', 'requests')]);
    const report = await ingestFiles([artilleryFixture('aa', 'report')]);
    expect(stream.meta.roles).toEqual(report.meta.roles);
    for (const name of ['http.response_time', 'http.requests', 'http.failed']) expect(stream.metrics[name]!.type).toBe(report.metrics[name]!.type);
    expect(new RunView(stream).errors({})).toEqual({ failed: 0, total: 1008 });
    expect(new RunView(report).errors({})).toEqual({ failed: 0, total: 1008 });
    expect(reportedScopeOf(report, 'http.failed')!.rate).toEqual({ passes: 0, fails: 1008 });
  });
});

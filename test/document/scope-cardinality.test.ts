import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDocumentSchema } from '../../src/document/run-document.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { fixture, k6MetricLine, tempDir } from '../ingest/helpers.js';
import { scopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const DECLARATIONS = [
  k6MetricLine('http_reqs', 'counter'),
  k6MetricLine('http_req_duration', 'trend', 'time'),
];
const T0 = Date.UTC(2026, 10, 27, 9, 48, 40);

/** k6's lines for one request named `name` (k6 sets name and url to the URL when the script names nothing). */
function request(i: number, name: string, ms = 20): string[] {
  const tags = JSON.stringify({ method: 'GET', name, status: '200', url: name });
  const time = new Date(T0 + i * 10).toISOString();
  return [
    `{"metric":"http_reqs","type":"Point","data":{"time":"${time}","value":1,"tags":${tags}}}`,
    `{"metric":"http_req_duration","type":"Point","data":{"time":"${time}","value":${ms},"tags":${tags}}}`,
  ];
}

function file(name: string, requests: readonly string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[...DECLARATIONS, ...requests.flat()].join('\n')}\n`);
  return path;
}

const TEMPLATE_ADVICE =
  ': these are URLs, as k6 names a request by its URL when the script does not name it, so ids in paths would make one scope per id; ' +
  'numbers, UUIDs and long hex strings in the path became {id} and query values {}. Name the requests in the k6 script to choose the endpoints yourself: ' +
  "http.get(url, { tags: { name: 'GET /api/alerts/{id}' } }), or build the URL with http.url`…/api/alerts/${id}` (k6 then names it by the template)";

const scopeNames = (doc: { scopes: Record<string, unknown> }, metric: string): string[] => Object.keys(doc.scopes).filter((n) => n.startsWith(`${metric}{`)).sort();

describe('URL names collapse into templates', () => {
  it('300 ids and a search with query values: 2 templates, one warning', async () => {
    const requests = [
      ...Array.from({ length: 300 }, (_, i) => request(i, `http://127.0.0.1:8080/api/alerts/${i + 1}`)),
      ...Array.from({ length: 4 }, (_, i) => request(300 + i, `http://127.0.0.1:8080/api/search?q=term${i}&page=${i}`)),
      request(304, 'GET /api/tenants'),
    ];
    const doc = await ingestFiles([file('ids.ndjson', requests)]);
    expect(scopeNames(doc, 'http_req_duration')).toEqual([
      'http_req_duration{name:GET /api/tenants}',
      'http_req_duration{name:http://127.0.0.1:8080/api/alerts/{id}}',
      'http_req_duration{name:http://127.0.0.1:8080/api/search?q={}&page={}}',
    ]);
    expect(scopeOf(doc, 'http_reqs{name:http://127.0.0.1:8080/api/alerts/{id}}', 'counter')!.counter).toEqual({ count: 300, samples: 300 });
    expect(scopeOf(doc, 'http_req_duration{name:http://127.0.0.1:8080/api/search?q={}&page={}}', 'trend')!.trend.count).toBe(4);
    expect(doc.meta.warnings).toEqual([
      `collapsed 304 distinct 'name' values into 2 templates ('http://127.0.0.1:8080/api/alerts/{id}', 'http://127.0.0.1:8080/api/search?q={}&page={}')${TEMPLATE_ADVICE}`,
    ]);
    expect(RunDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
  });

  it('a baseline and a current run with other ids collapse alike', async () => {
    const baseline = await ingestFiles([file('b.ndjson', Array.from({ length: 50 }, (_, i) => request(i, `/api/alerts/${i}`)))]);
    const current = await ingestFiles([file('c.ndjson', Array.from({ length: 80 }, (_, i) => request(i, `/api/alerts/${1000 + 7 * i}`)))]);
    expect(scopeNames(current, 'http_req_duration')).toEqual(['http_req_duration{name:/api/alerts/{id}}']);
    expect(Object.keys(current.scopes)).toEqual(Object.keys(baseline.scopes));
  });

  it('only the grouping tags are templated; url keeps its values and a submetric on a raw URL still matches', async () => {
    const doc = await ingestFiles([file('sub.ndjson', Array.from({ length: 10 }, (_, i) => request(i, `/api/alerts/${i}`)))], {
      groupBy: ['name'],
      submetrics: [{ metric: 'http_req_duration', tags: { url: '/api/alerts/3' } }],
    });
    expect(scopeOf(doc, 'http_req_duration{url:/api/alerts/3}', 'trend')!.trend.count).toBe(1);
    expect(scopeOf(doc, 'http_req_duration{name:/api/alerts/{id}}', 'trend')!.trend.count).toBe(10);
  });

  it('the recorded runs, whose scripts name every request, are not touched', async () => {
    const doc = await ingestFiles([fixture('smoke-baseline.ndjson.gz')]);
    expect(doc.meta.warnings).toEqual([]);
    expect(scopeNames(doc, 'http_req_duration')).toContain('http_req_duration{name:PUT /api/alerts/{id}}');
  });

  it('real k6 v1.8.1 and v2.2.0 output of an unnamed request with a query (&<> escaped by v1 only) gives the same template', async () => {
    const v1 = await ingestFiles([fixture('v1-v2/setup-teardown-v1.8.1.ndjson.gz')]);
    const v2 = await ingestFiles([fixture('v1-v2/setup-teardown-v2.2.0.ndjson.gz')]);
    const name = 'http_req_duration{name:http://127.0.0.1:18080/api/raw/{id}?q={}&b={}}';
    expect(scopeOf(v1, name, 'trend')!.trend.count).toBeGreaterThan(10);
    expect(scopeOf(v2, name, 'trend')!.trend.count).toBeGreaterThan(10);
    expect(scopeNames(v1, 'http_req_duration')).toEqual(scopeNames(v2, 'http_req_duration'));
    expect(v2.meta.warnings[0]).toMatch(/^collapsed \d+ distinct 'name' values into 1 template \('http:\/\/127\.0\.0\.1:18080\/api\/raw\/\{id\}\?q=\{\}&b=\{\}'\)/);
  });
});

describe('past maxScopes, the least busy values go into (other)', () => {
  // Requests per name: a 5, b 4, c 4, d 2 (one slow), e 1. With maxScopes 3: a, then b and c (a tie broken by name).
  const counts: [string, number][] = [['e', 1], ['d', 2], ['c', 4], ['b', 4], ['a', 5]];
  const requests = counts.flatMap(([name, n], k) => Array.from({ length: n }, (_, i) => request(k * 10 + i, name, name === 'd' && i === 0 ? 900 : 20)));

  it('keeps the 3 with the most requests and groups the other 2 into one (other) scope per metric', async () => {
    const doc = await ingestFiles([file('cap.ndjson', requests)], { maxScopes: 3 });
    expect(scopeNames(doc, 'http_reqs')).toEqual(['http_reqs{name:(other)}', 'http_reqs{name:a}', 'http_reqs{name:b}', 'http_reqs{name:c}']);
    expect(scopeNames(doc, 'http_req_duration')).toEqual(['http_req_duration{name:(other)}', 'http_req_duration{name:a}', 'http_req_duration{name:b}', 'http_req_duration{name:c}']);
    expect(doc.scopes['http_reqs{name:(other)}']).toEqual({ metric: 'http_reqs', tags: { name: '(other)' }, type: 'counter', counter: { count: 3, samples: 3 } });
    expect(scopeOf(doc, 'http_req_duration{name:(other)}', 'trend')!.trend).toMatchObject({ count: 3, min: 20, max: 900, sum: 940 });
    expect(doc.windows.series['http_req_duration{name:(other)}']!.reduce((n, w) => n + w.count, 0)).toBe(3);
    expect(doc.meta.warnings).toEqual([
      "'name' has 5 distinct values, more than maxScopes (3): kept the 3 with the most requests (then points, then by name) and grouped the other 2 (3 requests) " +
        "into 'name:(other)' for every metric. Name the requests in the k6 script (tags: { name: '…' }) or raise maxScopes in perf-gate.yml",
    ]);
  });

  it('at the cap or under it, nothing is grouped', async () => {
    const doc = await ingestFiles([file('cap5.ndjson', requests)], { maxScopes: 5 });
    expect(scopeNames(doc, 'http_reqs')).toHaveLength(5);
    expect(doc.meta.warnings).toEqual([]);
  });

  it('the same input gives the same document (the choice is deterministic)', async () => {
    const a = await ingestFiles([file('cap-a.ndjson', requests)], { maxScopes: 3 });
    const b = await ingestFiles([file('cap-b.ndjson', [...requests].reverse())], { maxScopes: 3 });
    expect(Object.keys(b.scopes)).toEqual(Object.keys(a.scopes));
    expect(b.scopes['http_reqs{name:(other)}']).toEqual(a.scopes['http_reqs{name:(other)}']);
  });

  it('a value a submetric names is kept whatever its count, and its scopes stay whole', async () => {
    const doc = await ingestFiles([file('pin.ndjson', requests)], { maxScopes: 3, submetrics: [{ metric: 'http_req_duration', tags: { name: 'e' } }] });
    // e is kept (first), then a and b; c and d go.
    expect(scopeNames(doc, 'http_reqs')).toEqual(['http_reqs{name:(other)}', 'http_reqs{name:a}', 'http_reqs{name:b}', 'http_reqs{name:e}']);
    expect(scopeOf(doc, 'http_req_duration{name:e}', 'trend')!.trend.count).toBe(1);
    expect(scopeOf(doc, 'http_reqs{name:(other)}', 'counter')!.counter.count).toBe(6);
  });

  it('past 20 × maxScopes distinct values, new ones go straight into (other), and the warning says so', async () => {
    const many = Array.from({ length: 30 }, (_, i) => request(i, `name-${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'z' : ''}`));
    const doc = await ingestFiles([file('overflow.ndjson', many)], { maxScopes: 1 });
    expect(scopeNames(doc, 'http_reqs')).toEqual(['http_reqs{name:(other)}', 'http_reqs{name:name-a}']);
    expect(scopeOf(doc, 'http_reqs{name:(other)}', 'counter')!.counter.count).toBe(29);
    expect(doc.meta.warnings).toEqual([
      "'name' has 30 distinct values, more than maxScopes (1): kept the 1 with the most requests (then points, then by name) and grouped the other 29 (29 requests) " +
        "into 'name:(other)' for every metric (10 values first seen after the first 20 went there directly, to bound memory). " +
        "Name the requests in the k6 script (tags: { name: '…' }) or raise maxScopes in perf-gate.yml",
    ]);
  });

  it('maxScopes must be a whole number ≥ 1', async () => {
    await expect(ingestFiles([file('x.ndjson', requests)], { maxScopes: 0 })).rejects.toThrow('maxScopes must be a whole number ≥ 1 but got 0');
  });
});
